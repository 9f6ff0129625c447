import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The client's own page and the AVG inzage: how a client reaches the service, the appointments
 * a coach plans with a client, and the processing activity under which a copy of all data is
 * made (AVG art. 15) for organisations that already exist.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- How a client reaches the service: shown on the client's own page and named as the
    -- controller (verwerkingsverantwoordelijke) in the copy of their data.
    alter table organisations
      add column contact_phone text,
      add column contact_email text,
      add column visiting_address text;

    -- A planned contact moment with a date, a time and a place, made by the coach and shown to
    -- the client. A contact moment (contact_moments) records what happened; an appointment is
    -- what is going to happen. Cancelled appointments stay, with who cancelled and why.
    create table appointments (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      location text not null check (length(location) between 1 and 200),
      purpose text not null check (length(purpose) between 1 and 500),
      -- Whom the client meets: usually the coach, sometimes a colleague.
      with_user_id uuid references users(id),
      status text not null default 'gepland' check (status in ('gepland', 'geannuleerd')),
      cancel_reason text,
      cancelled_at timestamptz,
      cancelled_by uuid references users(id),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check ((status = 'geannuleerd') = (cancelled_at is not null))
    );
    -- The client's page (upcoming appointments) and the dossier list a client's appointments by
    -- time; the AVG inzage reads them all for one client.
    create index appointments_client_idx on appointments (client_id, starts_at);

    -- New organisations get this activity from PROCESSING_ACTIVITIES when provisioned; the ones
    -- that exist already get it here, so a copy of a client's data can be logged at once.
    insert into processing_activities (organisation_id, code, name, purpose, legal_ground, retention)
    select id,
      'subject-access',
      'Inzage door betrokkene (kopie van alle gegevens)',
      'Een cliënt op verzoek een kopie geven van alle persoonsgegevens die Meedoen over hem of haar verwerkt, met het verwerkingslogboek',
      'AVG art. 12 en 15; AVG art. 6 lid 1 sub c',
      '2 jaar'
    from organisations
    on conflict (organisation_id, code) do nothing;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}

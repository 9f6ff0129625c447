import type { Insertable } from 'kysely';
import { amsterdamInstant } from '../../../shared/amsterdam-time.ts';
import { addMonths } from '../../../shared/dates.ts';
import type { Executor } from '../../db/database.ts';
import type { AppointmentsTable } from '../../db/schema.ts';
import { insertAppointments } from '../appointments/appointments.repository.ts';
import { updateServiceContact } from '../client-portal/client-portal.repository.ts';

const OFFICES = ['Werkplein Lingestad, Stationsplein 4', 'Servicepunt Waalkant, Dorpsstraat 12', 'Servicepunt Heuveldorp, Kerkplein 3'];
const PURPOSES = ['Voortgangsgesprek over uw plan', 'Jaargesprek over werk en meedoen', 'Samen de Positieve Gezondheid invullen', 'Kennismaken met uw nieuwe coach', 'Bespreken van een vrijwilligersplek'];

/** A calendar day plus days, moved on to Monday when it falls in a weekend (the office is closed). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const weekday = d.getUTCDay();
  if (weekday === 6 || weekday === 0) d.setUTCDate(d.getUTCDate() + (weekday === 6 ? 2 : 1));
  return d.toISOString().slice(0, 10);
}

/**
 * How clients reach the demo service, and appointments: for every fourth client one that
 * happened (not before their benefit started) and one to come, except for a client who leaves
 * (demo-lifecycle.ts); the demo client (the first) gets two to come, one past and one
 * cancelled, so their own page and the AVG inzage show every kind.
 */
export async function seedDemoAppointments(trx: Executor, organisationId: string, clients: { id: string; coachId: string | null; leaves?: boolean; startedOn?: string }[], today: string): Promise<void> {
  await updateServiceContact(trx, organisationId, { contact_phone: '0345 123 456', contact_email: 'info@werkplein-lingedal.example', visiting_address: OFFICES[0]! });
  const rows: Insertable<AppointmentsTable>[] = [];
  const add = (client: { id: string; coachId: string | null }, day: string, time: string, i: number, cancelled = false) => {
    const startsAt = amsterdamInstant(day, time);
    rows.push({
      organisation_id: organisationId,
      client_id: client.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 45 * 60_000),
      location: OFFICES[i % OFFICES.length]!,
      purpose: PURPOSES[i % PURPOSES.length]!,
      with_user_id: client.coachId,
      created_by: client.coachId,
      ...(cancelled ? { status: 'geannuleerd' as const, cancel_reason: 'Uw coach is ziek; wij maken een nieuwe afspraak.', cancelled_at: startsAt, cancelled_by: client.coachId } : {}),
    });
  };
  clients.forEach((client, i) => {
    if (i % 4 !== 0 || client.leaves) return;
    const past = addDays(addMonths(today, -1), 0);
    if (!client.startedOn || client.startedOn <= past) add(client, past, '10:00', i);
    add(client, addDays(today, 3 + (i % 20)), i % 2 === 0 ? '09:30' : '14:00', i + 1);
  });
  const demoClient = clients[0];
  if (demoClient) {
    add(demoClient, addDays(today, 17), '11:00', 2);
    add(demoClient, addDays(today, -10), '13:30', 3, true);
  }
  await insertAppointments(trx, rows);
}

import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A provider or partner (external organisation) works for one organisation. Until now only the
 * application kept a referral, a user or an escalation of organisation A from naming a provider of
 * organisation B. The provider's referral total (referrals.repository: ownOpenReferralCount) checks
 * the organisation once, on the caller's provider, and relies on exactly that; so does the
 * row-level-security backstop's binding of a provider user to their organisation. Composite keys
 * make the database hold it: (organisation_id, external_organisation_id) must name a provider of
 * that same organisation. A null provider is not checked (MATCH SIMPLE), as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    /* sql */ `
    alter table external_organisations add constraint external_organisations_tenant_key unique (organisation_id, id);
    alter table referrals add constraint referrals_provider_same_organisation
      foreign key (organisation_id, external_organisation_id) references external_organisations (organisation_id, id);
    alter table users add constraint users_provider_same_organisation
      foreign key (organisation_id, external_organisation_id) references external_organisations (organisation_id, id);
    alter table escalations add constraint escalations_partner_same_organisation
      foreign key (organisation_id, external_organisation_id) references external_organisations (organisation_id, id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    /* sql */ `
    alter table escalations drop constraint escalations_partner_same_organisation;
    alter table users drop constraint users_provider_same_organisation;
    alter table referrals drop constraint referrals_provider_same_organisation;
    alter table external_organisations drop constraint external_organisations_tenant_key;
  `,
  );
}

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../../shared/roles.ts';

/** Kysely's view of the database. Kept by hand, next to the migrations that define it. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns travel as 'YYYY-MM-DD' strings (the pg type parser is set so in database.ts). */
type DateOnly = ColumnType<string, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  slug: string;
  coach_client_scope: ColumnType<'own' | 'team' | 'organisation', 'own' | 'team' | 'organisation' | undefined>;
  created_at: CreatedAt;
}

export interface MunicipalitiesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  cbs_code: string;
  inhabitants: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ExternalOrganisationsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: 'provider' | 'partner';
  name: string;
  created_at: CreatedAt;
}

export interface TeamsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  municipality_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ClientsTable {
  id: Generated<string>;
  organisation_id: string;
  client_number: string;
  bsn: string;
  bsn_pseudonym: string;
  first_name: string;
  last_name: string;
  date_of_birth: DateOnly;
  municipality_id: string;
  team_id: string | null;
  coach_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  role: Role;
  team_id: string | null;
  external_organisation_id: string | null;
  client_id: string | null;
  password_hash: string;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export type ReferralStatus =
  | 'requested' | 'accepted' | 'refused' | 'active' | 'completed' | 'stopped' | 'transferred' | 'withdrawn';

export interface ReferralsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  external_organisation_id: string;
  status: ColumnType<ReferralStatus, ReferralStatus | undefined, ReferralStatus>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProcessingActivitiesTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  name: string;
  purpose: string;
  legal_ground: string;
  retention: string;
  created_at: CreatedAt;
}

export interface ProcessingLogTable {
  id: ColumnType<string, never, never>;
  organisation_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  operation: string;
  started_at: Date;
  ended_at: Date;
  status: 'ok' | 'error';
  processing_activity_id: string;
  data_subject_id: string;
  data_subject_id_type: ColumnType<string, string | undefined, never>;
  user_id: string | null;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  id: ColumnType<string, never, never>;
  organisation_id: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: CreatedAt;
}

export interface DB {
  organisations: OrganisationsTable;
  municipalities: MunicipalitiesTable;
  external_organisations: ExternalOrganisationsTable;
  teams: TeamsTable;
  clients: ClientsTable;
  users: UsersTable;
  sessions: SessionsTable;
  referrals: ReferralsTable;
  processing_activities: ProcessingActivitiesTable;
  processing_log: ProcessingLogTable;
  audit_events: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type ProcessingLogRow = Selectable<ProcessingLogTable>;

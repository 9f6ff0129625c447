import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BenefitType, ClientRoute, OutflowReason, TargetGroup } from '../../shared/client-fields.ts';
import type { LadderAnswers } from '../../shared/ladder.ts';
import type { Role } from '../../shared/roles.ts';
import type { GoalOwnerKind, GoalStatus } from '../../shared/plan-goals.ts';
import type { HealthAnswers, HealthDimension, HealthFilledBy } from '../../shared/positive-health.ts';
import type { ZrmDomain } from '../../shared/zrm.ts';
import type { BeschutStatus, Diploma, EducationLevel, EmployerSector, PlacementKind, PlacementOutcome, PlacementPhase, TegenprestatieDecision } from '../../shared/placements.ts';

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
  client_number_counter: ColumnType<number, never, number>;
  /** How clients reach the service (migration 0012). */
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>;
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  visiting_address: ColumnType<string | null, string | null | undefined, string | null>;
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

export type PartnerKind = 'taalhuis' | 'bibliotheek' | 'buurtteam' | 'schuldhulp' | 'sportclub' | 'overig';

export interface ExternalOrganisationsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: 'provider' | 'partner';
  name: string;
  partner_kind: PartnerKind | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
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
  version: ColumnType<number, number | undefined, number>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  street: ColumnType<string | null, string | null | undefined, string | null>;
  house_number: ColumnType<string | null, string | null | undefined, string | null>;
  postcode: ColumnType<string | null, string | null | undefined, string | null>;
  city: ColumnType<string | null, string | null | undefined, string | null>;
  benefit_type: ColumnType<BenefitType | null, BenefitType | null | undefined, BenefitType | null>;
  benefit_start_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** Uitstroom (migration 0013): the last day of the benefit and why it ended. */
  benefit_ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  outflow_reason: ColumnType<OutflowReason | null, OutflowReason | null | undefined, OutflowReason | null>;
  target_groups: ColumnType<TargetGroup[], TargetGroup[] | undefined, TargetGroup[]>;
  route: ColumnType<ClientRoute | null, ClientRoute | null | undefined, ClientRoute | null>;
  ladder_step: ColumnType<number | null, number | null | undefined, number | null>;
  ladder_growth_potential: ColumnType<number | null, number | null | undefined, number | null>;
  ladder_measured_on: ColumnType<string | null, string | null | undefined, string | null>;
  annual_conversation_on: ColumnType<string | null, string | null | undefined, string | null>;
  open_signal_count: ColumnType<number, number | undefined, number>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
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
  kind: ColumnType<ReferralKind, ReferralKind | undefined, never>;
  contract_id: string | null;
  question: ColumnType<string, string | undefined, string>;
  shared_fields: ColumnType<string[], string[] | undefined, string[]>;
  consent_given: ColumnType<boolean, boolean | undefined, boolean>;
  legal_ground: string | null;
  requested_by: string | null;
  requested_at: ColumnType<Date, Date | string | undefined, Date | string>;
  decided_at: Date | null;
  decided_by: string | null;
  refusal_reason: string | null;
  provider_coach_id: string | null;
  started_on: DateOnly | null;
  planned_end_on: DateOnly | null;
  ended_on: DateOnly | null;
  stop_reason: string | null;
  end_note: string | null;
  transferred_to: 'provider' | 'work_trajectory' | null;
  next_referral_id: string | null;
  advice_next_step: string | null;
  advice: string | null;
  extension_status: 'proposed' | 'approved' | 'refused' | null;
  extension_until: DateOnly | null;
  extension_motivation: string | null;
  extension_decided_by: string | null;
  extension_decided_at: Date | null;
  withdrawal_reason: string | null;
  outcome: string | null;
  escalation_id: string | null;
  /** Set by a trigger when a trajectory_start or trajectory_end measurement is linked (migration 0028). */
  start_measured: ColumnType<boolean, never, never>;
  end_measured: ColumnType<boolean, never, never>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type ReferralKind = 'trajectory' | 'partner';

export interface ContractsTable {
  id: Generated<string>;
  organisation_id: string;
  provider_id: string;
  product: string;
  ladder_from: number | null;
  ladder_to: number | null;
  starts_on: DateOnly;
  ends_on: DateOnly;
  price_cents: number;
  capacity: number;
  duration_months: ColumnType<number, number | undefined, number>;
  notes: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContractMunicipalitiesTable {
  contract_id: string;
  municipality_id: string;
  organisation_id: string;
}

export interface ReferralTransitionsTable {
  id: Generated<number>;
  organisation_id: string;
  referral_id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  reason: string | null;
  actor_id: string | null;
  occurred_at: CreatedAt;
}

export interface ReferralProgressTable {
  id: Generated<string>;
  organisation_id: string;
  referral_id: string;
  reported_on: DateOnly;
  summary: string;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface ModulesTable {
  id: Generated<string>;
  organisation_id: string;
  provider_id: string | null;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type CohortStatus = 'gepland' | 'lopend' | 'afgerond' | 'geannuleerd';

export interface CohortsTable {
  id: Generated<string>;
  organisation_id: string;
  module_id: string;
  label: string;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  capacity: number;
  location: string | null;
  collective: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<CohortStatus, CohortStatus | undefined, CohortStatus>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CohortSessionsTable {
  id: Generated<string>;
  organisation_id: string;
  cohort_id: string;
  starts_at: Date | string;
  ends_at: Date | string | null;
  topic: string | null;
  created_at: CreatedAt;
}

export type EnrolmentStatus = 'invited' | 'selected' | 'not_selected' | 'waiting' | 'placed' | 'completed' | 'left';

export interface EnrolmentsTable {
  id: Generated<string>;
  organisation_id: string;
  cohort_id: string;
  client_id: string;
  referral_id: string | null;
  status: EnrolmentStatus;
  priority: ColumnType<boolean, boolean | undefined, boolean>;
  requested_at: ColumnType<Date, Date | string | undefined, Date | string>;
  placed_at: Date | string | null;
  ended_at: Date | string | null;
  end_reason: string | null;
  intake_note: string | null;
  enrolled_by: string | null;
  version: ColumnType<number, number | undefined, number>;
}

export type AttendanceStatus = 'aanwezig' | 'afgemeld' | 'afwezig';

export interface AttendanceTable {
  session_id: string;
  enrolment_id: string;
  organisation_id: string;
  status: AttendanceStatus;
  note: string | null;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProjectsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  municipality_id: string | null;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProjectParticipantsTable {
  project_id: string;
  client_id: string;
  organisation_id: string;
  joined_on: DateOnly;
  left_on: DateOnly | null;
  added_by: string | null;
}

/** A planned meeting with a client (migration 0012): what is going to happen, where and with whom. */
export interface AppointmentsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  location: string;
  purpose: string;
  with_user_id: string | null;
  status: ColumnType<'gepland' | 'geannuleerd', 'gepland' | 'geannuleerd' | undefined, 'gepland' | 'geannuleerd'>;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
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

export interface ClientRouteChangesTable {
  id: ColumnType<number, never, never>;
  organisation_id: string;
  client_id: string;
  previous_route: ClientRoute | null;
  route: ClientRoute;
  reason: string;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface LadderMeasurementsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  measured_on: DateOnly;
  step: number;
  growth_potential: number;
  answers: ColumnType<LadderAnswers, string, never>;
  occasion: 'intake' | 'trajectory_start' | 'trajectory_end' | 'yearly' | 'other';
  referral_id: string | null;
  note: string | null;
  measured_by: string | null;
  created_at: CreatedAt;
}

export interface ContactMomentsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  kind: 'gesprek' | 'telefonisch' | 'huisbezoek' | 'email' | 'jaargesprek' | 'notitie';
  occurred_on: DateOnly;
  summary: string;
  confidential: ColumnType<boolean, boolean | undefined, boolean>;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface SignalsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  domain: string;
  severity: 'laag' | 'middel' | 'hoog';
  status: ColumnType<'open' | 'in_behandeling' | 'geescaleerd' | 'afgerond', 'open' | 'in_behandeling' | 'geescaleerd' | 'afgerond' | undefined>;
  description: string;
  follow_up_on: ColumnType<string | null, string | null | undefined, string | null>;
  raised_by: string | null;
  raised_at: CreatedAt;
  closed_at: Date | null;
  version: ColumnType<number, number | undefined, number>;
}

export interface EscalationsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  signal_id: string;
  target_kind: 'team_ondersteuning' | 'kernteam' | 'partner';
  external_organisation_id: string | null;
  question: string;
  due_on: DateOnly;
  status: ColumnType<'open' | 'teruggemeld', 'open' | 'teruggemeld' | undefined>;
  outcome: string | null;
  reported_at: Date | null;
  reported_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export type TaskKind = 'handmatig' | 'jaargesprek' | 'ladder_meting' | 'traject_eindigt' | 'signaal_opvolging' | 'verlenging_beoordelen' | 'verwijzing_beoordelen' | 'escalatie_verlopen';

export interface TasksTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string | null;
  assignee_id: string | null;
  kind: TaskKind;
  title: string;
  due_on: DateOnly;
  status: ColumnType<'open' | 'afgerond' | 'vervallen', 'open' | 'afgerond' | 'vervallen' | undefined>;
  rule_key: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  completed_at: Date | null;
  completed_by: string | null;
}

export interface TimelineEventsTable {
  id: ColumnType<number, never, never>;
  organisation_id: string;
  client_id: string;
  occurred_at: Date;
  kind: string;
  summary: string;
  confidential: ColumnType<boolean, boolean | undefined, never>;
  actor_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
}

/** Employers and host organisations of placements (migration 0011). */
export interface EmployersTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  kvk_number: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  sector: EmployerSector;
  municipality_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Doelgroepregister and former Wsw employment of a client (migration 0011). */
export interface ClientWorkProfilesTable {
  client_id: string;
  organisation_id: string;
  doelgroepregister: boolean;
  doelgroepregister_on: string | null;
  wsw_history: boolean;
  wsw_ended_on: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A placement in volunteering, a participation or jobs-agreement job, sheltered or regular work (migration 0011). */
export interface PlacementsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  municipality_id: string;
  kind: PlacementKind;
  employer_id: string | null;
  activity: string | null;
  starts_on: DateOnly;
  planned_end_on: string | null;
  /** numeric(4,1): arrives as a string. */
  hours_per_week: ColumnType<string | null, number | null | undefined, number | null>;
  wage_subsidy: ColumnType<boolean, boolean | undefined, boolean>;
  wage_subsidy_percentage: number | null;
  wage_subsidy_amount_cents: number | null;
  job_coach: ColumnType<boolean, boolean | undefined, boolean>;
  job_coach_organisation: string | null;
  phase: PlacementPhase | null;
  trial_ends_on: string | null;
  contract_starts_on: string | null;
  ended_on: string | null;
  outcome: PlacementOutcome | null;
  outcome_reason: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The yearly beschut werk quota (taakstelling) per municipality (migration 0011). */
export interface BeschutWerkQuotasTable {
  municipality_id: string;
  year: number;
  organisation_id: string;
  quota: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** An application for a UWV advice on beschut werk and what became of it (migration 0011). */
export interface BeschutWerkApplicationsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  municipality_id: string;
  requested_on: DateOnly;
  status: ColumnType<BeschutStatus, BeschutStatus | undefined, BeschutStatus>;
  advice: 'positief' | 'negatief' | null;
  assessed_on: string | null;
  placement_id: string | null;
  placed_on: string | null;
  werkfit_started_on: string | null;
  werkfit_note: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A young person's school and qualification (migration 0011). */
export interface SchoolRecordsTable {
  client_id: string;
  organisation_id: string;
  current_education: EducationLevel;
  school_name: string | null;
  enrolled_since: string | null;
  highest_diploma: Diploma;
  early_school_leaver_reported_on: string | null;
  early_school_leaver_source: string | null;
  back_in_education_since: string | null;
  note: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A decision on a tegenprestatie (migration 0011). */
export interface TegenprestatieDecisionsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  decision: TegenprestatieDecision;
  legal_ground: string;
  starts_on: string | null;
  ends_on: string | null;
  activity: string | null;
  hours_per_week: ColumnType<string | null, number | null | undefined, number | null>;
  decided_on: DateOnly;
  decided_by: string | null;
  note: string | null;
  created_at: CreatedAt;
}

/** numeric columns arrive as strings from node-pg and may arrive as numbers elsewhere; read them with Number(). */
type Numeric = ColumnType<string | number, number, number>;

/** A Positive Health measurement (migration 0010): answers as JSONB, the six dimension means as columns. */
export interface HealthMeasurementsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  measured_on: DateOnly;
  filled_by: HealthFilledBy;
  answers: ColumnType<HealthAnswers, string, never>;
  mean_lichaamsfuncties: Numeric;
  mean_mentaal_welbevinden: Numeric;
  mean_zingeving: Numeric;
  mean_kwaliteit_van_leven: Numeric;
  mean_meedoen: Numeric;
  mean_dagelijks_functioneren: Numeric;
  talk_count: number;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

/** A Zelfredzaamheid-Matrix measurement (migration 0010): one 1–5 column per ZRM 2017 domain. */
export type ZrmMeasurementsTable = {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  measured_on: DateOnly;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
} & Record<ZrmDomain, number>;

/** A goal of the personal plan (migration 0010). */
export interface PlanGoalsTable {
  id: Generated<string>;
  organisation_id: string;
  client_id: string;
  dimension: HealthDimension;
  description: string;
  owner_kind: GoalOwnerKind;
  owner_name: string | null;
  due_on: DateOnly | null;
  status: ColumnType<GoalStatus, GoalStatus | undefined, GoalStatus>;
  progress: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, never, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** An action towards a goal (migration 0010). */
export interface PlanGoalActionsTable {
  id: Generated<string>;
  organisation_id: string;
  goal_id: string;
  client_id: string;
  description: string;
  owner_kind: GoalOwnerKind;
  owner_name: string | null;
  due_on: DateOnly | null;
  done: ColumnType<boolean, boolean | undefined, boolean>;
  done_on: DateOnly | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** An editable explanation text of a council report section (migration 0015); municipality null = all municipalities. */
export interface ReportTextsTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_id: string | null;
  period: string;
  section: string;
  text: string;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A performance agreement (prestatieafspraak): a target on one KPI measure, per municipality and year (migration 0014). */
export interface PerformanceAgreementsTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_id: string;
  year: number;
  kpi_key: string;
  measure_key: string;
  comparison: 'at_least' | 'at_most';
  /** numeric(14,2): read as a string, written as a number. */
  target: ColumnType<string, number, number>;
  title: string;
  explanation: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** The assumptions behind the return per route, per organisation and year (migration 0014). */
export interface ReturnAssumptionsTable {
  organisation_id: string;
  year: number;
  staff_hourly_rate_cents: number;
  /** numeric(6,1) hours per client per year on each route: read as strings. */
  staff_hours_vrijwilliger: ColumnType<string, number, number>;
  staff_hours_onderwijs: ColumnType<string, number, number>;
  staff_hours_werknemer: ColumnType<string, number, number>;
  staff_hours_ondernemer: ColumnType<string, number, number>;
  monthly_benefit_cents: number;
  months_counted: number;
  integration_budget_cents: number;
  inflow_prevented: number;
  inflow_prevented_saving_cents: number;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Where a client lived from which day (migration 0013). */
export interface ClientMunicipalityHistoryTable {
  id: ColumnType<string, never, never>;
  organisation_id: string;
  client_id: string;
  municipality_id: string;
  from_on: DateOnly;
  recorded_at: CreatedAt;
  recorded_by: string | null;
}

/**
 * One row per client per calendar year on a benefit (migration 0013): the precomputed facts the
 * ladder KPIs read. Written only by meedoen_refresh_kpi_client_years() (modules/kpi/facts/).
 */
export interface KpiClientYearsTable {
  organisation_id: string;
  year: number;
  client_id: string;
  /** Municipality and route on 30 June / 31 December, or on the last benefit day if earlier. */
  municipality_mid: string;
  municipality_end: string;
  route_mid: ClientRoute | null;
  route_end: ClientRoute | null;
  date_of_birth: DateOnly;
  target_groups: TargetGroup[];
  benefit_from: DateOnly;
  benefit_until: string | null;
  /** Step of the latest measurement on or before 31 Dec of the year before / 30 June / 31 Dec. */
  step_start: number | null;
  step_mid: number | null;
  step_end: number | null;
  measurements_h1: number;
  measurements_h2: number;
  /** Latest jaargesprek on or before 30 June / 31 December. */
  last_annual_conversation_mid: string | null;
  last_annual_conversation_end: string | null;
}

/**
 * One precomputed KPI figure (migration 0023): exact, before suppression, for an organisation,
 * a query (period and filters) and the day it was computed for. Current while the sequence
 * kpi_source_version still stands at source_version. Read and written by modules/kpi/snapshots.
 */
export interface KpiSnapshotsTable {
  organisation_id: string;
  query_key: string;
  figure_key: string;
  computed_for: DateOnly;
  /** bigint: written and compared as text. */
  source_version: ColumnType<string, string, string>;
  computed_at: Timestamp;
  last_read_at: Timestamp;
  /** The RawKpiFigure as JSON. */
  figure: ColumnType<unknown, string, string>;
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
  client_route_changes: ClientRouteChangesTable;
  ladder_measurements: LadderMeasurementsTable;
  contact_moments: ContactMomentsTable;
  signals: SignalsTable;
  escalations: EscalationsTable;
  tasks: TasksTable;
  timeline_events: TimelineEventsTable;
  contracts: ContractsTable;
  contract_municipalities: ContractMunicipalitiesTable;
  referral_transitions: ReferralTransitionsTable;
  referral_progress: ReferralProgressTable;
  modules: ModulesTable;
  cohorts: CohortsTable;
  cohort_sessions: CohortSessionsTable;
  enrolments: EnrolmentsTable;
  attendance: AttendanceTable;
  projects: ProjectsTable;
  project_participants: ProjectParticipantsTable;
  appointments: AppointmentsTable;
  employers: EmployersTable;
  client_work_profiles: ClientWorkProfilesTable;
  placements: PlacementsTable;
  beschut_werk_quotas: BeschutWerkQuotasTable;
  beschut_werk_applications: BeschutWerkApplicationsTable;
  school_records: SchoolRecordsTable;
  tegenprestatie_decisions: TegenprestatieDecisionsTable;
  health_measurements: HealthMeasurementsTable;
  zrm_measurements: ZrmMeasurementsTable;
  plan_goals: PlanGoalsTable;
  plan_goal_actions: PlanGoalActionsTable;
  client_municipality_history: ClientMunicipalityHistoryTable;
  kpi_client_years: KpiClientYearsTable;
  kpi_snapshots: KpiSnapshotsTable;
  performance_agreements: PerformanceAgreementsTable;
  return_assumptions: ReturnAssumptionsTable;
  report_texts: ReportTextsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type ProcessingLogRow = Selectable<ProcessingLogTable>;

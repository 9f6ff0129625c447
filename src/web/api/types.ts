/**
 * The shapes the Meedoen API sends and receives, as the web UI relies on them.
 * Kept in one file so a contract change shows up in one diff.
 */
import type { LadderAnswers } from '../../shared/ladder.ts';
import type { Role } from '../../shared/roles.ts';

export type { Role };

/** A reference to another object by id and display name. */
export type Ref = { id: string; name: string };

/** External organisations are either trajectory providers or network partners. */
export type ExternalOrganisationKind = 'provider' | 'partner';

/** An external organisation (aanbieder or netwerkpartner). */
export type ExternalOrganisation = Ref & { kind: ExternalOrganisationKind };

/** The signed-in user as /api/auth/me presents them. */
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: Ref;
  team: Ref | null;
  externalOrganisation: ExternalOrganisation | null;
};

/** Response of GET /api/auth/me and POST /api/auth/login. */
export type Session = { user: SessionUser; csrfToken: string; permissions: string[] };

/** What the caller may do with one client (the UI asks, never re-implements). */
export type ClientPolicies = { read: boolean; update: boolean; readProcessingLog: boolean; refer: boolean };

/** One client in a list. */
export type ClientListItem = {
  id: string;
  clientNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  municipality: Ref;
  coach: { id: string; displayName: string } | null;
  team: Ref | null;
  policies: ClientPolicies;
};

/** A user as other objects refer to them (author, coach, assignee). */
export type UserRef = { id: string; displayName: string };

/** What the caller may do with one client in full (the dossier). */
export type ClientDetailPolicies = ClientPolicies & {
  /** BSN, contact details, address and benefit are sent (else they arrive as null). */
  readPersonalDetails: boolean;
  readLadder: boolean;
  changeRoute: boolean;
  measureLadder: boolean;
  addContact: boolean;
  readContacts: boolean;
  readConfidential: boolean;
  readSignals: boolean;
  raiseSignal: boolean;
  readTimeline: boolean;
  /** The personal plan section (for a provider or partner the referral decides; the plan API answers 403 when it is not shared). */
  readPlan: boolean;
  /** Register the end of the benefit (uitstroom). */
  registerOutflow: boolean;
};

/** The client's participatieladder summary: latest step, growth potential, and whether a new measurement is due. */
export type LadderSummary = { step: number | null; growthPotential?: number | null; measuredOn: string | null; overdue: boolean };

/** Whether the yearly conversation applies (ages 27–65) and whether it is overdue. */
export type AnnualConversationSummary = { required: boolean; overdue: boolean; lastOn: string | null };

/** One client in full (GET /api/clients/:id), including the BSN when the caller may see it; comes with an ETag. */
export type ClientDetail = {
  id: string;
  clientNumber: string;
  bsn: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  age: number;
  phone: string | null;
  email: string | null;
  address: { street: string | null; houseNumber: string | null; postcode: string | null; city: string | null };
  municipality: Ref;
  /** endedOn and outflowReason: the registered uitstroom (null while the benefit runs). */
  benefit: { type: string | null; startDate: string | null; endedOn: string | null; outflowReason: string | null };
  targetGroups: string[];
  route: string | null;
  ladder: LadderSummary;
  annualConversation: AnnualConversationSummary;
  openSignalCount: number;
  coach: UserRef | null;
  team: Ref | null;
  version: number;
  policies: ClientDetailPolicies;
};

/** Body of POST /api/clients. */
export type CreateClientInput = {
  bsn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone?: string;
  email?: string;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  city?: string;
  municipalityId: string;
  benefitType?: string;
  benefitStartDate?: string;
  targetGroups: string[];
  route?: string;
  confirmDuplicate?: boolean;
};

/** Body of PATCH /api/clients/:id: only the fields that changed. */
export type UpdateClientInput = Partial<{
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  municipalityId: string;
  benefitType: string | null;
  benefitStartDate: string | null;
  targetGroups: string[];
}>;

/** Attention codes of a caseload row, most urgent first. */
export type AttentionCode = 'ladder_overdue' | 'annual_conversation_overdue' | 'open_signals' | 'overdue_tasks' | 'trajectory_ending' | 'no_route';

/** Counts of what needs attention, per caseload or per coach. */
export type AttentionCounts = { ladderOverdue: number; annualConversationOverdue: number; openSignals: number; overdueTasks: number; trajectoryEnding: number };

/** One row of the caseload (GET /api/caseload). */
export type CaseloadItem = {
  id: string;
  clientNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  age: number;
  municipality: Ref;
  route: string | null;
  ladder: LadderSummary;
  annualConversation: AnnualConversationSummary;
  openSignalCount: number;
  openTaskCount: number;
  overdueTaskCount: number;
  /** The last day of the benefit of a client who left (uitgestroomd); null while on the benefit. */
  outflowedOn: string | null;
  /** The planned end of a running trajectory. */
  trajectoryEndsOn: string | null;
  attention: string[];
};

/** The caseload's figures, used for the cards and for the counts in the filter options. */
export type CaseloadCounts = {
  total: number;
  /** How many of the caseload's clients left the benefit (listed apart). */
  outflowed: number;
  byRoute: Record<string, number>;
  byStep: Record<string, number>;
  byMunicipality: (Ref & { count: number })[];
  byGroup: Record<string, number>;
  attention: AttentionCounts;
};

/** Response of GET /api/caseload. */
export type CaseloadPage = Page<CaseloadItem> & { counts: CaseloadCounts };

/** Response of GET /api/team/caseloads. */
export type TeamCaseloads = {
  team: Ref;
  coaches: (UserRef & { clientCount: number; outflowed: number; attention: AttentionCounts })[];
  /** Clients of the team without a coach. */
  unassigned?: number;
};

/** One open escalation in the team lead's overview (GET /api/team/escalations). */
export type TeamEscalation = {
  id: string;
  targetKind: string;
  partner: string | null;
  question: string;
  dueOn: string;
  overdue: boolean;
  escalatedOn: string;
  signal: { id: string; domain: string; severity: string };
  client: { id: string; clientNumber: string; firstName: string; lastName: string };
  coach: UserRef | null;
};

/** Response of GET /api/team/escalations: overdue ones first. */
export type TeamEscalations = { items: TeamEscalation[]; total: number; overdue: number };

/** One change of route. */
export type RouteChange = {
  id: string;
  previousRoute: string | null;
  route: string;
  reason: string;
  changedAt: string;
  changedBy: UserRef | null;
};

/** One participatieladder measurement. */
export type LadderMeasurement = {
  id: string;
  measuredOn: string;
  step: number;
  growthPotential: number;
  occasion: string;
  answers: LadderAnswers;
  note: string | null;
  measuredBy: UserRef | null;
};

/** One contact moment or note. */
export type Contact = {
  id: string;
  kind: string;
  occurredOn: string;
  summary: string;
  confidential: boolean;
  author: UserRef | null;
};

/** An escalation of a signal to a support team or a partner. */
export type Escalation = {
  id: string;
  targetKind: string;
  externalOrganisation: Ref | null;
  question: string;
  dueOn: string;
  status: string;
  outcome: string | null;
  reportedAt: string | null;
};

/** A signal (debts, psychological complaints, …) with its escalations. */
export type Signal = {
  id: string;
  domain: string;
  severity: string;
  status: string;
  description: string;
  followUpOn: string | null;
  raisedAt: string;
  raisedBy: UserRef | null;
  version: number;
  escalations: Escalation[];
  policies: { update: boolean; escalate: boolean; reportOutcome: boolean };
};

/** One event on a client's timeline. */
export type TimelineEvent = { id: string; occurredAt: string; kind: string; summary: string; actor: UserRef | null };

/** Response of GET /api/clients/:id/timeline: newest first, with a cursor for older events. */
export type TimelinePage = { items: TimelineEvent[]; nextBefore: string | null };

/** One task (taak). */
export type Task = {
  id: string;
  kind: string;
  title: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  client: Ref | null;
  assignee: UserRef | null;
  policies: { complete: boolean };
};

/** One client whose yearly conversation is overdue. */
export type OverdueAnnualConversation = {
  id: string;
  clientNumber: string;
  firstName: string;
  lastName: string;
  age: number;
  municipality: Ref;
  coach: UserRef | null;
  lastOn: string | null;
};

/** A page of results. */
/** A page of a list; `totalCapped` means there are more matches than `total` (narrow the search). */
export type Page<T> = { items: T[]; total: number; totalCapped?: boolean };

/** A plain list of results. */
export type List<T> = { items: T[] };

/** Response of GET /api/start: figures and a short client list per role. */
export type StartData = { role: Role; counts: Record<string, number | null>; clients: ClientListItem[] };

/** One row of the per-data-subject processing log (AVG art. 30 / Logboek dataverwerkingen). */
export type ProcessingLogEntry = {
  id: string;
  traceId: string;
  spanId: string;
  operation: string;
  startedAt: string;
  endedAt: string | null;
  status: string;
  activity: { code: string; name: string };
  user: { id: string; displayName: string } | null;
};

/** One processing activity of the register. */
export type ProcessingActivity = {
  id: string;
  code: string;
  name: string;
  purpose: string;
  legalGround: string;
  retention: string;
};

/** A user account as the administrator sees it. */
export type AdminUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  team: Ref | null;
  externalOrganisation: ExternalOrganisation | null;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  policies: { update: boolean; disable: boolean; enable: boolean };
};

/** Body of POST /api/users. */
export type CreateUserInput = {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  teamId?: string;
  externalOrganisationId?: string;
};

/** Body of PATCH /api/users/:id. */
export type UpdateUserInput = {
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  externalOrganisationId?: string | null;
};

/** A team of coaches. */
export type Team = {
  id: string;
  name: string;
  municipality: Ref | null;
  memberCount: number;
  policies: { update: boolean };
};

/** A municipality served by the organisation. */
export type Municipality = {
  id: string;
  name: string;
  cbsCode: string;
  inhabitants: number | null;
  policies: { update: boolean };
};

/** RFC 9457 problem details with Meedoen's stable `code`. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
  /** With possible_duplicate: how many clients share name and date of birth. */
  duplicates?: number;
  /** With precondition_failed on a client: the client as it is now. */
  current?: ClientDetail;
};

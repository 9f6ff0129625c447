/**
 * The shapes of the group-module and project API (issue 4) as the web UI relies on them: modules,
 * cohorts ("groepen") with sessions, attendance and the waiting list, collective start, projects.
 * Kept apart from types.ts so this contract shows up in one diff of its own.
 */
import type { Ref } from './types.ts';

/** A client as a cohort or project shows them; null means outside the caller's scope ("andere deelnemer"). */
export type GroupClient = { id: string; name: string; clientNumber: string } | null;

/** One group module (own offer when provider is null). */
export type GroupModule = {
  id: string;
  name: string;
  description: string;
  provider: Ref | null;
  active: boolean;
  /** Sent back as If-Match when the module is changed. */
  version: number;
  upcomingCohorts: number;
  policies: { update: boolean; planCohort: boolean };
};

/** Life cycle of a cohort. */
export type CohortStatus = 'gepland' | 'lopend' | 'afgerond' | 'geannuleerd';

/** How a cohort's seats are used. */
export type CohortCounts = { placed: number; waiting: number; invited: number; selected: number; free: number };

/** One cohort of a module, as lists show it. */
export type CohortSummary = {
  id: string;
  moduleId: string;
  moduleName: string;
  label: string;
  startsOn: string;
  endsOn: string | null;
  capacity: number;
  location: string | null;
  collective: boolean;
  status: CohortStatus;
  counts: CohortCounts;
  version: number;
  policies: { update: boolean; enrol: boolean; manage: boolean; start: boolean; recordAttendance: boolean };
};

/** Attendance of one participant at one session. */
export type AttendanceStatus = 'aanwezig' | 'afgemeld' | 'afwezig';

/** The attendance choices, in the order the register shows them. */
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['aanwezig', 'afgemeld', 'afwezig'];

/** One session (bijeenkomst) of a cohort, with its attendance counts. */
export type CohortSession = {
  id: string;
  startsAt: string;
  endsAt: string | null;
  topic: string | null;
  attendance: Record<AttendanceStatus, number>;
};

/** What the caller may do with one enrolment. */
export type EnrolmentPolicies = Record<'leave' | 'complete' | 'prioritise' | 'select', boolean>;

/** A participant of a cohort: placed, or finished (completed). */
export type CohortParticipant = {
  enrolmentId: string;
  status: 'placed' | 'completed';
  client: GroupClient;
  placedAt: string | null;
  priority: boolean;
  attendanceRate: number | null;
  policies: EnrolmentPolicies;
};

/** One place on the waiting list, in order. */
export type WaitingListEntry = {
  enrolmentId: string;
  position: number;
  client: GroupClient;
  requestedAt: string;
  priority: boolean;
  policies: EnrolmentPolicies;
};

/** Selection status of a candidate of a collective start. */
export type CandidateStatus = 'invited' | 'selected' | 'not_selected';

/** A client invited for a collective start, with the outcome of their intake. */
export type CohortCandidate = {
  enrolmentId: string;
  status: CandidateStatus;
  client: GroupClient;
  intakeNote: string | null;
  /** Why the invitation closed without a selection (set when the group started before the intake had an outcome). */
  endReason: string | null;
  policies: EnrolmentPolicies;
};

/** GET /api/cohorts/:id: the cohort with its sessions, participants, waiting list and candidates (ETag). */
export type CohortOverview = CohortSummary & {
  sessions: CohortSession[];
  participants: CohortParticipant[];
  waitingList: WaitingListEntry[];
  candidates: CohortCandidate[];
};

/** One row of a session's attendance register. */
export type AttendanceRow = { enrolmentId: string; client: GroupClient; status: AttendanceStatus | null; note: string | null };

/** Answer of POST /api/cohorts/:id/enrolments. */
export type EnrolmentResult = { enrolmentId: string; status: string; position: number | null; priority: boolean };

/** One enrolment on the client's dossier. */
export type ClientEnrolment = {
  enrolmentId: string;
  cohortId: string;
  moduleName: string;
  cohortLabel: string;
  startsOn: string;
  status: string;
  position?: number | null;
  attendanceRate: number | null;
};

/** One project; counts are null when too small to show (policy officers). */
export type Project = {
  id: string;
  name: string;
  description: string;
  municipality: Ref | null;
  startsOn: string;
  endsOn: string | null;
  /** Sent back as If-Match when the project is changed. */
  version: number;
  participants: number | null;
  participantsByYear: Record<string, number | null>;
  policies: { update: boolean; addParticipant: boolean; readParticipants: boolean };
};

/** One participant of a project. */
export type ProjectParticipant = { client: GroupClient; joinedOn: string; leftOn: string | null };

/** GET /api/projects/:id: the project with its participants (names only for clients in the caller's scope). */
export type ProjectDetail = Omit<Project, 'participants'> & { participantCount: number | null; participants: ProjectParticipant[] };

/** One project on the client's dossier. */
export type ClientProject = { projectId: string; name: string; joinedOn: string; leftOn: string | null };

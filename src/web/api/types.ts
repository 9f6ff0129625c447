/**
 * The shapes the Meedoen API sends and receives, as the web UI relies on them.
 * Kept in one file so a contract change shows up in one diff.
 */
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
export type ClientPolicies = { read: boolean; update: boolean; readProcessingLog: boolean };

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

/** One client in full, including the BSN. */
export type ClientDetail = ClientListItem & { bsn: string };

/** A page of results. */
export type Page<T> = { items: T[]; total: number };

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
};

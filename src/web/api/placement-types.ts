/**
 * The shapes of the placements, employers, beschut werk, youth and tegenprestatie API (issue 5),
 * as the web UI relies on them.
 */
import type {
  BeschutStatus,
  Diploma,
  EducationLevel,
  EmployerSector,
  PlacementKind,
  PlacementOutcome,
  PlacementPhase,
  TegenprestatieDecision,
} from '../../shared/placements.ts';
import type { Ref } from './types.ts';

/** An employer or host organisation (GET /api/employers). */
export type Employer = {
  id: string;
  name: string;
  kvkNumber: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  sector: EmployerSector;
  municipality: Ref | null;
  active: boolean;
  runningPlacements: number;
  version: number;
  policies: { update: boolean };
};

/** Body of POST /api/employers and (partly) PATCH /api/employers/:id. */
export type EmployerInput = {
  name: string;
  kvkNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  sector: string;
  municipalityId: string | null;
  active?: boolean;
};

/** One placement of a client. */
export type Placement = {
  id: string;
  kind: PlacementKind;
  status: 'gepland' | 'lopend' | 'beeindigd';
  employer: Ref | null;
  activity: string | null;
  startsOn: string;
  plannedEndOn: string | null;
  hoursPerWeek: number | null;
  wageSubsidy: { percentage: number | null; amountCents: number | null } | null;
  jobCoach: { organisation: string | null } | null;
  afspraakbaan: { phase: PlacementPhase; trialStartsOn: string | null; trialEndsOn: string | null; contractStartsOn: string | null } | null;
  endedOn: string | null;
  outcome: PlacementOutcome | null;
  outcomeReason: string | null;
  note: string | null;
  impliedLadderStep: number;
  version: number;
  policies: { update: boolean; end: boolean; startContract: boolean };
};

/** What the server did about the ladder when a placement started or ended. */
export type LadderPrompt = { impliedStep: number | null; currentStep: number | null; taskCreated: boolean };

/** Response of POST /api/clients/:id/placements and POST /api/placements/:id/end. */
export type PlacementWithPrompt = Placement & { ladderPrompt: LadderPrompt };

/** The changeable fields of a placement (POST and PATCH bodies). */
export type PlacementInput = {
  kind?: PlacementKind;
  startsOn?: string;
  employerId?: string | null;
  activity?: string | null;
  plannedEndOn?: string | null;
  hoursPerWeek?: number | null;
  wageSubsidy?: { percentage?: number | null; amountCents?: number | null } | null;
  jobCoach?: { organisation: string } | null;
  trialEndsOn?: string | null;
  note?: string | null;
};

/** The client's doelgroepregister registration and former Wsw employment (GET /api/clients/:id/work-profile). */
export type WorkProfile = {
  doelgroepregister: boolean;
  doelgroepregisterOn: string | null;
  wswHistory: boolean;
  wswEndedOn: string | null;
  version: number;
  policies: { update: boolean };
};

/** An application for a UWV advice on beschut werk. */
export type BeschutApplication = {
  id: string;
  status: BeschutStatus;
  municipality: Ref | null;
  requestedOn: string;
  advice: 'positief' | 'negatief' | null;
  assessedOn: string | null;
  placedOn: string | null;
  placementId: string | null;
  werkfit: { startsOn: string; note: string | null } | null;
  note: string | null;
  version: number;
  policies: { assess: boolean; place: boolean; startWerkfit: boolean };
};

/** An application in the waiting list or in assessment, with the client. */
export type ScopedBeschutApplication = BeschutApplication & { client: { id: string; firstName: string; lastName: string; clientNumber: string }; coach: string | null };

/** One municipality's figures for a year; null is a suppressed small count. */
export type BeschutOverviewLine = {
  municipality: Ref;
  quota: number | null;
  realised: number | null;
  waiting: number | null;
  inAssessment: number | null;
  werkfit: number | null;
  policies: { editQuota: boolean };
};

/** Response of GET /api/beschut-werk/overview. */
export type BeschutOverview = { year: number; on: string; exact: boolean; items: BeschutOverviewLine[] };

/** A young person's school and qualification (GET /api/clients/:id/school-record). */
export type SchoolRecord = {
  recorded: boolean;
  youngPerson: boolean;
  currentEducation: EducationLevel;
  schoolName: string | null;
  enrolledSince: string | null;
  highestDiploma: Diploma;
  startQualification: boolean;
  earlySchoolLeaver: { reportedOn: string; source: string } | null;
  backInEducation: { since: string } | null;
  note: string | null;
  version: number;
  policies: { update: boolean };
};

/** One young person in the back-in-education list. */
export type BackInEducationItem = {
  client: { id: string; firstName: string; lastName: string; clientNumber: string; age: number };
  coach: string | null;
  currentEducation: EducationLevel;
  schoolName: string | null;
  since: string;
  earlySchoolLeaverReportedOn: string | null;
};

/** A tegenprestatie decision. */
export type TegenprestatieDecisionItem = {
  id: string;
  decision: TegenprestatieDecision;
  legalGround: string;
  period: { startsOn: string; endsOn: string } | null;
  activity: string | null;
  hoursPerWeek: number | null;
  decidedOn: string;
  decidedBy: string | null;
  note: string | null;
};

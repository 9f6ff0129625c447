import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { recordAttendance, sessionAttendance } from './attendance.service.ts';
import { completeEnrolment, enrolClient, enrolmentsOfClient, inviteClients, leaveCohort, recordSelection, setPriority, startCollectiveCohort } from './enrolments.service.ts';
import { presentAttendance, presentClientEnrolments, presentCohortSummary } from './group-modules.presenter.ts';
import {
  attendanceBody,
  attendanceList,
  clientEnrolments,
  cohortSummary,
  enrolBody,
  enrolmentResult,
  idParams,
  invitationsBody,
  invitationsResult,
  leaveBody,
  priorityBody,
  selectionBody,
} from './group-modules.schema.ts';

/** Enrolment, the waiting list, the collective start and attendance. */
export function registerEnrolmentRoutes(app: App, { db }: Deps): void {
  const tags = ['group modules'];
  app.post(
    '/api/cohorts/:id/enrolments',
    { config: { access: 'enrolments:manage' }, schema: { tags, summary: 'Enrol a client: a free seat, else the waiting list', params: idParams, body: enrolBody, response: { 201: enrolmentResult } } },
    async (request, reply) => reply.status(201).send(await enrolClient(db, request.context(), request.params.id, request.body)),
  );
  app.post(
    '/api/enrolments/:id/leave',
    { config: { access: 'enrolments:manage' }, schema: { tags, summary: 'Leave a cohort or its waiting list; the first waiting client takes the seat', params: idParams, body: leaveBody, response: { 200: enrolmentResult } } },
    async (request) => leaveCohort(db, request.context(), request.params.id, request.body.reason),
  );
  app.post(
    '/api/enrolments/:id/complete',
    { config: { access: 'enrolments:manage' }, schema: { tags, summary: 'Complete the module; the first waiting client takes the seat', params: idParams, response: { 200: enrolmentResult } } },
    async (request) => completeEnrolment(db, request.context(), request.params.id),
  );
  app.post(
    '/api/enrolments/:id/priority',
    { config: { access: 'enrolments:manage' }, schema: { tags, summary: 'Give or take back priority on the waiting list', params: idParams, body: priorityBody, response: { 200: enrolmentResult } } },
    async (request) => setPriority(db, request.context(), request.params.id, request.body.priority),
  );
  app.post(
    '/api/cohorts/:id/invitations',
    { config: { access: 'enrolments:manage' }, schema: { tags, summary: 'Collective start: invite clients to an intake', params: idParams, body: invitationsBody, response: { 201: invitationsResult } } },
    async (request, reply) => reply.status(201).send(await inviteClients(db, request.context(), request.params.id, request.body.clientIds)),
  );
  app.post(
    '/api/enrolments/:id/selection',
    { config: { access: 'enrolments:manage' }, schema: { tags, summary: 'Collective start: selected or not after the intake', params: idParams, body: selectionBody, response: { 200: enrolmentResult } } },
    async (request) => recordSelection(db, request.context(), request.params.id, request.body),
  );
  app.post(
    '/api/cohorts/:id/start',
    { config: { access: 'cohorts:manage' }, schema: { tags, summary: 'Collective start: the selected clients start together', params: idParams, response: { 200: cohortSummary } } },
    async (request, reply) => {
      const ctx = request.context();
      const cohort = await startCollectiveCohort(db, ctx, request.params.id);
      return reply.header('etag', `"${cohort.version}"`).send(presentCohortSummary(ctx.actor, cohort));
    },
  );
  app.get(
    '/api/sessions/:id/attendance',
    { config: { access: 'attendance:record' }, schema: { tags, summary: "A session's attendance list", params: idParams, response: { 200: attendanceList } } },
    async (request) => presentAttendance(await sessionAttendance(db, request.context(), request.params.id)),
  );
  app.put(
    '/api/sessions/:id/attendance',
    { config: { access: 'attendance:record' }, schema: { tags, summary: 'Record attendance at a session', params: idParams, body: attendanceBody, response: { 200: attendanceList } } },
    async (request) => presentAttendance(await recordAttendance(db, request.context(), request.params.id, request.body.items)),
  );
  app.get(
    '/api/clients/:id/enrolments',
    { config: { access: 'clients:read' }, schema: { tags, summary: "A client's modules and waiting lists", params: clientIdParams, response: { 200: clientEnrolments } } },
    async (request) => presentClientEnrolments(await enrolmentsOfClient(db, request.context(), request.params.id)),
  );
}

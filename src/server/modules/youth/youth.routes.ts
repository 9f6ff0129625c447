import { z } from 'zod';
import { ageOn, todayIso } from '../../../shared/dates.ts';
import { hasStartQualification } from '../../../shared/placements.ts';
import type { Actor } from '../../authz/actor.ts';
import type { App, Deps } from '../../http/types.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import { clientIdParams, ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { workDossierPolicy } from '../placements/placements.policy.ts';
import type { SchoolRecordRow } from './youth.repository.ts';
import { backInEducationItem, schoolRecordBody, schoolRecordItem } from './youth.schema.ts';
import { backInEducationList, isYoungPerson, saveSchoolRecord, schoolRecordOf } from './youth.service.ts';

/** The fields of a school record that leave the server; start qualification derived from the diploma. */
function presentSchoolRecord(actor: Actor, client: ClientRecord, row: SchoolRecordRow | undefined) {
  const youngPerson = isYoungPerson(client.date_of_birth);
  return {
    recorded: !!row,
    youngPerson,
    currentEducation: row?.current_education ?? 'geen',
    schoolName: row?.school_name ?? null,
    enrolledSince: row?.enrolled_since ?? null,
    highestDiploma: row?.highest_diploma ?? 'geen',
    startQualification: hasStartQualification(row?.highest_diploma ?? 'geen'),
    earlySchoolLeaver: row?.early_school_leaver_reported_on && row.early_school_leaver_source ? { reportedOn: row.early_school_leaver_reported_on, source: row.early_school_leaver_source } : null,
    backInEducation: row?.back_in_education_since ? { since: row.back_in_education_since } : null,
    note: row?.note ?? null,
    version: row?.version ?? 0,
    policies: { update: youngPerson && workDossierPolicy.write(actor, client) },
  };
}

/** Young people (16–27): school, start qualification, RMC reports, and who is back in education. */
export function registerYouthRoutes(app: App, { db }: Deps): void {
  const tags = ['youth'];
  app.get(
    '/api/clients/:id/school-record',
    { config: { access: 'placements:read' }, schema: { tags, summary: "A young person's school and qualification (with ETag; version 0 when none)", params: clientIdParams, response: { 200: schoolRecordItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, row } = await schoolRecordOf(db, ctx, request.params.id);
      return reply.header('etag', `"${row?.version ?? 0}"`).send(presentSchoolRecord(ctx.actor, client, row));
    },
  );
  app.put(
    '/api/clients/:id/school-record',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Record school and qualification (If-Match; "0" the first time)', params: clientIdParams, headers: ifMatchHeaders, body: schoolRecordBody, response: { 200: schoolRecordItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, row } = await saveSchoolRecord(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${row?.version ?? 0}"`).send(presentSchoolRecord(ctx.actor, client, row));
    },
  );
  app.get(
    '/api/youth/back-in-education',
    {
      config: { access: 'youth:read' },
      schema: {
        tags,
        summary: 'Young people without a start qualification who are back in education (your clients)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: z.object({ items: z.array(backInEducationItem) }) },
      },
    },
    async (request) => {
      const today = todayIso();
      const rows = await backInEducationList(db, request.context(), request.query.limit);
      return {
        items: rows.map((r) => ({
          client: { id: r.id, firstName: r.first_name, lastName: r.last_name, clientNumber: r.client_number, age: ageOn(r.date_of_birth, today) },
          coach: r.coach_name,
          currentEducation: r.current_education,
          schoolName: r.school_name,
          since: r.back_in_education_since!,
          earlySchoolLeaverReportedOn: r.early_school_leaver_reported_on,
        })),
      };
    },
  );
}

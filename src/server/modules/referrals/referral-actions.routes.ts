import { z } from 'zod';
import type { RouteAccess } from '../../authz/permissions.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { App, Deps } from '../../http/types.ts';
import { etagOf } from '../clients/clients.presenter.ts';
import { ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { presentMeasurement } from '../ladder/ladder.presenter.ts';
import { measurementItem } from '../ladder/ladder.schema.ts';
import type { ReferralDetailData } from './referral-actions.ts';
import { receivePartnerReferral, reportPartnerOutcome } from './partner-referrals.service.ts';
import { presentReferralDetail } from './referrals.presenter.ts';
import {
  acceptBody,
  completeBody,
  extensionBody,
  extensionDecisionBody,
  outcomeBody,
  progressBody,
  reasonBody,
  referralDetail,
  referralIdParams,
  referralLadderBody,
  startBody,
  stopBody,
  transferBody,
} from './referrals.schema.ts';
import { decideExtension, withdrawReferral } from './referrals.service.ts';
import {
  acceptReferral,
  completeTrajectory,
  measureLadderForReferral,
  proposeExtension,
  refuseReferral,
  reportProgress,
  startTrajectory,
  stopTrajectory,
  transferTrajectory,
} from './trajectories.service.ts';

type Run<B> = (ctx: RequestContext, id: string, version: number, body: B) => Promise<ReferralDetailData>;

/** The transitions and other actions on a referral: each answers with the referral in full and its new ETag. */
export function registerReferralActionRoutes(app: App, { db }: Deps): void {
  const tags = ['referrals'];
  function action<S extends z.ZodType>(name: string, access: RouteAccess, summary: string, body: S, run: Run<z.output<S>>, ifMatch: 'required' | 'optional' = 'required') {
    app.post(
      `/api/referrals/:id/${name}`,
      { config: { access }, schema: { tags, summary, params: referralIdParams, headers: ifMatchHeaders, body, response: { 200: referralDetail } } },
      async (request, reply) => {
        const ctx = request.context();
        const header = request.headers['if-match'];
        const version = ifMatch === 'optional' && !header ? -1 : versionFromIfMatch(header);
        const detail = presentReferralDetail(ctx.actor, await run(ctx, request.params.id, version, request.body as z.output<S>));
        return reply.header('etag', etagOf(detail.version)).send(detail);
      },
    );
  }
  action('accept', 'referrals:work', 'Accept a referral (If-Match)', acceptBody, (ctx, id, v, body) => acceptReferral(db, ctx, id, v, body));
  action('refuse', 'referrals:work', 'Refuse a referral with a reason (If-Match)', reasonBody, (ctx, id, v, body) => refuseReferral(db, ctx, id, v, body));
  action('start', 'referrals:work', 'Start the trajectory (If-Match)', startBody, (ctx, id, v, body) => startTrajectory(db, ctx, id, v, body));
  action('complete', 'referrals:work', 'Complete the trajectory with an advice (If-Match)', completeBody, (ctx, id, v, body) => completeTrajectory(db, ctx, id, v, body));
  action('stop', 'referrals:work', 'Stop the trajectory early with a reason (If-Match)', stopBody, (ctx, id, v, body) => stopTrajectory(db, ctx, id, v, body));
  action('transfer', 'referrals:read', 'Transfer to another provider or a work-oriented trajectory (If-Match)', transferBody, (ctx, id, v, body) =>
    transferTrajectory(db, ctx, id, v, body),
  );
  action('withdraw', 'referrals:create', 'Withdraw an open referral (If-Match)', reasonBody, (ctx, id, v, body) => withdrawReferral(db, ctx, id, v, body));
  action(
    'progress',
    'referrals:work',
    'Report progress of a running trajectory (If-Match optional)',
    progressBody,
    (ctx, id, v, body) => reportProgress(db, ctx, id, v < 0 ? null : v, body),
    'optional',
  );
  action('extension', 'referrals:work', 'Propose an extension of up to a year (If-Match)', extensionBody, (ctx, id, v, body) => proposeExtension(db, ctx, id, v, body));
  action('extension-decision', 'referrals:create', 'Approve or refuse a proposed extension (If-Match)', extensionDecisionBody, (ctx, id, v, body) =>
    decideExtension(db, ctx, id, v, body),
  );
  action('receive', 'referrals:work', 'A partner confirms receipt (If-Match)', z.object({}).strict(), (ctx, id, v) => receivePartnerReferral(db, ctx, id, v));
  action('outcome', 'referrals:work', 'A partner reports the outcome (If-Match)', outcomeBody, (ctx, id, v, body) => reportPartnerOutcome(db, ctx, id, v, body));

  // Door: anyone who reads referrals; the object rule lets the provider coach (start and end of a
  // trajectory) and the client's own coach through (referrals:work or clients:write).
  app.post(
    '/api/referrals/:id/ladder',
    {
      config: { access: 'referrals:read' },
      schema: { tags, summary: 'Record the ladder measurement at the start or end of the trajectory', params: referralIdParams, body: referralLadderBody, response: { 201: measurementItem } },
    },
    async (request, reply) => {
      const measurement = await measureLadderForReferral(db, request.context(), request.params.id, request.body);
      return reply.status(201).send(presentMeasurement(measurement));
    },
  );
}

import { todayIso } from '../../../shared/dates.ts';
import type { App, Deps } from '../../http/types.ts';
import { etagOf } from '../clients/clients.presenter.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { registerReferralActionRoutes } from './referral-actions.routes.ts';
import { presentReferralDetail, presentReferralListItem } from './referrals.presenter.ts';
import { clientReferralList, referBody, referralDetail, referralIdParams, referralList, referralListQuery } from './referrals.schema.ts';
import { getReferral, listReferrals, referClient, referralsOfClient } from './referrals.service.ts';

/** Referrals to providers and partners: refer, list, read; the transitions in referral-actions.routes.ts. */
export function registerReferralRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  const tags = ['referrals'];
  app.post(
    '/api/clients/:id/referrals',
    { config: { access: 'referrals:create' }, schema: { tags, summary: 'Refer a client to a provider’s product or a network partner', params: clientIdParams, body: referBody, response: { 201: referralDetail } } },
    async (request, reply) => {
      const ctx = request.context();
      const detail = presentReferralDetail(ctx.actor, await referClient(db, ctx, request.params.id, request.body));
      return reply.status(201).header('etag', etagOf(detail.version)).send(detail);
    },
  );
  app.get(
    '/api/clients/:id/referrals',
    { config: { access: 'referrals:read' }, schema: { tags, summary: "A client's referrals (an external organisation: its own open ones)", params: clientIdParams, response: { 200: clientReferralList } } },
    async (request) => {
      const ctx = request.context();
      const today = todayIso();
      return { items: (await referralsOfClient(db, ctx, request.params.id)).map((row) => presentReferralListItem(ctx.actor, row, today)) };
    },
  );
  app.get(
    '/api/referrals',
    { config: { access: 'referrals:read' }, schema: { tags, summary: 'Referrals in your reach, newest first', querystring: referralListQuery, response: { 200: referralList } } },
    async (request) => {
      const ctx = request.context();
      const { rows, total } = await listReferrals(db, ctx, request.query);
      const today = todayIso();
      return { items: rows.map((row) => presentReferralListItem(ctx.actor, row, today)), total };
    },
  );
  app.get(
    '/api/referrals/:id',
    { config: { access: 'referrals:read' }, schema: { tags, summary: 'One referral in full (ETag carries the version)', params: referralIdParams, response: { 200: referralDetail } } },
    async (request, reply) => {
      const ctx = request.context();
      const detail = presentReferralDetail(ctx.actor, await getReferral(db, ctx, request.params.id));
      return reply.header('etag', etagOf(detail.version)).send(detail);
    },
  );
  registerReferralActionRoutes(app, deps);
}

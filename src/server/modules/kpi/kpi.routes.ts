import type { App, Deps } from '../../http/types.ts';
import { presentDrilldownClient, presentKpiFigure, presentKpiFreshness, presentKpiQuery } from './kpi.presenter.ts';
import { kpiDrilldownQuery, kpiDrilldownResponse, kpiFigureResponse, kpiKeyParams, kpiOverviewResponse, kpiQuerystring } from './kpi.schema.ts';
import { kpiDrilldown, kpiFigure, kpiOverview } from './kpi.service.ts';

/** KPI figures for the caller's scope (organisation, team or provider), one or all, and the clients behind a cell. */
export function registerKpiRoutes(app: App, { db, config }: Deps): void {
  const tags = ['kpi'];
  // The dashboard may show precomputed figures this old, with their time, while newer ones are computed.
  const dashboardSnapshots = { maxStalenessSeconds: config.kpi.maxStalenessSeconds };
  app.get(
    '/api/kpi',
    {
      config: { access: 'kpi:read' },
      schema: { tags, summary: 'Every KPI figure for a period and filters (small counts suppressed for aggregate-only roles)', querystring: kpiQuerystring, response: { 200: kpiOverviewResponse } },
    },
    async (request) => {
      const { query, figures, freshness, options, presentation } = await kpiOverview(db, request.context(), request.query, dashboardSnapshots);
      return {
        ...presentKpiQuery(query),
        freshness: presentKpiFreshness(freshness),
        figures: figures.map((f) => presentKpiFigure(f, presentation)),
        policies: { drilldown: presentation.drilldown },
        options,
      };
    },
  );
  app.get(
    '/api/kpi/:key',
    { config: { access: 'kpi:read' }, schema: { tags, summary: 'One KPI figure for a period and filters', params: kpiKeyParams, querystring: kpiQuerystring, response: { 200: kpiFigureResponse } } },
    async (request) => {
      const { figure, presentation } = await kpiFigure(db, request.context(), request.params.key, request.query);
      return presentKpiFigure(figure, presentation);
    },
  );
  app.get(
    '/api/kpi/:key/clients',
    {
      config: { access: 'kpi:read' },
      schema: { tags, summary: 'The clients behind one cell, within your own client scope (team lead and coach only)', params: kpiKeyParams, querystring: kpiDrilldownQuery, response: { 200: kpiDrilldownResponse } },
    },
    async (request) => {
      const { cell, ...filters } = request.query;
      const { rows, total } = await kpiDrilldown(db, request.context(), request.params.key, cell, filters);
      return { clients: rows.map(presentDrilldownClient), total };
    },
  );
}

import { expect, it } from 'vitest';
import { TIMELINE_KINDS } from '../../../shared/timeline.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase } from '../../test/test-app.ts';

describeEachDatabase(
  'the timeline kinds the demo writes',
  (t) => {
    // The demo writes its history straight into timeline_events, past addTimelineEvent's type,
    // so its kinds are checked here: each must be a listed kind, which has its labels.
    it('are all listed kinds (and so have a label)', async () => {
      const rows = await t().database.db.selectFrom('timeline_events').select('kind').distinct().execute();
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.map((r) => r.kind).filter((kind) => !(TIMELINE_KINDS as readonly string[]).includes(kind))).toEqual([]);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 60, pseudonymKey: config.pseudonymKey })) },
);

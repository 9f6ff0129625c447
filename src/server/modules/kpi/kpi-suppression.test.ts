import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { forcedKpiProvider, kpiScopeOf, kpiSuppressionApplies, mayDrillDownKpi } from '../../authz/kpi-scope.ts';
import type { RawKpiFigure } from './kpi-definition.ts';
import { basisIsDisclosive, suppressValue } from './kpi-suppression.ts';
import { presentKpiFigure } from './kpi.presenter.ts';
import { kpiFigureResponse } from './kpi.schema.ts';

describe('small-count suppression', () => {
  it('withholds counts of 1–4 and shows 0 and 5', () => {
    expect([0, 1, 4, 5, 120].map((n) => suppressValue('count', n))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 120, suppressed: false },
    ]);
  });

  it('withholds a share whose numerator, denominator or remainder is 1–4', () => {
    expect(basisIsDisclosive({ numerator: 3, denominator: 50 })).toBe(true);
    expect(basisIsDisclosive({ numerator: 0, denominator: 4 })).toBe(true);
    expect(basisIsDisclosive({ numerator: 47, denominator: 50 })).toBe(true);
    expect(basisIsDisclosive({ numerator: 50, denominator: 50 })).toBe(false);
    expect(basisIsDisclosive({ numerator: 0, denominator: 0 })).toBe(false);
    expect(basisIsDisclosive({ numerator: 5, denominator: 10 })).toBe(false);
    // 97.0% of 100 is exactly 3 who dropped; 99.9% of 6,000 could be 3 to 8 (one decimal spans 6 people).
    expect(basisIsDisclosive({ numerator: 97, denominator: 100 })).toBe(true);
    expect(basisIsDisclosive({ numerator: 5_997, denominator: 6_000 })).toBe(false);
    expect(basisIsDisclosive({ numerator: 3, denominator: 6_000 })).toBe(false);
    expect(basisIsDisclosive({ numerator: 0, denominator: 3 })).toBe(true);
    expect(suppressValue('percentage', 94, { numerator: 47, denominator: 50 })).toEqual({ value: null, suppressed: true });
    expect(suppressValue('percentage', 50, { numerator: 5, denominator: 10 })).toEqual({ value: 50, suppressed: false });
    expect(suppressValue('percentage', null, { numerator: 0, denominator: 0 })).toEqual({ value: null, suppressed: false });
  });

  it('withholds a percentage without a basis, and passes amounts and durations without one', () => {
    expect(suppressValue('percentage', 12.5)).toEqual({ value: null, suppressed: true });
    expect(suppressValue('euro', 3)).toEqual({ value: 3, suppressed: false });
    expect(suppressValue('days', 2)).toEqual({ value: 2, suppressed: false });
    // An average that gives its counts is judged by them.
    expect(suppressValue('days', 120, { numerator: 360, denominator: 3 })).toEqual({ value: null, suppressed: true });
  });
});

const raw: RawKpiFigure = {
  key: 'ladder_no_drop_3_4',
  status: 'measured',
  headline: { value: 75, unit: 'percentage', numerator: 3, denominator: 4, basis: { numerator: 3, denominator: 4 } },
  measures: [
    { key: 'share_not_dropped', value: 75, unit: 'percentage', basis: { numerator: 3, denominator: 4 } },
    { key: 'population', value: 40, unit: 'count' },
  ],
  tables: [
    {
      key: 'per_step',
      chart: 'bar',
      columns: [
        { key: 'clients', unit: 'count' },
        { key: 'share', unit: 'percentage' },
      ],
      rows: [
        { key: '3', cells: [{ value: 3, drill: 'step:3' }, { value: 100, basis: { numerator: 3, denominator: 3 } }] },
        { key: '4', cells: [{ value: 37, drill: 'step:4' }, { value: 10, basis: { numerator: 4, denominator: 37 } }] },
        { key: 'all', cells: [{ value: 40, drill: 'all' }, { value: 50, basis: { numerator: 20, denominator: 40 } }] },
      ],
    },
  ],
};

describe('presenting a figure', () => {
  it('suppresses headline, measures and every cell for aggregate-only roles, without drill keys or basis', () => {
    const shown = presentKpiFigure(raw, { suppress: true, drilldown: false });
    expect(shown.headline).toEqual({ value: null, unit: 'percentage', numerator: null, denominator: null, suppressed: true });
    expect(shown.measures).toEqual([
      { key: 'share_not_dropped', value: null, unit: 'percentage', suppressed: true },
      { key: 'population', value: 40, unit: 'count' },
    ]);
    expect(shown.tables[0]!.rows.map((r) => r.cells)).toEqual([
      [
        { value: null, suppressed: true },
        { value: null, suppressed: true },
      ],
      [{ value: 37 }, { value: null, suppressed: true }],
      [{ value: 40 }, { value: 50 }],
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/basis|drill/);
  });

  it('shows exact numbers and drill keys to those who may drill down', () => {
    const shown = presentKpiFigure(raw, { suppress: false, drilldown: true });
    expect(shown.headline).toEqual({ value: 75, unit: 'percentage', numerator: 3, denominator: 4 });
    expect(shown.tables[0]!.rows[0]!.cells).toEqual([{ value: 3, drill: 'step:3' }, { value: 100 }]);
    expect(JSON.stringify(shown)).not.toContain('basis');
  });

  it("judges a headline by its own numerator and denominator, and hides either when it is 1–4", () => {
    const present = (headline: RawKpiFigure['headline']) => presentKpiFigure({ ...raw, headline }, { suppress: true, drilldown: false }).headline;
    expect(present({ value: 0, unit: 'percentage', numerator: 0, denominator: 20 })).toEqual({ value: 0, unit: 'percentage', numerator: 0, denominator: 20 });
    // The denominator of 20 is safe to show: the 3 is hidden, and with it the share.
    expect(present({ value: 15, unit: 'percentage', numerator: 3, denominator: 20 })).toEqual({ value: null, unit: 'percentage', numerator: null, denominator: 20, suppressed: true });
    // `suppressed` speaks of the value; a hidden numerator is null on its own.
    expect(present({ value: 40, unit: 'count', numerator: 3, denominator: 40 })).toEqual({ value: 40, unit: 'count', numerator: null, denominator: 40 });
  });

  it('strips the basis in the response schema too, should a presenter ever pass it on', () => {
    const parsed = kpiFigureResponse.parse(raw);
    expect(JSON.stringify(parsed)).not.toContain('basis');
    expect(parsed.tables[0]!.rows[0]!.cells[1]).toEqual({ value: 100 });
  });
});

describe('complementary suppression', () => {
  it('withholds one of the counts that would give away the remainder of a withheld share (80 of 84), the smaller', () => {
    const figure: RawKpiFigure = {
      key: 'ladder_no_drop_3_4',
      status: 'measured',
      headline: { value: 95.2, unit: 'percentage', basis: { numerator: 80, denominator: 84 } },
      measures: [
        { key: 'share_not_dropped', value: 95.2, unit: 'percentage', basis: { numerator: 80, denominator: 84 } },
        { key: 'population', value: 84, unit: 'count' },
        { key: 'not_dropped', value: 80, unit: 'count' },
        { key: 'other', value: 12, unit: 'count' },
      ],
      tables: [{
        key: 'per_step', chart: 'bar',
        columns: [{ key: 'population', unit: 'count' }, { key: 'not_dropped', unit: 'count' }, { key: 'share', unit: 'percentage' }],
        rows: [
          { key: '3', cells: [{ value: 40 }, { value: 37 }, { value: 92.5, basis: { numerator: 37, denominator: 40 } }] },
          { key: '4', cells: [{ value: 44 }, { value: 43 }, { value: 97.7, basis: { numerator: 43, denominator: 44 } }] },
          { key: '5', cells: [{ value: 40 }, { value: 20 }, { value: 50, basis: { numerator: 20, denominator: 40 } }] },
        ],
      }],
    };
    const shown = presentKpiFigure(figure, { suppress: true, drilldown: false });
    expect(shown.measures).toEqual([
      { key: 'share_not_dropped', value: null, unit: 'percentage', suppressed: true },
      { key: 'population', value: 84, unit: 'count' },
      { key: 'not_dropped', value: null, unit: 'count', withheld: true },
      { key: 'other', value: 12, unit: 'count' },
    ]);
    expect(shown.tables[0]!.rows.map((r) => r.cells)).toEqual([
      [{ value: 40 }, { value: null, withheld: true }, { value: null, suppressed: true }],
      [{ value: 44 }, { value: null, withheld: true }, { value: null, suppressed: true }],
      [{ value: 40 }, { value: 20 }, { value: 50 }],
    ]);
    const exact = presentKpiFigure(figure, { suppress: false, drilldown: true });
    expect(exact.measures.map((m) => m.value)).toEqual([95.2, 84, 80, 12]);
  });
});

describe('KPI scope per role', () => {
  const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
    userId: 'u',
    organisationId: 'o',
    role,
    displayName: 'x',
    email: 'x@example.org',
    teamId: null,
    externalOrganisationId: null,
    clientId: null,
    coachClientScope: 'team',
    ...extra,
  });

  it('gives the organisation, the own team or the own provider, and nothing to other roles', () => {
    expect(kpiScopeOf(actor('policy_officer'))).toEqual({ kind: 'organisation', organisationId: 'o' });
    expect(kpiScopeOf(actor('administrator'))).toEqual({ kind: 'organisation', organisationId: 'o' });
    expect(kpiScopeOf(actor('team_lead', { teamId: 't' }))).toEqual({ kind: 'team', organisationId: 'o', teamId: 't' });
    expect(kpiScopeOf(actor('team_lead'))).toBeNull();
    const provider = kpiScopeOf(actor('provider_coach', { externalOrganisationId: 'p' }));
    expect(provider).toEqual({ kind: 'provider', organisationId: 'o', providerId: 'p' });
    expect(forcedKpiProvider(provider!)).toBe('p');
    expect(kpiScopeOf(actor('provider_coach'))).toBeNull();
    for (const role of ['coach', 'partner', 'client'] as const) expect(kpiScopeOf(actor(role, { teamId: 't', externalOrganisationId: 'p' }))).toBeNull();
  });

  it('lets only those who work with the clients drill down, and suppresses for the rest', () => {
    const roles: Role[] = ['coach', 'team_lead', 'provider_coach', 'partner', 'policy_officer', 'administrator', 'client'];
    expect(roles.filter((r) => mayDrillDownKpi(actor(r)))).toEqual(['coach', 'team_lead']);
    expect(roles.filter((r) => kpiSuppressionApplies(actor(r)))).toEqual(['provider_coach', 'policy_officer', 'administrator']);
  });
});

/**
 * Disclosure control for one figure as an aggregate-only role sees it (docs/kpi.md, "Kleine
 * aantallen"). Hiding a small count in its own cell is not enough: a row total minus the other
 * cells gives it back. So, as a statistics office does it (secondary or complementary
 * suppression, "secundaire onthulling"), the engine
 *   1. suppresses the primary cells: counts of 1–4, shares that rest on 1–4 people;
 *   2. withholds further cells, the smallest first, until no hidden number follows from the
 *      equations the figure declares (row and column totals, measures that repeat a cell, the
 *      counts behind a share): no equation has exactly one hidden member, no hidden part adds
 *      up to 1–4 beside a shown total, and no hidden number is determined by the equations
 *      together (checked by Gaussian elimination);
 *   3. withholds a share whose counts are hidden, since the share and one count give the other.
 * Pure: no database, no actor; the presenter turns the result into `suppressed` / `withheld`.
 */
import { suppressSmallCount } from '../../../shared/disclosure.ts';
import type { KpiUnit } from '../../../shared/kpi.ts';
import { kpiRef, type KpiRef, type RawKpiFigure } from './kpi-definition.ts';
import { suppressValue, type KpiBasis } from './kpi-suppression.ts';

/** How one number is published: shown, suppressed (it rests on 1–4 people) or withheld (to protect one elsewhere). */
export type Disclosure = 'shown' | 'suppressed' | 'withheld';

/** One published number of a figure (or a never-published remainder of a share, `virtual`). */
export type DisclosureItem = { ref: KpiRef; unit: KpiUnit; value: number | null; basis?: KpiBasis; virtual?: boolean; scope: string };

/** Σ coefficient × item = 0; `total` and `parts` (factor 1) for the "hidden parts add up to 1–4" rule. */
export type DisclosureEquation = { terms: Map<KpiRef, number>; total: KpiRef; parts: KpiRef[] };

const ADDITIVE_UNITS: ReadonlySet<KpiUnit> = new Set(['count', 'euro']);
const EPSILON = 1e-9;

/**
 * Every number of the figure by its address (kpiRef), with the scope a share's counts are looked
 * up in. `ns` prefixes addresses and scopes, so several figures can share one system (discloseFamily).
 */
export function figureItems(figure: RawKpiFigure, ns = ''): Map<KpiRef, DisclosureItem> {
  const items = new Map<KpiRef, DisclosureItem>();
  const add = (item: DisclosureItem) => items.set(ns + item.ref, { ...item, ref: ns + item.ref, scope: ns + item.scope });
  const h = figure.headline;
  if (h) {
    const basis = h.basis ?? (typeof h.numerator === 'number' && typeof h.denominator === 'number' ? { numerator: h.numerator, denominator: h.denominator } : undefined);
    add({ ref: kpiRef.headline, unit: h.unit, value: h.value, ...(basis ? { basis } : {}), scope: 'figure' });
    if (h.numerator !== undefined) add({ ref: kpiRef.numerator, unit: 'count', value: h.numerator, scope: 'figure' });
    if (h.denominator !== undefined) add({ ref: kpiRef.denominator, unit: 'count', value: h.denominator, scope: 'figure' });
  }
  for (const m of figure.measures) add({ ref: kpiRef.measure(m.key), unit: m.unit, value: m.value, ...(m.basis ? { basis: m.basis } : {}), scope: 'figure' });
  for (const table of figure.tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => {
        const column = table.columns[i];
        if (!column) return;
        add({ ref: kpiRef.cell(table.key, row.key, column.key), unit: column.unit, value: cell.value, ...(cell.basis ? { basis: cell.basis } : {}), scope: `${table.key}/${row.key}` });
      });
    }
  }
  return items;
}

/**
 * The equations the figure declares: its `sums`, and per table the total row and the total
 * columns. An equation naming an address the figure does not have is a bug in the figure (thrown);
 * one with an empty member (a share of nobody, a month still to come) says nothing and is skipped.
 */
export function figureEquations(figure: RawKpiFigure, items: ReadonlyMap<KpiRef, DisclosureItem>, ns = ''): DisclosureEquation[] {
  const equations: DisclosureEquation[] = [];
  const add = (localTotal: KpiRef, localParts: ReadonlyArray<{ ref: KpiRef; factor: number }>) => {
    const total = ns + localTotal;
    const parts = localParts.map((p) => ({ ref: ns + p.ref, factor: p.factor }));
    const terms = new Map<KpiRef, number>([[total, 1]]);
    // A part with factor 0 adds nothing (an assumption of 0): it is not in the equation.
    for (const { ref, factor } of parts) if (factor !== 0) terms.set(ref, (terms.get(ref) ?? 0) - factor);
    for (const ref of terms.keys()) if (!items.has(ref)) throw new Error(`${figure.key}: equation names ${ref}, which the figure does not have`);
    if ([...terms.keys()].some((ref) => items.get(ref)!.value === null)) return;
    equations.push({ terms, total, parts: parts.filter((p) => p.factor === 1).map((p) => p.ref) });
  };
  for (const sum of figure.sums ?? []) add(sum.total, sum.parts.map((p) => (typeof p === 'string' ? { ref: p, factor: 1 } : p)));
  for (const table of figure.tables) {
    const totalRow = table.totals?.row;
    if (totalRow !== undefined) {
      const others = table.rows.filter((r) => r.key !== totalRow);
      for (const column of table.columns.filter((c) => ADDITIVE_UNITS.has(c.unit))) {
        add(kpiRef.cell(table.key, totalRow, column.key), others.map((r) => ({ ref: kpiRef.cell(table.key, r.key, column.key), factor: 1 })));
      }
    }
    for (const { total, parts } of table.totals?.columns ?? []) {
      for (const row of table.rows) add(kpiRef.cell(table.key, row.key, total), parts.map((p) => ({ ref: kpiRef.cell(table.key, row.key, p), factor: 1 })));
    }
  }
  return equations;
}

/** The counts a share could be computed from: count items in its scope (its table row, or the whole figure for the headline and measures) equal to its numerator or denominator. */
function shareCounts(share: DisclosureItem, items: ReadonlyMap<KpiRef, DisclosureItem>) {
  // In a family every address and scope carries its member's prefix ("tag#"); a figure-wide share looks within its own member.
  const member = (scope: string) => scope.slice(0, scope.indexOf('#') + 1);
  const figureWide = share.scope === `${member(share.scope)}figure`;
  const counts = [...items.values()].filter(
    (i) => i.unit === 'count' && !i.virtual && i.value !== null && (figureWide ? member(i.scope) === member(share.scope) : i.scope === share.scope),
  );
  return {
    numerators: counts.filter((i) => i.value === share.basis!.numerator).map((i) => i.ref),
    denominators: counts.filter((i) => i.value === share.basis!.denominator).map((i) => i.ref),
  };
}

/** Hidden numbers that the equations pin down, found by reducing the system to row echelon form over the hidden numbers. */
export function determinedByEquations(equations: readonly DisclosureEquation[], hidden: ReadonlySet<KpiRef>): KpiRef[] {
  const unknowns = [...hidden];
  const column = new Map(unknowns.map((ref, i) => [ref, i]));
  const matrix = equations
    .map((eq) => {
      const row = new Array<number>(unknowns.length).fill(0);
      for (const [ref, coefficient] of eq.terms) if (column.has(ref)) row[column.get(ref)!]! += coefficient;
      return row;
    })
    .filter((row) => row.some((v) => Math.abs(v) > EPSILON));
  let rank = 0;
  const pivots: Array<{ row: number; column: number }> = [];
  for (let c = 0; c < unknowns.length && rank < matrix.length; c++) {
    const p = matrix.findIndex((row, i) => i >= rank && Math.abs(row[c]!) > EPSILON);
    if (p < 0) continue;
    [matrix[rank], matrix[p]] = [matrix[p]!, matrix[rank]!];
    const pivot = matrix[rank]!;
    const scale = pivot[c]!;
    for (let k = 0; k < pivot.length; k++) pivot[k]! /= scale;
    for (let i = 0; i < matrix.length; i++) {
      const factor = matrix[i]![c]!;
      if (i === rank || Math.abs(factor) <= EPSILON) continue;
      const row = matrix[i]!;
      for (let k = 0; k < row.length; k++) row[k]! -= factor * pivot[k]!;
    }
    pivots.push({ row: rank, column: c });
    rank++;
  }
  // A hidden number is determined exactly when its pivot row holds nothing else.
  return pivots.filter(({ row, column: c }) => matrix[row]!.every((v, k) => k === c || Math.abs(v) <= EPSILON)).map(({ column: c }) => unknowns[c]!);
}

/** Whether the hidden parts of an equation add up to 1–4 people beside a shown total (a small group made visible). */
function hidesSmallGroup(eq: DisclosureEquation, items: ReadonlyMap<KpiRef, DisclosureItem>, hidden: ReadonlySet<KpiRef>): boolean {
  if (hidden.has(eq.total) || items.get(eq.total)!.unit !== 'count') return false;
  const hiddenRefs = [...eq.terms.keys()].filter((ref) => hidden.has(ref));
  if (hiddenRefs.length < 2 || hiddenRefs.some((ref) => !eq.parts.includes(ref))) return false;
  const sum = hiddenRefs.reduce((s, ref) => s + (items.get(ref)!.value ?? 0), 0);
  return suppressSmallCount(sum) === null;
}

/**
 * Decides for every number of the figure whether it is shown, suppressed or withheld. The
 * complement chosen for a leak is the smallest shown number of the equations involved (least
 * information lost); a zero only when nothing else is left, since a hidden zero beside a small
 * count still adds up to that count (the small-group rule then asks for one more).
 */
export function discloseFigure(figure: RawKpiFigure): Map<KpiRef, Disclosure> {
  const items = figureItems(figure);
  return discloseSystem(items, figureEquations(figure, items), derivedOf(figure, ''));
}

/** The figure's `derived` entries, checked against its numbers and namespaced. */
function derivedOf(figure: RawKpiFigure, ns: string): Array<{ ref: KpiRef; from: KpiRef[] }> {
  const refs = new Set(figureItems(figure).keys());
  return (figure.derived ?? []).map(({ ref, from }) => {
    for (const r of [ref, ...from]) if (!refs.has(r)) throw new Error(`${figure.key}: derived names ${r}, which the figure does not have`);
    return { ref: ns + ref, from: from.map((r) => ns + r) };
  });
}

/** A member of a family: the same figure for one municipality (`tag`), or for all of them (the whole). */
export type FamilyMember = { tag: string; figure: RawKpiFigure };

/**
 * Disclosure for a figure and its parts published side by side: the figure for the whole (every
 * municipality) and for each municipality, same period, scope and other filters. Anyone can ask
 * for each of them, so they are protected as one system (linked tables, as a statistics office
 * protects a table and its breakdowns): every number of the whole that adds up (a count, an
 * amount) equals the sum of the same number over the municipalities, and those equations join
 * each figure's own. A municipality cell withheld to protect a neighbour is then withheld in the
 * municipality's own figure too, and no difference between two answers gives a small count back.
 * An equation that does not hold for some number (one not split by municipality) only makes the
 * engine withhold more, never less. Returns each member's decisions by tag.
 */
export function discloseFamily(whole: FamilyMember, parts: readonly FamilyMember[]): Map<string, Map<KpiRef, Disclosure>> {
  const members = [whole, ...parts];
  const ns = (tag: string) => `${tag}#`;
  const items = new Map<KpiRef, DisclosureItem>();
  const equations: DisclosureEquation[] = [];
  const derived: Array<{ ref: KpiRef; from: KpiRef[] }> = [];
  for (const m of members) {
    const own = figureItems(m.figure, ns(m.tag));
    for (const [ref, item] of own) items.set(ref, item);
    equations.push(...figureEquations(m.figure, own, ns(m.tag)));
    derived.push(...derivedOf(m.figure, ns(m.tag)));
  }
  for (const local of figureItems(whole.figure).values()) {
    if (!ADDITIVE_UNITS.has(local.unit) || local.value === null) continue;
    const partRefs = parts.map((p) => ns(p.tag) + local.ref).filter((ref) => items.has(ref));
    if (partRefs.length === 0 || partRefs.some((ref) => items.get(ref)!.value === null)) continue;
    const total = ns(whole.tag) + local.ref;
    equations.push({ terms: new Map<KpiRef, number>([[total, 1], ...partRefs.map((ref): [KpiRef, number] => [ref, -1])]), total, parts: partRefs });
  }
  const state = discloseSystem(items, equations, derived);
  return new Map(
    members.map((m) => [m.tag, new Map([...state].filter(([ref]) => ref.startsWith(ns(m.tag))).map(([ref, d]) => [ref.slice(ns(m.tag).length), d]))]),
  );
}

/** The engine: primary suppression, then complements until no hidden number follows from the equations. */
function discloseSystem(items: Map<KpiRef, DisclosureItem>, equations: DisclosureEquation[], derived: ReadonlyArray<{ ref: KpiRef; from: readonly KpiRef[] }>): Map<KpiRef, Disclosure> {
  const state = new Map<KpiRef, Disclosure>();
  for (const item of items.values()) state.set(item.ref, suppressValue(item.unit, item.value, item.basis).suppressed ? 'suppressed' : 'shown');

  // A share withheld for a remainder of 1–4 (80 of 84): its two counts would give the 4 away. The
  // remainder joins the equations as a number that is never published and must stay hidden.
  const shares = [...items.values()].filter((i) => i.basis && i.unit !== 'count' && i.value !== null);
  const linked = new Map<KpiRef, KpiRef[]>();
  for (const share of shares) {
    const { numerators, denominators } = shareCounts(share, items);
    linked.set(share.ref, [...numerators, ...denominators]);
    const remainder = share.basis!.denominator - share.basis!.numerator;
    if (suppressSmallCount(remainder) !== null) continue;
    denominators.forEach((d) =>
      numerators.forEach((n, i) => {
        if (d === n) return;
        const ref = `~remainder:${share.ref}:${d}:${i}`;
        items.set(ref, { ref, unit: 'count', value: remainder, virtual: true, scope: share.scope });
        state.set(ref, 'suppressed');
        equations.push({ terms: new Map([[d, 1], [n, -1], [ref, -1]]), total: d, parts: [n, ref] });
      }),
    );
  }

  // Kept beside `state` so the passes below do not rebuild it for every equation.
  const hidden = new Set([...state.keys()].filter((ref) => state.get(ref) !== 'shown'));
  const isHidden = (ref: KpiRef) => hidden.has(ref);
  const complementFrom = (candidates: Iterable<KpiRef>): KpiRef | undefined =>
    [...new Set(candidates)]
      .map((ref) => items.get(ref)!)
      .filter((i) => !i.virtual && i.value !== null && !isHidden(i.ref) && ADDITIVE_UNITS.has(i.unit))
      .sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || Math.abs(a.value!) - Math.abs(b.value!))[0]?.ref;
  const withhold = (ref: KpiRef | undefined) => {
    if (ref === undefined) return false;
    state.set(ref, 'withheld');
    hidden.add(ref);
    return true;
  };

  for (let round = 0; round < items.size; round++) {
    // Cheap pass first: one equation at a time, until none has a single hidden member or a small hidden sum.
    let changed = true;
    while (changed) {
      changed = false;
      for (const eq of equations) {
        const hiddenRefs = [...eq.terms.keys()].filter(isHidden);
        if (hiddenRefs.length === 1) changed = withhold(complementFrom(eq.terms.keys())) || changed;
        else if (hidesSmallGroup(eq, items, hidden)) changed = withhold(complementFrom(eq.parts) ?? complementFrom([eq.total])) || changed;
      }
    }
    // Then the equations together: a hidden number they determine gets a complement from its own equations (or their neighbours').
    const determined = determinedByEquations(equations, hidden);
    if (determined.length === 0) break;
    let progressed = false;
    for (const ref of determined) {
      const own = equations.filter((eq) => eq.terms.has(ref));
      const near = equations.filter((eq) => own.some((o) => [...o.terms.keys()].some((r) => r !== ref && isHidden(r) && eq.terms.has(r))));
      progressed = withhold(complementFrom(own.flatMap((eq) => [...eq.terms.keys()])) ?? complementFrom(near.flatMap((eq) => [...eq.terms.keys()]))) || progressed;
    }
    if (!progressed) break;
  }

  // A share beside one of its counts gives the other: withheld when a count behind it is hidden,
  // and so is every share with the same basis (the same number shown elsewhere).
  for (const share of shares) {
    if (state.get(share.ref) === 'shown' && linked.get(share.ref)!.some(isHidden)) withhold(share.ref);
  }
  const basisKey = (i: DisclosureItem) => `${i.unit}:${i.basis!.numerator}/${i.basis!.denominator}`;
  const hiddenBases = new Set(shares.filter((s) => isHidden(s.ref)).map(basisKey));
  for (const share of shares) if (state.get(share.ref) === 'shown' && hiddenBases.has(basisKey(share))) withhold(share.ref);

  for (const { ref, from } of derived) {
    if (state.get(ref) === 'shown' && from.some(isHidden)) withhold(ref);
  }

  for (const ref of state.keys()) if (items.get(ref)!.virtual) state.delete(ref);
  return state;
}

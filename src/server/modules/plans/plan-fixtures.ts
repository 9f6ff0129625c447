import { HEALTH_DIMENSIONS, type HealthAnswers, type HealthAspect } from '../../../shared/positive-health.ts';
import { ZRM_DOMAIN_CODES, type ZrmScores } from '../../../shared/zrm.ts';

/**
 * Answers for all 42 aspects: the score per aspect from `score(dimensionIndex, aspectIndex)`,
 * and "hier wil ik over praten" on the aspects named. Used by tests and the demo data.
 */
export function buildAnswers(score: (dimension: number, aspect: number) => number, talk: readonly HealthAspect[] = []): HealthAnswers {
  const answers = {} as HealthAnswers;
  HEALTH_DIMENSIONS.forEach((d, di) => d.aspects.forEach((a, ai) => (answers[a.code] = { score: score(di, ai), talk: talk.includes(a.code) })));
  return answers;
}

/** ZRM scores for all thirteen domains from `score(domainIndex)`. */
export function buildZrmScores(score: (domain: number) => number): ZrmScores {
  return Object.fromEntries(ZRM_DOMAIN_CODES.map((d, i) => [d, score(i)])) as ZrmScores;
}

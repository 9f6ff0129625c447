/**
 * The Zelfredzaamheid-Matrix (ZRM 2017): thirteen life domains, each scored on a five-point scale
 * from acute problems to fully self-reliant. Only domain names and scale labels are used here
 * (the descriptions per cell belong to the ZRM's owners). Codes are stable database column names.
 */
export const ZRM_DOMAINS = [
  { code: 'financien', name: 'Financiën' },
  { code: 'werk_opleiding', name: 'Werk & opleiding' },
  { code: 'tijdsbesteding', name: 'Tijdsbesteding' },
  { code: 'huisvesting', name: 'Huisvesting' },
  { code: 'huiselijke_relaties', name: 'Huiselijke relaties' },
  { code: 'geestelijke_gezondheid', name: 'Geestelijke gezondheid' },
  { code: 'lichamelijke_gezondheid', name: 'Lichamelijke gezondheid' },
  { code: 'middelengebruik', name: 'Middelengebruik' },
  { code: 'basale_adl', name: 'Basale ADL' },
  { code: 'instrumentele_adl', name: 'Instrumentele ADL' },
  { code: 'sociaal_netwerk', name: 'Sociaal netwerk' },
  { code: 'maatschappelijke_participatie', name: 'Maatschappelijke participatie' },
  { code: 'justitie', name: 'Justitie' },
] as const;

export type ZrmDomain = (typeof ZRM_DOMAINS)[number]['code'];

export const ZRM_DOMAIN_CODES = ZRM_DOMAINS.map((d) => d.code) as unknown as readonly [ZrmDomain, ...ZrmDomain[]];

/** The scale, 1 to 5, with its labels. */
export const ZRM_SCALE = [
  { score: 1, label: 'acute problematiek' },
  { score: 2, label: 'niet zelfredzaam' },
  { score: 3, label: 'beperkt zelfredzaam' },
  { score: 4, label: 'voldoende zelfredzaam' },
  { score: 5, label: 'volledig zelfredzaam' },
] as const;

export const ZRM_SCORE_MIN = 1;
export const ZRM_SCORE_MAX = 5;

export type ZrmScores = Record<ZrmDomain, number>;

/** The label of a score, e.g. 3 → "beperkt zelfredzaam". */
export function zrmLabel(score: number): string {
  return ZRM_SCALE.find((s) => s.score === score)?.label ?? String(score);
}

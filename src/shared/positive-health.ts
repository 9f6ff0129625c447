/**
 * Positieve Gezondheid (Institute for Positive Health, iPH): six dimensions with seven aspects
 * each, every aspect scored 0–10 by the client. The dimension score is the mean of its aspects.
 * Codes are stable identifiers (stored in the database); the Dutch names are the iPH names, used
 * by the printable plan; the web UI takes its labels from the i18n catalogues.
 */
export const HEALTH_DIMENSIONS = [
  {
    code: 'lichaamsfuncties',
    name: 'Lichaamsfuncties',
    aspects: [
      { code: 'gezond_voelen', name: 'Gezond voelen' },
      { code: 'fitheid', name: 'Fitheid' },
      { code: 'klachten_en_pijn', name: 'Klachten en pijn' },
      { code: 'slapen', name: 'Slapen' },
      { code: 'eten', name: 'Eten' },
      { code: 'conditie', name: 'Conditie' },
      { code: 'bewegen', name: 'Bewegen' },
    ],
  },
  {
    code: 'mentaal_welbevinden',
    name: 'Mentaal welbevinden',
    aspects: [
      { code: 'onthouden', name: 'Onthouden' },
      { code: 'concentreren', name: 'Concentreren' },
      { code: 'communiceren', name: 'Communiceren' },
      { code: 'vrolijk_zijn', name: 'Vrolijk zijn' },
      { code: 'jezelf_accepteren', name: 'Jezelf accepteren' },
      { code: 'omgaan_met_verandering', name: 'Omgaan met verandering' },
      { code: 'gevoel_van_controle', name: 'Gevoel van controle' },
    ],
  },
  {
    code: 'zingeving',
    name: 'Zingeving',
    aspects: [
      { code: 'zinvol_leven', name: 'Zinvol leven' },
      { code: 'levenslust', name: 'Levenslust' },
      { code: 'idealen_willen_bereiken', name: 'Idealen willen bereiken' },
      { code: 'vertrouwen_hebben', name: 'Vertrouwen hebben' },
      { code: 'accepteren', name: 'Accepteren' },
      { code: 'dankbaarheid', name: 'Dankbaarheid' },
      { code: 'blijven_leren', name: 'Blijven leren' },
    ],
  },
  {
    code: 'kwaliteit_van_leven',
    name: 'Kwaliteit van leven',
    aspects: [
      { code: 'genieten', name: 'Genieten' },
      { code: 'gelukkig_zijn', name: 'Gelukkig zijn' },
      { code: 'lekker_in_je_vel', name: 'Lekker in je vel zitten' },
      { code: 'balans', name: 'Balans' },
      { code: 'je_veilig_voelen', name: 'Je veilig voelen' },
      { code: 'woonsituatie', name: 'Woonsituatie' },
      { code: 'financiele_armslag', name: 'Financiële armslag' },
    ],
  },
  {
    code: 'meedoen',
    name: 'Meedoen',
    aspects: [
      { code: 'sociale_contacten', name: 'Sociale contacten' },
      { code: 'serieus_genomen_worden', name: 'Serieus genomen worden' },
      { code: 'samen_leuke_dingen_doen', name: 'Samen leuke dingen doen' },
      { code: 'steun_van_anderen', name: 'Steun van anderen' },
      { code: 'erbij_horen', name: 'Erbij horen' },
      { code: 'zinvolle_dingen_doen', name: 'Zinvolle dingen doen' },
      { code: 'interesse_in_de_maatschappij', name: 'Interesse in de maatschappij' },
    ],
  },
  {
    code: 'dagelijks_functioneren',
    name: 'Dagelijks functioneren',
    aspects: [
      { code: 'voor_jezelf_zorgen', name: 'Voor jezelf zorgen' },
      { code: 'je_grenzen_kennen', name: 'Je grenzen kennen' },
      { code: 'kennis_van_gezondheid', name: 'Kennis van gezondheid' },
      { code: 'omgaan_met_tijd', name: 'Omgaan met tijd' },
      { code: 'omgaan_met_geld', name: 'Omgaan met geld' },
      { code: 'kunnen_werken', name: 'Kunnen werken' },
      { code: 'hulp_kunnen_vragen', name: 'Hulp kunnen vragen' },
    ],
  },
] as const;

export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number]['code'];
export type HealthAspect = (typeof HEALTH_DIMENSIONS)[number]['aspects'][number]['code'];

/** The six dimension codes, in the order of the web (clockwise from the top). */
export const HEALTH_DIMENSION_CODES = HEALTH_DIMENSIONS.map((d) => d.code) as unknown as readonly [HealthDimension, ...HealthDimension[]];

/** All 42 aspect codes. */
export const HEALTH_ASPECT_CODES = HEALTH_DIMENSIONS.flatMap((d) => d.aspects.map((a) => a.code)) as unknown as readonly [HealthAspect, ...HealthAspect[]];

export const HEALTH_SCORE_MIN = 0;
export const HEALTH_SCORE_MAX = 10;

/** Who filled in a measurement: the client together with the coach, or the client alone. */
export const HEALTH_FILLED_BY = ['client_with_coach', 'client_alone'] as const;
export type HealthFilledBy = (typeof HEALTH_FILLED_BY)[number];

/** One answer: the score and whether the client wants to talk about this aspect. */
export type HealthAnswer = { score: number; talk: boolean };
export type HealthAnswers = Record<HealthAspect, HealthAnswer>;

/** Dutch names by code, for documents rendered on the server. */
export const HEALTH_DIMENSION_NAMES: Readonly<Record<HealthDimension, string>> = Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d.code, d.name])) as Record<HealthDimension, string>;
export const HEALTH_ASPECT_NAMES: Readonly<Record<HealthAspect, string>> = Object.fromEntries(
  HEALTH_DIMENSIONS.flatMap((d) => d.aspects.map((a) => [a.code, a.name])),
) as Record<HealthAspect, string>;

/** The dimension an aspect belongs to. */
export function dimensionOfAspect(aspect: HealthAspect): HealthDimension {
  return HEALTH_DIMENSIONS.find((d) => d.aspects.some((a) => a.code === aspect))!.code;
}

/**
 * The dimension scores: the mean of each dimension's seven aspects, rounded to two decimals
 * (what the database keeps, so history and charts read the same figure as this function gives).
 */
export function dimensionMeans(answers: HealthAnswers): Record<HealthDimension, number> {
  const out = {} as Record<HealthDimension, number>;
  for (const d of HEALTH_DIMENSIONS) {
    const sum = d.aspects.reduce((total, a) => total + answers[a.code].score, 0);
    out[d.code] = Math.round((sum / d.aspects.length) * 100) / 100;
  }
  return out;
}

/** The aspects the client flagged with "hier wil ik over praten", in the order of the web. */
export function flaggedAspects(answers: HealthAnswers): HealthAspect[] {
  return HEALTH_ASPECT_CODES.filter((a) => answers[a]?.talk);
}

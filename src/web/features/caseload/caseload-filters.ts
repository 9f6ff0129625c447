/** The caseload's filters as they live in the URL, so a filtered view can be shared and reloaded. */
export type CaseloadFilters = {
  route: string;
  step: string;
  municipalityId: string;
  group: string;
  attention: string;
  coachId: string;
  /** 'true': the clients who left the benefit (uitgestroomd) instead of those on it. */
  outflowed: string;
  offset: number;
};

/** Filter keys that the filter form edits (attention and coach are set elsewhere on the page). */
export const FORM_FILTER_KEYS = ['route', 'step', 'municipalityId', 'group'] as const;

/** Reads the filters from the URL's search parameters. */
export function readFilters(params: URLSearchParams): CaseloadFilters {
  return {
    route: params.get('route') ?? '',
    step: params.get('step') ?? '',
    municipalityId: params.get('municipalityId') ?? '',
    group: params.get('group') ?? '',
    attention: params.get('attention') ?? '',
    coachId: params.get('coachId') ?? '',
    outflowed: params.get('outflowed') === 'true' ? 'true' : '',
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
}

/** Writes filters back as search parameters, leaving out empty ones. */
export function writeFilters(filters: CaseloadFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'offset') {
      if (Number(value) > 0) out.offset = String(value);
    } else if (value) {
      out[key] = String(value);
    }
  }
  return out;
}

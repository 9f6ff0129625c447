import { useCallback } from 'react';
import { ApiError, apiExchange, type ApiResponse } from '../../api/client.ts';
import type { ReferralDetail } from '../../api/trajectory-types.ts';
import { useSubmit, type SubmitState } from '../../components/use-submit.ts';

/** The version to send in If-Match: the ETag of the last read, else the version the referral carries. */
export function referralIfMatch(referral: Pick<ReferralDetail, 'version'>, etag: string | null): string {
  return etag ?? `"${referral.version}"`;
}

/**
 * Whether a refusal means the caller's view is outdated: 412 (another version), or 409
 * invalid_transition, which the UI can only meet when the state changed since it was loaded
 * (it offers only the steps the policies allowed then).
 */
function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 412 || err.problem.code === 'invalid_transition');
}

/**
 * Sends one step of the lifecycle (POST /api/referrals/:id/<action>) with If-Match, so a step
 * taken on an outdated view is refused (412) instead of overwriting someone else's change.
 * Resolves to the referral as the server returns it (with its new ETag), or null when refused;
 * `onStale` is called when the view was outdated so the page can say so and load the referral as it is now.
 */
export function useReferralTransition(
  referral: ReferralDetail,
  etag: string | null,
  onStale: () => void,
): SubmitState & { send: (action: string, body: unknown) => Promise<ApiResponse<ReferralDetail> | null> } {
  const submit = useSubmit();
  const { run } = submit;
  const ifMatch = referralIfMatch(referral, etag);
  const send = useCallback(
    async (action: string, body: unknown) => {
      let stale = false;
      let result: ApiResponse<ReferralDetail> | null = null;
      await run(async () => {
        try {
          result = await apiExchange<ReferralDetail>('POST', `/api/referrals/${encodeURIComponent(referral.id)}/${action}`, { body, ifMatch });
        } catch (err) {
          stale = isStale(err);
          throw err;
        }
      });
      if (stale) onStale();
      return result;
    },
    [run, referral.id, ifMatch, onStale],
  );
  return { ...submit, send };
}

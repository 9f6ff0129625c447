import { useCallback } from 'react';
import { api } from '../../api/client.ts';
import type { ReferralDetail } from '../../api/trajectory-types.ts';
import { useSubmit, type SubmitState } from '../../components/use-submit.ts';

/** The version to send in If-Match: the ETag of the last read, else the version the referral carries. */
export function referralIfMatch(referral: Pick<ReferralDetail, 'version'>, etag: string | null): string {
  return etag ?? `"${referral.version}"`;
}

/**
 * Sends one step of the lifecycle (POST /api/referrals/:id/<action>) with If-Match, so a step
 * taken on an outdated view is refused (412) instead of overwriting someone else's change.
 * `onStale` is called on 412 so the page can say so and load the referral as it is now.
 */
export function useReferralTransition(
  referral: ReferralDetail,
  etag: string | null,
  onStale: () => void,
): SubmitState & { send: (action: string, body: unknown) => Promise<boolean> } {
  const submit = useSubmit();
  const { run } = submit;
  const ifMatch = referralIfMatch(referral, etag);
  const send = useCallback(
    async (action: string, body: unknown) => {
      let stale = false;
      const ok = await run(async () => {
        try {
          await api.post<unknown>(`/api/referrals/${encodeURIComponent(referral.id)}/${action}`, body, { ifMatch });
        } catch (err) {
          stale = (err as { status?: number }).status === 412;
          throw err;
        }
      });
      if (stale) onStale();
      return ok;
    },
    [run, referral.id, ifMatch, onStale],
  );
  return { ...submit, send };
}

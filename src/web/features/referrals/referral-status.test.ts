import { describe, expect, it } from 'vitest';
import { lifecycleSteps } from './referral-status.ts';

const show = (steps: ReturnType<typeof lifecycleSteps>) => steps.map((s) => `${s.status}:${s.state}`);

describe('the lifecycle stepper', () => {
  it('shows a trajectory on its usual path with the steps to come', () => {
    expect(show(lifecycleSteps('trajectory', 'accepted', ['requested', 'accepted']))).toEqual([
      'requested:done',
      'accepted:current',
      'active:upcoming',
      'completed:upcoming',
    ]);
    expect(show(lifecycleSteps('trajectory', 'completed', []))).toEqual(['requested:done', 'accepted:done', 'active:done', 'completed:current']);
  });

  it('puts an ending off the path in place of the steps it cut short', () => {
    expect(show(lifecycleSteps('trajectory', 'refused', ['requested', 'refused']))).toEqual(['requested:done', 'refused:current']);
    expect(show(lifecycleSteps('trajectory', 'stopped', []))).toEqual(['requested:done', 'accepted:done', 'active:done', 'stopped:current']);
    expect(show(lifecycleSteps('trajectory', 'transferred', []))).toEqual(['requested:done', 'accepted:done', 'active:done', 'transferred:current']);
  });

  it('places a withdrawal after the last step the history reached', () => {
    expect(show(lifecycleSteps('trajectory', 'withdrawn', ['requested', 'accepted', 'withdrawn']))).toEqual(['requested:done', 'accepted:done', 'withdrawn:current']);
    expect(show(lifecycleSteps('partner', 'withdrawn', ['requested', 'withdrawn']))).toEqual(['requested:done', 'withdrawn:current']);
  });

  it('gives a partner referral its lighter path', () => {
    expect(show(lifecycleSteps('partner', 'requested', ['requested']))).toEqual(['requested:current', 'accepted:upcoming', 'completed:upcoming']);
  });
});

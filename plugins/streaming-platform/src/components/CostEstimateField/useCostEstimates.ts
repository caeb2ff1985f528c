import { useApi } from '@backstage/core-plugin-api';
import { CostEstimateResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { useCallback, useEffect, useState } from 'react';
import { streamingPlatformApiRef } from '../../api';
import { EstimateBase } from './estimateInputs';

/** Long enough to let a number being typed settle, short enough to feel live. */
export const DEBOUNCE_MS = 400;

/** The answers for both capacity profiles, and the request they answer. */
export interface CostEstimates {
  /** The request, less its profile, as JSON: which form values they are for. */
  key: string;
  request: EstimateBase;
  spotFirst: CostEstimateResponse;
  onDemand: CostEstimateResponse;
}

export interface CostEstimatesState {
  /** The latest answers; for earlier form values while `loading`. */
  latest?: CostEstimates;
  /** The latest answers when they are for the current form values. */
  current?: CostEstimates;
  /** Waiting for the form to settle, or for the backend. */
  loading: boolean;
  /** Why the estimate for the current values failed. */
  error?: Error;
  /** Asks again for the current values, after a failure. */
  retry: () => void;
}

/**
 * Estimates both capacity profiles at once for `base`, once the form has
 * been still for {@link DEBOUNCE_MS}. An answer for values the form no
 * longer holds is dropped, so a slow answer cannot overwrite a newer one.
 */
export function useCostEstimates(
  base: EstimateBase | undefined,
): CostEstimatesState {
  const api = useApi(streamingPlatformApiRef);
  // The request as JSON: the form hands over new objects on every change,
  // equal values must not ask again.
  const key = base ? JSON.stringify(base) : undefined;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{
    estimates?: CostEstimates;
    failed?: { key: string; error: Error };
  }>({});

  useEffect(() => {
    if (key === undefined) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      // Asking again: an earlier failure for these values no longer stands.
      setState(s => (s.failed ? { estimates: s.estimates } : s));
      const request = JSON.parse(key) as EstimateBase;
      Promise.all([
        api.estimateCost({ ...request, capacityProfile: 'spot-first' }),
        api.estimateCost({ ...request, capacityProfile: 'on-demand' }),
      ]).then(
        ([spotFirst, onDemand]) => {
          if (current) {
            setState({ estimates: { key, request, spotFirst, onDemand } });
          }
        },
        (error: Error) => {
          if (current) {
            setState(s => ({ estimates: s.estimates, failed: { key, error } }));
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, attempt]);

  const retry = useCallback(() => {
    setState(s => ({ estimates: s.estimates }));
    setAttempt(a => a + 1);
  }, []);

  const latest = state.estimates;
  const current = key !== undefined && latest?.key === key ? latest : undefined;
  const error = state.failed?.key === key ? state.failed?.error : undefined;
  return {
    latest,
    current,
    loading: key !== undefined && !current && !error,
    error,
    retry,
  };
}

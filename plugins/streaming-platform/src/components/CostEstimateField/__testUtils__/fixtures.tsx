import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CostEstimateRequest,
  CostEstimateResponse,
  CostFigures,
} from '@internal/backstage-plugin-streaming-platform-common';
import { delay, http, HttpResponse } from 'msw';
import { useEffect, useState } from 'react';
import { BACKEND, testClient } from '../../../__testUtils__/fixtures';
import { streamingPlatformApiRef } from '../../../api';
import { CostEstimateSummary } from '../schema';
import { StreamingPipelineCostEstimate } from '../StreamingPipelineCostEstimate';

/** What the form holds once the estimate's fields are filled in. */
export const readyValues: Record<string, unknown> = {
  name: 'fraud-scoring',
  cluster: 'eks-test',
  taskManagerSize: 'medium',
  parallelism: 4,
  minParallelism: 2,
  maxParallelism: 8,
  capacityProfile: 'spot-first',
};

/** Per parallelism and hour: spot-first at 40 % of on-demand. */
const RATE = { 'spot-first': 0.05, 'on-demand': 0.125 } as const;

const figures = (
  profile: CostEstimateRequest['capacityProfile'],
  parallelism: number,
): CostFigures => ({
  usd: parallelism * RATE[profile],
  onDemandEquivalentUsd: parallelism * RATE['on-demand'],
  spotSavings: 1 - RATE[profile] / RATE['on-demand'],
  priceSources:
    profile === 'spot-first'
      ? ['spot-price-history', 'price-list']
      : ['price-list'],
});

/**
 * The backend's answer to `request`, priced per unit of parallelism so each
 * figure shows which request it answers: at min 2 / typical 4 / max 8,
 * spot-first costs $73 / $146 / $292 a month, on-demand $182.50 / $365 / $730.
 */
export function estimateAnswer(
  request: CostEstimateRequest,
): CostEstimateResponse {
  const { capacityProfile: profile, parallelism } = request;
  return {
    min: figures(profile, parallelism.min),
    ...(parallelism.typical !== undefined
      ? { typical: figures(profile, parallelism.typical) }
      : {}),
    max: figures(profile, parallelism.max),
    assumedSpotShare: profile === 'spot-first' ? 0.62 : 0,
    assumptions:
      profile === 'spot-first'
        ? [
            'TaskManagers run 62 % on spot, the share of TaskManager vCPU on spot in eks-test now.',
            'JobManagers run on on-demand capacity.',
          ]
        : [
            'TaskManagers run on on-demand nodes (capacity profile on-demand).',
            'JobManagers run on on-demand capacity.',
          ],
    sources: [
      {
        kind: 'prices',
        id: 'eu-west-1',
        state: 'ok',
        message: 'Prices are current.',
      },
    ],
  };
}

/**
 * Answers `POST /cost-estimate`, recording each request body in `calls`.
 * `slow` holds back the answers to requests it picks; `fail` answers with
 * that HTTP status instead.
 */
export function costEstimateHandler(
  calls: CostEstimateRequest[],
  options: {
    slow?: (request: CostEstimateRequest) => number;
    fail?: { status: number; statusText: string; message: string };
  } = {},
) {
  return http.post(`${BACKEND}/cost-estimate`, async ({ request }) => {
    const body = (await request.json()) as CostEstimateRequest;
    calls.push(body);
    const wait = options.slow?.(body);
    if (wait) await delay(wait);
    const { fail } = options;
    if (fail) {
      return HttpResponse.json(
        {
          error: { name: 'Error', message: fail.message },
          request: { method: 'POST', url: '/cost-estimate' },
          response: { statusCode: fail.status },
        },
        { status: fail.status, statusText: fail.statusText },
      );
    }
    return HttpResponse.json(estimateAnswer(body));
  });
}

/** Lets a test change the form's values while the field is on screen. */
export interface FormControl {
  setValues(change: Record<string, unknown>): void;
}

/**
 * The field as the scaffolder's stepper renders it: the form's values,
 * its own value among them, in `formContext.formData`, and a sibling input
 * to show the rest of the form keeps working.
 */
function FormWithCostField(props: {
  initial: Record<string, unknown>;
  control: FormControl;
  onFieldChange: (value: CostEstimateSummary | undefined) => void;
}) {
  const { control, onFieldChange } = props;
  const [values, setValues] = useState(props.initial);
  const [own, setOwn] = useState<CostEstimateSummary | undefined>();
  useEffect(() => {
    control.setValues = change => setValues(v => ({ ...v, ...change }));
  }, [control]);
  const fieldProps = {
    name: 'costEstimate',
    schema: { type: 'object', title: 'Estimated cost' },
    uiSchema: { 'ui:field': 'StreamingPipelineCostEstimate' },
    idSchema: { $id: 'root_costEstimate' },
    formData: own,
    formContext: { formData: { ...values, costEstimate: own } },
    onChange: (value: CostEstimateSummary | undefined) => {
      setOwn(value);
      onFieldChange(value);
    },
    onBlur: () => {},
    onFocus: () => {},
    disabled: false,
    readonly: false,
    rawErrors: [],
    // Only what the field reads of rjsf's registry: nothing, here.
    registry: {},
  } as unknown as FieldExtensionComponentProps<CostEstimateSummary>;
  return (
    <>
      <label>
        Description
        <input aria-label="Description" />
      </label>
      <StreamingPipelineCostEstimate {...fieldProps} />
    </>
  );
}

/**
 * Renders the field in a test app with the real client over HTTP (msw
 * answers); returns a handle to change the form's values and what the
 * field stored.
 */
export async function renderCostField(
  initial: Record<string, unknown> = readyValues,
) {
  const control: FormControl = { setValues: () => {} };
  const onFieldChange = jest.fn();
  await renderInTestApp(
    <FormWithCostField
      initial={initial}
      control={control}
      onFieldChange={onFieldChange}
    />,
    { apis: [[streamingPlatformApiRef, testClient()]] },
  );
  return { control, onFieldChange };
}

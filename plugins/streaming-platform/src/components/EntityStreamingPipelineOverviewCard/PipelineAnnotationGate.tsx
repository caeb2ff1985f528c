import { WarningPanel } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  PipelineRef,
  STREAMING_PIPELINE_ANNOTATION,
  parsePipelineRef,
} from '@internal/backstage-plugin-streaming-platform-common';
import { ReactNode } from 'react';

/**
 * Reads the entity's pipeline annotation, and renders `children` with the
 * pipeline it names — or says what is wrong with the annotation, since every
 * request would fail without it.
 */
export function PipelineAnnotationGate(props: {
  children: (pipelineRef: PipelineRef) => ReactNode;
}) {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[STREAMING_PIPELINE_ANNOTATION];
  if (!value) {
    return (
      <MissingAnnotationEmptyState annotation={STREAMING_PIPELINE_ANNOTATION} />
    );
  }
  let pipelineRef: PipelineRef;
  try {
    pipelineRef = parsePipelineRef(value);
  } catch (e) {
    return (
      <WarningPanel
        severity="error"
        title={`The ${STREAMING_PIPELINE_ANNOTATION} annotation is malformed`}
        message={(e as Error).message}
      />
    );
  }
  return <>{props.children(pipelineRef)}</>;
}

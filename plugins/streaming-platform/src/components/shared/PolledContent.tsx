import { Progress } from '@backstage/core-components';
import {
  DataSourceKind,
  DataSourceStatus,
} from '@internal/backstage-plugin-streaming-platform-common';
import { ReactNode } from 'react';
import { RefreshProblem } from './RefreshProblem';
import { SourceProblems } from './SourceProblems';
import { Polled } from './usePolling';

/**
 * The body of a polled card or panel, in its states: progress until the
 * first answer; the problem when there is no answer at all; over an answer,
 * a warning with its age when a refresh failed, then the sources behind it
 * that are not current, then the content.
 */
export function PolledContent<
  T extends { sources: DataSourceStatus[] },
>(props: {
  polled: Polled<T>;
  /** What a failed refresh could not refresh: "the pipeline", "the charts". */
  title: string;
  /** The title of the sources' warning: "Lag", "Recorded history". */
  sourcesTitle: string;
  /** The sources that matter here; default: all. */
  kinds?: DataSourceKind[];
  /** What to show when there is no answer, with the error. */
  problem: (error: Error) => ReactNode;
  children: (value: T) => ReactNode;
}) {
  const { polled } = props;
  if (polled.value) {
    return (
      <>
        <RefreshProblem polled={polled} title={props.title} />
        <SourceProblems
          sources={polled.value.sources}
          kinds={props.kinds}
          what={props.sourcesTitle}
        />
        {props.children(polled.value)}
      </>
    );
  }
  if (polled.loading) return <Progress />;
  return (
    <>
      {props.problem(polled.error ?? new Error('No answer from the backend'))}
    </>
  );
}

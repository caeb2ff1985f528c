import { InfoCard } from '@backstage/core-components';
import {
  DataSourceKind,
  DataSourceStatus,
} from '@internal/backstage-plugin-streaming-platform-common';
import { ReactNode } from 'react';
import { PipelineRequestProblem } from '../../EntityStreamingPipelineOverviewCard';
import { Polled, PolledContent } from '../../shared';

/**
 * One panel of the Streaming tab with its own states: progress until the
 * first answer, the error when there is no data, and over data from before a
 * failed refresh, a warning with its age; then the sources behind it that are
 * not current. A failing panel stays in its card and never breaks the page.
 */
export function PolledPanel<T extends { sources: DataSourceStatus[] }>(props: {
  title: string;
  /** What the panel shows, in a sentence: "Could not load {what}". Default: the title in lower case. */
  what?: string;
  subheader?: string;
  action?: ReactNode;
  pipelineRef: string;
  polled: Polled<T>;
  /** The sources that matter to this panel. */
  kinds: DataSourceKind[];
  children: (value: T) => ReactNode;
}) {
  const what = props.what ?? props.title.toLowerCase();
  return (
    <InfoCard
      title={props.title}
      // Headings under the tab's "The last 6 h", for screen reader navigation.
      titleTypographyProps={{ component: 'h3' }}
      subheader={props.subheader}
      action={props.action}
    >
      <PolledContent
        polled={props.polled}
        title={what}
        sourcesTitle={props.title}
        kinds={props.kinds}
        problem={error => (
          <PipelineRequestProblem
            error={error}
            pipelineRef={props.pipelineRef}
            title={what}
          />
        )}
      >
        {props.children}
      </PolledContent>
    </InfoCard>
  );
}

import { ConfigApi } from '@backstage/core-plugin-api';
import { PipelineRef } from '@internal/backstage-plugin-streaming-platform-common';

/** A tool outside Backstage that shows more of a pipeline. */
export interface PipelineLink {
  key: 'flinkUi' | 'grafana' | 'splunk';
  title: string;
  url: string;
}

const TOOLS: Array<Omit<PipelineLink, 'url'>> = [
  { key: 'flinkUi', title: 'Flink UI' },
  { key: 'grafana', title: 'Grafana' },
  { key: 'splunk', title: 'Splunk' },
];

/**
 * Fills `{cluster}`, `{namespace}` and `{name}` in a URL template. Values are
 * URI-encoded: they are DNS names today, but a template should not have to
 * trust that.
 */
export function fillLinkTemplate(template: string, ref: PipelineRef): string {
  return template.replace(/\{(cluster|namespace|name)\}/g, (_, part) =>
    encodeURIComponent(ref[part as keyof PipelineRef]),
  );
}

/**
 * The links configured under `streamingPlatform.links`, filled in for one
 * pipeline; tools without a template are left out.
 */
export function pipelineLinks(
  config: ConfigApi,
  ref: PipelineRef,
): PipelineLink[] {
  return TOOLS.flatMap(tool => {
    const template = config.getOptionalString(
      `streamingPlatform.links.${tool.key}`,
    );
    return template ? [{ ...tool, url: fillLinkTemplate(template, ref) }] : [];
  });
}

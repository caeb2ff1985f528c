export interface Config {
  /** Configuration of the streaming-platform plugins. */
  streamingPlatform?: {
    /**
     * Links from a pipeline's Streaming tab to the tools that show more of it.
     * Each is a URL template; `{cluster}`, `{namespace}` and `{name}` are
     * replaced by the parts of the pipeline reference
     * `<cluster>/<namespace>/<name>` (URI-encoded). A tool without a template
     * gets no link.
     */
    links?: {
      /**
       * The Flink web UI of a pipeline's JobManager, e.g.
       * `https://flink.{cluster}.example.com/{namespace}/{name}/`.
       * @visibility frontend
       */
      flinkUi?: string;
      /**
       * A Grafana dashboard of the pipeline, e.g.
       * `https://grafana.example.com/d/flink?var-cluster={cluster}&var-namespace={namespace}&var-job={name}`.
       * @visibility frontend
       */
      grafana?: string;
      /**
       * A Splunk search over the pipeline's logs, e.g.
       * `https://splunk.example.com/en-US/app/search/search?q=search%20index%3Dk8s%20namespace%3D{namespace}%20app%3D{name}`.
       * @visibility frontend
       */
      splunk?: string;
    };
  };
}

export interface Config {
  streamingPlatform?: {
    selfService?: {
      /**
       * Where the portal keeps the repositories of pipelines created without
       * a Git host (the default portal): `streaming-platform:pipeline:register`
       * copies each to `<dir>/<name>` and refreshes the catalog location that
       * reads `<dir>/*\/catalog-info.yaml`. Relative to the backend's
       * working directory.
       */
      localRepositoryDir?: string;
    };
  };
}

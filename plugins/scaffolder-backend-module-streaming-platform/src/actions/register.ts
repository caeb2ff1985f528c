import {
  AuthService,
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  CatalogService,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';

const WAIT_FOR_ENTITY_MS = 60_000;

/**
 * `streaming-platform:pipeline:register`: makes the new pipeline's entity
 * page exist at once.
 *
 * - With `catalogInfoUrl` (a repository the pull request or publish step
 *   created), registers that URL as a catalog location, as `catalog:register` does.
 * - Otherwise the portal keeps the generated repository itself, in
 *   `streamingPlatform.selfService.localRepositoryDir`: the workspace folder
 *   is copied to `<dir>/<name>`, the catalog location that reads that
 *   folder (configured in `catalog.locations`) is refreshed, and the action
 *   waits until the Component is in the catalog.
 */
export function createRegisterPipelineAction(options: {
  catalog: CatalogService;
  auth: AuthService;
  localRepositoryDir?: string;
  /** The refs of the catalog locations that read `localRepositoryDir`. */
  localRepositoryLocations: string[];
}) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'streaming-platform:pipeline:register',
    description:
      "Registers a new pipeline's catalog-info.yaml in the catalog (from a repository URL, or from the portal's local pipelines folder)",
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: z =>
          z
            .string()
            .default('./pipeline')
            .describe('Workspace folder of the generated repository'),
        name: z =>
          z
            .string()
            .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/)
            .describe(
              'The pipeline name: the folder name in the local repository',
            ),
        catalogInfoUrl: z =>
          z
            .string()
            .url()
            .optional()
            .describe(
              'Where the catalog reads catalog-info.yaml, when a repository holds it',
            ),
      },
      output: {
        entityRef: z => z.string(),
        catalogInfoPath: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? './pipeline',
      );
      const entityRef = await entityRefOf(
        path.join(source, 'catalog-info.yaml'),
      );
      const credentials = await ctx.getInitiatorCredentials();
      ctx.output('entityRef', entityRef);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would register ${entityRef}`);
        return;
      }
      if (ctx.input.catalogInfoUrl) {
        const url = ctx.input.catalogInfoUrl;
        await ctx.checkpoint({
          key: `streaming-platform-register-url-${url}`,
          fn: async () => {
            await catalog.addLocation(
              { type: 'url', target: url },
              { credentials },
            );
          },
        });
        ctx.logger.info(`Registered ${url}`);
        return;
      }
      const root = options.localRepositoryDir;
      if (root && !options.localRepositoryLocations.length) {
        throw new InputError(
          `No catalog location reads ${root}: add one to catalog.locations, e.g. { type: file, target: ${path.join(
            root,
            '*',
            'catalog-info.yaml',
          )} }`,
        );
      }
      if (!root) {
        throw new InputError(
          'No catalogInfoUrl was given and streamingPlatform.selfService.localRepositoryDir is not set: there is nowhere to register the pipeline from',
        );
      }
      const target = resolveSafeChildPath(root, ctx.input.name);
      await ctx.checkpoint({
        key: `streaming-platform-register-local-${ctx.input.name}`,
        fn: async () => {
          await copyNewFolder(source, target);
        },
      });
      ctx.output('catalogInfoPath', path.join(target, 'catalog-info.yaml'));
      // The portal's own location: refreshed as this service, not as the
      // user, whom a policy need not let refresh Location entities.
      const serviceCredentials = await options.auth.getOwnServiceCredentials();
      for (const ref of options.localRepositoryLocations) {
        await catalog.refreshEntity(ref, { credentials: serviceCredentials });
      }
      await waitForEntity(catalog, entityRef, credentials);
      ctx.logger.info(`${entityRef} is in the catalog`);
    },
  });
}

async function entityRefOf(file: string): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new InputError('The generated repository has no catalog-info.yaml');
  }
  const entity = parseDocument(text).toJS() as {
    kind?: string;
    metadata?: { name?: string; namespace?: string };
  };
  if (!entity?.kind || !entity.metadata?.name) {
    throw new InputError('catalog-info.yaml has no kind or metadata.name');
  }
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
}

/** Copies a folder to a new place; an existing pipeline folder is never overwritten. */
async function copyNewFolder(source: string, target: string) {
  try {
    await fs.access(target);
    throw new InputError(
      `The local pipelines folder already has ${path.basename(
        target,
      )}; choose another name`,
    );
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Copied under a temporary name and renamed, so the catalog never reads half a folder.
  const partial = `${target}.partial-${process.pid}`;
  await fs.cp(source, partial, { recursive: true });
  await fs.rename(partial, target);
}

/**
 * The refs of the catalog's configured file locations that read inside
 * `root`, named as the catalog names the Location entities it makes of
 * `catalog.locations`. Computed rather than looked up: while the folder is
 * still empty such a location fails to read, and the catalog shows no
 * entity for it, but it can be refreshed all the same.
 */
export function localRepositoryLocationRefs(
  config: Config,
  root: string,
): string[] {
  const absoluteRoot = path.resolve(root);
  return (config.getOptionalConfigArray('catalog.locations') ?? [])
    .filter(location => location.getString('type') === 'file')
    .map(location => path.resolve(location.getString('target')))
    .filter(target => target.startsWith(absoluteRoot + path.sep))
    .map(target =>
      stringifyEntityRef(
        locationSpecToLocationEntity({ location: { type: 'file', target } }),
      ),
    );
}

async function waitForEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
) {
  const deadline = Date.now() + WAIT_FOR_ENTITY_MS;
  while (Date.now() < deadline) {
    if (await catalog.getEntityByRef(entityRef, { credentials })) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new ServiceUnavailableError(
    `${entityRef} was not in the catalog ${
      WAIT_FOR_ENTITY_MS / 1000
    } s after registering; check the catalog's processing errors for its location`,
  );
}

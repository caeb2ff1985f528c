/*
 * A tiny stand-in for the Backstage backend: serves the built harness and
 * answers the few API calls the page makes, from the generated fixture.
 * Responses are gzipped as the backend's would be, so the browser does the
 * same decoding work it would against a real portal.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The catalog's filter query: `key=value` pairs, comma-joined, ANDed; several filters ORed. */
function matchesFilters(entity, filters) {
  if (!filters.length) return true;
  return filters.some(filter =>
    filter.split(',').every(condition => {
      const [key, value] = condition.split('=');
      const v = value?.toLocaleLowerCase('en-US');
      switch (key.toLocaleLowerCase('en-US')) {
        case 'kind':
          return entity.kind.toLocaleLowerCase('en-US') === v;
        case 'spec.type':
          return entity.spec?.type?.toLocaleLowerCase('en-US') === v;
        case 'relations.ownedby':
          return (entity.relations ?? []).some(
            r => r.type === 'ownedBy' && r.targetRef === v,
          );
        default:
          return true;
      }
    }),
  );
}

const refOf = e =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLocaleLowerCase('en-US');

/**
 * Starts the server on a free loopback port.
 *
 * @param {{ root: string, summary: object, entities: object[] }} options
 * @returns {Promise<{ origin: string, close: () => Promise<void>, summaryBytes: { raw: number, gzip: number } }>}
 */
export async function startServer({ root, summary, entities }) {
  const summaryJson = Buffer.from(JSON.stringify(summary));
  const summaryGzip = gzipSync(summaryJson);
  const index = await readFile(join(root, 'index.html'));

  const send = (req, res, status, type, body, preGzipped) => {
    const gzip =
      /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') &&
      body.length > 1024;
    const payload = gzip ? preGzipped ?? gzipSync(body) : body;
    res.writeHead(status, {
      'content-type': type,
      'content-length': payload.length,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(payload);
  };
  const json = (req, res, value, status = 200) =>
    send(
      req,
      res,
      status,
      'application/json',
      Buffer.from(JSON.stringify(value)),
    );

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    try {
      if (path === '/api/streaming-platform/teams/summary') {
        if (url.searchParams.get('group') !== summary.group) {
          return json(req, res, { ...summary, pipelines: [], figures: {} });
        }
        return send(
          req,
          res,
          200,
          'application/json',
          summaryJson,
          summaryGzip,
        );
      }
      if (path === '/api/catalog/entities') {
        const filters = url.searchParams.getAll('filter');
        return json(
          req,
          res,
          entities.filter(e => matchesFilters(e, filters)),
        );
      }
      if (path === '/api/catalog/entities/by-refs' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const refs = JSON.parse(body || '{}').entityRefs ?? [];
        const byRef = new Map(entities.map(e => [refOf(e), e]));
        return json(req, res, {
          items: refs.map(r => byRef.get(r.toLocaleLowerCase('en-US')) ?? null),
        });
      }
      if (path === '/api/catalog/entities/by-query') {
        const filters = url.searchParams.getAll('filter');
        const items = entities.filter(e => matchesFilters(e, filters));
        return json(req, res, {
          items,
          totalItems: items.length,
          pageInfo: {},
        });
      }
      if (path.startsWith('/api/')) {
        return json(
          req,
          res,
          { error: { name: 'NotFoundError', message: `No ${path} here` } },
          404,
        );
      }
      const file = normalize(join(root, path));
      if (file.startsWith(root) && extname(file)) {
        const body = await readFile(file).catch(() => undefined);
        if (body) {
          return send(
            req,
            res,
            200,
            TYPES[extname(file)] ?? 'application/octet-stream',
            body,
          );
        }
      }
      // Any other path is a page of the single-page app.
      return send(req, res, 200, TYPES['.html'], index);
    } catch (error) {
      return json(
        req,
        res,
        { error: { name: 'Error', message: String(error) } },
        500,
      );
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    summaryBytes: { raw: summaryJson.length, gzip: summaryGzip.length },
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

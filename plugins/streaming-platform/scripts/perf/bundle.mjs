/*
 * The two builds the performance script needs, both with esbuild:
 * - the harness: a production build of a small real app with this plugin,
 *   for the browser to load;
 * - the plugin alone, with everything an app already ships (React, MUI,
 *   Backstage's own packages) left external, to measure what the plugin adds.
 */
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pluginRoot = join(here, '..', '..');

// A Node built-in some browser packages still import (csv-stringify, in the
// catalog plugin), resolved as the Backstage CLI's bundler does
// (node-stdlib-browser); events, buffer and util resolve to their npm
// packages by name.
const BROWSER_SHIMS = { stream: 'stream-browserify' };

const COMMON_OPTIONS = {
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  target: 'chrome120',
  jsx: 'automatic',
  metafile: true,
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
  alias: BROWSER_SHIMS,
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: {
    '.svg': 'file',
    '.png': 'file',
    '.woff': 'file',
    '.woff2': 'file',
    '.ttf': 'file',
    '.eot': 'file',
  },
};

/**
 * Builds the harness app (`entry`, a file next to this one) into `outdir`,
 * with index.html carrying the probe.
 *
 * @returns {Promise<{ ms: number, metafile: import('esbuild').Metafile }>}
 */
export async function buildHarness(outdir, expectedRows, entry) {
  const started = Date.now();
  await mkdir(outdir, { recursive: true });
  const { metafile } = await esbuild.build({
    ...COMMON_OPTIONS,
    entryPoints: {
      harness: join(here, entry),
      'backstage-ui': require.resolve('@backstage/ui/css/styles.css'),
    },
    inject: [join(here, 'nodeGlobals.mjs')],
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
  });
  const probe = await readFile(join(here, 'probe.js'), 'utf8');
  await writeFile(
    join(outdir, 'index.html'),
    `<!doctype html>
<html lang="en" data-expected-rows="${expectedRows}">
<head>
<meta charset="utf-8">
<title>Streaming platform perf harness</title>
<script>${probe}</script>
<link rel="stylesheet" href="/backstage-ui.css">
<link rel="stylesheet" href="/harness.css">
</head>
<body><div id="root"></div><script type="module" src="/harness.js"></script></body>
</html>
`,
  );
  return { ms: Date.now() - started, metafile };
}

// Shipped by every Backstage app already (lodash by core-components and
// catalog-react): not what the plugin adds.
const APP_PROVIDED =
  /^(react|react-dom|react-router|react-router-dom|react-use|lodash|@material-ui\/[^/]+|@backstage\/[^/]+)(\/.*)?$/;

const externalAppPackages = {
  name: 'external-app-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, args =>
      APP_PROVIDED.test(args.path)
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

/** Which package (or part of this repo) a bundled input file belongs to. */
function ownerOf(relativeInput) {
  const input = join(process.cwd(), relativeInput);
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = input.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (input.includes('streaming-platform-common/')) {
    return 'streaming-platform-common';
  }
  if (input.startsWith(join(pluginRoot, 'src'))) {
    return 'this plugin (src)';
  }
  return relativeInput;
}

/**
 * Builds the plugin's entry points with app-provided packages external and
 * returns each chunk's size (raw and gzip) and what is in it by package.
 */
export async function measurePluginBundle() {
  const result = await esbuild.build({
    ...COMMON_OPTIONS,
    entryPoints: {
      alpha: join(pluginRoot, 'src', 'alpha.tsx'),
      index: join(pluginRoot, 'src', 'index.ts'),
    },
    // Not written: the sizes are read from memory.
    outdir: join(pluginRoot, 'dist-perf'),
    write: false,
    plugins: [externalAppPackages],
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
  });
  const files = new Map(result.outputFiles.map(f => [f.path, f.contents]));
  const chunks = [];
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    const absolute = join(process.cwd(), path);
    const contents = files.get(absolute) ?? files.get(path);
    if (!contents) continue;
    const byOwner = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const owner = ownerOf(input);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
    }
    chunks.push({
      file: relative(join(pluginRoot, 'dist-perf'), absolute),
      entry: output.entryPoint
        ? relative(pluginRoot, join(process.cwd(), output.entryPoint))
        : undefined,
      raw: contents.length,
      gzip: gzipSync(contents).length,
      byOwner: [...byOwner.entries()].sort((a, b) => b[1] - a[1]),
    });
  }
  return chunks.sort((a, b) => b.raw - a.raw);
}

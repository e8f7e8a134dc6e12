// Runs every test in Debian's headless Chromium. Two groups: the default one at device scale
// factor 1, and `hidpi` at 2 for the canvas sharpness tests.
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mkdirSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const sharedData = resolve(root, '../shared/data');
const cacheDir = join(root, 'node_modules/.cache/incident-lens');
const graphologyBundle = join(cacheDir, 'graphology.js');

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

function chromium(extraFlags = []) {
  return chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...chromiumFlags, ...extraFlags],
    },
  });
}

// graphology's ES module imports EventEmitter from the CommonJS `events` package, which the
// dev server cannot convert, so graphology is bundled once with esbuild and served from here.
const graphologyPlugin = {
  name: 'graphology-esm',
  async serverStart() {
    mkdirSync(cacheDir, { recursive: true });
    await build({
      entryPoints: [join(root, 'node_modules/graphology/dist/graphology.mjs')],
      bundle: true,
      format: 'esm',
      outfile: graphologyBundle,
      logLevel: 'warning',
    });
  },
  resolveImport({ source }) {
    if (source === 'graphology') return '/__il/graphology.js';
  },
  serve(context) {
    if (context.path === '/__il/graphology.js') {
      return { body: readFileSync(graphologyBundle, 'utf8'), type: 'js' };
    }
  },
};

// Serves the published sample payloads at /shared-data/ so tests can read them with fetch.
const sharedDataMiddleware = (context, next) => {
  if (!context.path.startsWith('/shared-data/')) return next();
  const relative = decodeURIComponent(context.path.slice('/shared-data/'.length));
  const file = normalize(join(sharedData, relative));
  if (!file.startsWith(sharedData) || !existsSync(file) || !statSync(file).isFile()) {
    context.status = 404;
    return undefined;
  }
  context.type = file.endsWith('.json') ? 'application/json' : 'text/plain';
  context.body = readFileSync(file);
  return undefined;
};

const ci = process.env.CI === 'true' || process.env.CI === '1';

export default {
  rootDir: root,
  files: ['test/**/*.test.ts', '!test/**/*.hidpi.test.ts'],
  nodeResolve: { browser: true },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [sharedDataMiddleware],
  // Lit announces its development build once per page; every other browser log is kept.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [
    graphologyPlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
  ],
  browsers: [chromium()],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"></head>
  <body>
    <script>window.__IL_CI__ = ${JSON.stringify(ci)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};

// Runs every test in Debian's headless Chromium: the default group at device scale factor 1,
// and the `hidpi` group (files named *.hidpi.test.ts) at 2 for the canvas sharpness tests.
// Every test page runs under a strict Content Security Policy. The `bundle`, `vue` and
// `angular` groups differ from the default one only in the policy they need.
import { commonJsPrebundle } from './scripts/commonjs-prebundle.mjs';
import { contentSecurityPolicy, frameworkContentSecurityPolicy, LIBRARY_TRUSTED_TYPES } from './scripts/content-security-policy.mjs';
import { demoUnderPolicy } from './scripts/demo-under-policy.mjs';
import { strictTestPages } from './scripts/strict-test-pages.mjs';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
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
  // Exposes `gc()`, so the lifecycle check can run a full collection before it counts the
  // removed views still reachable. Memory it allocated to provoke collections sometimes got no
  // full collection after its last few hundred mounts, which then all counted as held.
  '--js-flags=--expose-gc',
];

function chromium({ deviceScaleFactor = 1 } = {}) {
  const options = {
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...chromiumFlags, `--force-device-scale-factor=${deviceScaleFactor}`],
    },
  };
  if (deviceScaleFactor === 1) return chromeLauncher(options);

  // The launcher sets the viewport at the start of every test session, which resets the scale
  // factor to 1, so each viewport it sets keeps the requested factor.
  return chromeLauncher({
    ...options,
    createPage: async ({ context }) => {
      const page = await context.newPage();
      const setViewport = page.setViewport.bind(page);
      page.setViewport = (viewport) => setViewport({ ...viewport, deviceScaleFactor });
      return page;
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

// Sends the plain HTML example under the policy the README documents, as a site that follows
// it would, so test/frameworks/plain.test.ts shows that the page runs under it.
const plainExamplePolicy = (context, next) => {
  if (context.path.startsWith('/demo/frameworks/plain/')) context.set('content-security-policy', contentSecurityPolicy());
  return next();
};

// Serves dist/ at /__il/bundle-without-element-chunks/ with every element chunk missing (404),
// so test/bundle/ can load a copy of the script-tag bundle whose elements fail to load.
const BUNDLE_WITHOUT_ELEMENTS = '/__il/bundle-without-element-chunks/';
const bundleWithoutElementsMiddleware = (context, next) => {
  if (!context.path.startsWith(BUNDLE_WITHOUT_ELEMENTS)) return next();
  const relative = context.path.slice(BUNDLE_WITHOUT_ELEMENTS.length);
  if (/^bundle\/il-[a-z-]+\.js$/.test(relative)) {
    context.status = 404;
    return undefined;
  }
  context.url = `/dist/${relative}`;
  return next();
};

/** Counts passed, failed and skipped tests in a suite tree of test results. */
function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
  return counts;
}

// Ends the run with one plain "N passed, N failed, N skipped" line that CI logs can read.
const summaryReporter = {
  onTestRunFinished({ sessions }) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const session of sessions) {
      countTests(session.testResults, counts);
      if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) counts.failed++;
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  },
};

const ci = process.env.CI === 'true' || process.env.CI === '1';

// Every test page runs under the policy the README documents, plus the Trusted Types policy with
// which test/helpers/parse-markup.ts parses the SVG exports that tests inspect. A file that
// needs more gets a named policy and a group of its own below. A violation fails its test file.
const testTrustedTypes = [...LIBRARY_TRUSTED_TYPES, 'il-test-markup'];
const testPagePolicies = strictTestPages({
  rootDir: root,
  defaultPolicy: 'strict',
  policies: {
    strict: contentSecurityPolicy({ trustedTypes: testTrustedTypes }),
    // The script-tag bundle carries its own copy of Lit, and @open-wc/testing loads another,
    // so the page creates two `lit-html` policies, as any page with two copies of Lit does.
    bundle: contentSecurityPolicy({ trustedTypes: [...testTrustedTypes, "'allow-duplicates'"] }),
    // The Vue and Angular examples get the allowances that the demo server also sends them.
    vue: frameworkContentSecurityPolicy('vue', { trustedTypes: testTrustedTypes }),
    angular: frameworkContentSecurityPolicy('angular', { trustedTypes: testTrustedTypes }),
  },
});

// Serves the flags of the test page, set in Node: with `window.__IL_CI__` true, tests that need
// the shared data folder fail without it instead of skipping.
const testPageFlags = {
  name: 'test-page-flags',
  serve(context) {
    if (context.path === '/__il/test-page-flags.js') return { body: `window.__IL_CI__ = ${JSON.stringify(ci)};\n`, type: 'js' };
  },
};

/** Returns the `testRunnerHtml` of a group whose pages run under the policy named `policy`. */
function testPage(policy) {
  return (testFramework) => `<!doctype html>
<html lang="en" data-il-policy="${policy}">
  <head>
    <meta charset="utf-8">
    <script src="/test/page/violation-listener.ts"></script>
  </head>
  <body>
    <script src="/__il/test-page-flags.js"></script>
    <script type="module" src="${testFramework}"></script>
    <script type="module" src="/test/page/violation-hooks.ts"></script>
  </body>
</html>`;
}

export default {
  rootDir: root,
  files: [
    'test/**/*.test.ts',
    '!test/**/*.hidpi.test.ts',
    '!test/bundle/**/*.test.ts',
    '!test/frameworks/vue.test.ts',
    '!test/frameworks/angular.test.ts',
  ],
  nodeResolve: { browser: true },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter, testPagePolicies.reporter],
  middleware: [testPagePolicies.middleware, sharedDataMiddleware, bundleWithoutElementsMiddleware, plainExamplePolicy],
  // Lit announces its development build once per page; every other browser log is kept.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [
    testPagePolicies.plugin,
    testPageFlags,
    // Serves the demo from Vite for test/e2e/demo-policy.test.ts.
    demoUnderPolicy({ rootDir: root, cacheDir }),
    graphologyPlugin,
    // React 19 ships CommonJS only; the framework examples' tests import it as ES modules.
    commonJsPrebundle({ rootDir: root, packages: ['react', 'react-dom', 'react-dom/client'] }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
  ],
  browsers: [chromium()],
  groups: [
    {
      name: 'hidpi',
      files: 'test/**/*.hidpi.test.ts',
      browsers: [chromium({ deviceScaleFactor: 2 })],
    },
    { name: 'bundle', files: 'test/bundle/**/*.test.ts', testRunnerHtml: testPage('bundle') },
    { name: 'vue', files: 'test/frameworks/vue.test.ts', testRunnerHtml: testPage('vue') },
    { name: 'angular', files: 'test/frameworks/angular.test.ts', testRunnerHtml: testPage('angular') },
  ],
  testRunnerHtml: testPage('strict'),
};

// Benchmarks <il-alert-timeline> in headless Chromium and prints figures, not pass or fail.
// Usage: node bench/timeline/run.mjs [--alerts 100000] [--entities 10000] [--steps 200] [--frames 120] [--timeout 300]
// bench/README.md explains each figure.
import { createServer } from 'node:http';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
];

const { values: options } = parseArgs({
  options: {
    alerts: { type: 'string', default: '100000' },
    entities: { type: 'string', default: '10000' },
    steps: { type: 'string', default: '200' },
    frames: { type: 'string', default: '120' },
    timeout: { type: 'string', default: '300' },
  },
});
const alerts = Number(options.alerts);
const entities = Number(options.entities);
const steps = Number(options.steps);
const frames = Number(options.frames);
const timeoutMs = Number(options.timeout) * 1000;
for (const [name, value] of Object.entries({ alerts, entities, steps, frames })) {
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`bench: invalid --${name} "${options[name]}". Give a positive whole number.`);
    process.exit(2);
  }
}
if (!(timeoutMs > 0)) {
  console.error(`bench: invalid --timeout "${options.timeout}". Give a positive number of seconds.`);
  process.exit(2);
}

/** Serves the bench page and its bundle from `directory` on 127.0.0.1, on a free port. */
async function serve(directory) {
  const files = { '/': ['index.html', 'text/html'], '/index.html': ['index.html', 'text/html'], '/bench.js': ['bench.js', 'text/javascript'] };
  const server = createServer(async (request, response) => {
    const file = files[new URL(request.url, 'http://127.0.0.1').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
    response.end(await readFile(join(directory, file[0])));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const ms = (value) => `${value.toFixed(2)} ms`;

const workDirectory = await mkdtemp(join(tmpdir(), 'alert-timeline-bench-'));
let server;
let browser;
try {
  await build({
    entryPoints: [join(root, 'bench/timeline/bench.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(workDirectory, 'bench.js'),
    logLevel: 'warning',
  });
  await copyFile(join(root, 'bench/timeline/index.html'), join(workDirectory, 'index.html'));
  server = await serve(workDirectory);

  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: VIEWPORT,
    protocolTimeout: timeoutMs + 60_000,
  });
  console.log(`${await browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
  console.log(`viewport ${VIEWPORT.width}×${VIEWPORT.height}; medians and 95th percentiles over the samples shown`);
  console.log();

  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.alertTimelineBench !== undefined);
  page.setDefaultTimeout(timeoutMs);

  const index = await page.evaluate((count) => window.alertTimelineBench.measureIndex(count, 10), alerts);
  console.log(`time index, ${index.alerts} alerts (${index.times} distinct times): median ${ms(index.medianMs)}, p95 ${ms(index.p95Ms)} over ${index.samples} builds`);
  console.log(`  marker columns for a 1,248 px axis: median ${ms(index.columnsMedianMs)}`);

  const scrubIndex = await page.evaluate(
    (entityCount, alertCount, count) => window.alertTimelineBench.measureScrubIndex(entityCount, alertCount, count),
    entities,
    alerts,
    steps,
  );
  console.log(`scrub step over ${alerts} alerts, cursor and the graph's visible set (${scrubIndex.nodes} nodes at the last step): median ${ms(scrubIndex.medianMs)}, p95 ${ms(scrubIndex.p95Ms)} over ${scrubIndex.samples} steps`);
  console.log(`  of which the cursor (key press to rendered timeline): median ${ms(scrubIndex.cursorMedianMs)}, p95 ${ms(scrubIndex.cursorP95Ms)}`);

  const scrubGraph = await page.evaluate((entityCount, count) => window.alertTimelineBench.measureScrubGraph(entityCount, count), entities, steps);
  console.log(`scrub step, cursor to redrawn il-incident-graph of ${entities} entities (${scrubGraph.nodes} nodes): median ${ms(scrubGraph.medianMs)}, p95 ${ms(scrubGraph.p95Ms)} over ${scrubGraph.samples} steps`);
  console.log(`  medians of the parts: key press to rendered timeline ${ms(scrubGraph.pressMedianMs)}, graph frame ${ms(scrubGraph.redrawMedianMs)}`);

  const playback = await page.evaluate((entityCount, count) => window.alertTimelineBench.measurePlayback(entityCount, count), entities, frames);
  console.log(`playback with il-incident-graph of ${entities} entities following: frame interval mean ${ms(playback.meanIntervalMs)}, p95 ${ms(playback.p95IntervalMs)} over ${playback.frames} frames`);
} finally {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await rm(workDirectory, { recursive: true, force: true });
}

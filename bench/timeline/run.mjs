// Benchmarks <il-alert-timeline> in headless Chromium and prints figures, not pass or fail.
// Usage: node bench/timeline/run.mjs [--alerts 100000] [--entities 10000] [--steps 200] [--frames 120] [--timeout 300]
// The values shown are the defaults, and --timeout is in seconds. bench/README.md explains each figure.
import { parseArgs } from 'node:util';
import { describeMachine, startBench, VIEWPORT } from '../shared/driver.mjs';

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

const ms = (value) => `${value.toFixed(2)} ms`;

const bench = await startBench('bench/timeline', { protocolTimeoutMs: timeoutMs + 60_000 });
try {
  console.log(await describeMachine(bench.browser));
  console.log(`viewport ${VIEWPORT.width}×${VIEWPORT.height}; medians and 95th percentiles over the samples shown`);
  console.log();

  // Each measurement runs on a fresh page, so the heap one leaves behind (100,000 alerts and
  // their graph) does not slow the next one down with its garbage collection.
  const freshPage = async () => {
    const page = await bench.browser.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(bench.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.alertTimelineBench !== undefined);
    page.setDefaultTimeout(timeoutMs);
    return page;
  };
  let page = await freshPage();

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

  await page.close();
  page = await freshPage();
  const scrubGraph = await page.evaluate((entityCount, count) => window.alertTimelineBench.measureScrubGraph(entityCount, count), entities, steps);
  console.log(`scrub step, cursor to redrawn il-incident-graph of ${entities} entities (${scrubGraph.nodes} nodes): median ${ms(scrubGraph.medianMs)}, p95 ${ms(scrubGraph.p95Ms)} over ${scrubGraph.samples} steps`);
  console.log(`  medians of the parts: key press to rendered timeline ${ms(scrubGraph.pressMedianMs)}, graph frame ${ms(scrubGraph.redrawMedianMs)}`);

  await page.close();
  page = await freshPage();
  const playback = await page.evaluate((entityCount, count) => window.alertTimelineBench.measurePlayback(entityCount, count), entities, frames);
  console.log(`playback with il-incident-graph of ${entities} entities following: frame interval mean ${ms(playback.meanIntervalMs)}, p95 ${ms(playback.p95IntervalMs)} over ${playback.frames} frames`);
} finally {
  await bench.close();
}

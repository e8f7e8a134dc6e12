// Benchmarks <il-incident-graph> in headless Chromium on generated incidents and prints a table.
// Usage: node bench/graph/run.mjs [--sizes 100,1000,10000,50000] [--timeout 300] [--frames 120] [--loads 5]
// bench/README.md explains each column. Figures, not pass or fail.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describeMachine, root, startBench, VIEWPORT } from '../shared/driver.mjs';
import { bundleUpFront } from '../../scripts/up-front-chunks.mjs';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000,50000' },
    timeout: { type: 'string', default: '300' },
    frames: { type: 'string', default: '120' },
    loads: { type: 'string', default: '5' },
  },
});
const sizes = options.sizes.split(',').map((size) => Number(size.trim()));
const timeoutMs = Number(options.timeout) * 1000;
const frames = Number(options.frames);
const loads = Number(options.loads);
if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) {
  console.error(`bench: invalid --sizes "${options.sizes}". Give positive whole numbers separated by commas, for example 100,1000.`);
  process.exit(2);
}
if (!(timeoutMs > 0) || !(frames > 1) || !Number.isInteger(loads) || loads < 1) {
  console.error('bench: --timeout (seconds) must be positive, --frames at least 2 and --loads a whole number of at least 1.');
  process.exit(2);
}

class TimeoutError extends Error {}

function withTimeout(promise, milliseconds, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${label} timed out after ${milliseconds / 1000} s`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Bundles `entry` with its dependencies, minified and split at dynamic imports as application
 * bundlers do, and returns the gzipped bytes of what a page loads up front (the entry and its
 * static imports) and of the chunks loaded on demand.
 */
async function gzippedBundleSizes(entry, directory) {
  const { result, upFront } = await bundleUpFront(entry, { outdir: join(directory, 'element-size'), minify: true });
  const outputs = result.metafile.outputs;

  let initial = 0;
  let onDemand = 0;
  for (const file of result.outputFiles) {
    const bytes = gzipSync(file.contents, { level: 9 }).length;
    const path = Object.keys(outputs).find((key) => resolve(key) === file.path);
    if (path && upFront.has(path)) initial += bytes;
    else onDemand += bytes;
  }
  return { initial, onDemand };
}

/**
 * Returns the gzipped bytes of the script-tag bundle: its entry alone, the entry with the chunks
 * it imports statically (what a page loads before any element appears), and the entry with
 * every chunk in dist/bundle/. esbuild reads the built files' imports and writes nothing.
 */
async function scriptTagBundleSizes(directory) {
  const entryPath = join(root, 'dist/incident-lens.bundle.js');
  const entry = await gzippedFileSize(entryPath);
  if (entry === undefined) return undefined;

  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: join(directory, 'script-tag-bundle'),
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = result.metafile.inputs;
  const upFront = new Set();
  const visit = (path) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const imported of inputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(inputs).find((path) => resolve(path) === entryPath));

  let initial = 0;
  for (const path of upFront) initial += await gzippedFileSize(resolve(path));
  const chunkFolder = join(root, 'dist/bundle');
  const chunks = (await readdir(chunkFolder)).filter((name) => name.endsWith('.js'));
  let total = entry;
  for (const name of chunks) total += await gzippedFileSize(join(chunkFolder, name));
  return { entry, initial, total, chunks: chunks.length };
}

async function gzippedFileSize(path) {
  try {
    return gzipSync(await readFile(path), { level: 9 }).length;
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kb = (bytes) => (bytes === undefined ? 'missing' : `${(bytes / 1024).toFixed(1)} KiB`);
const fixed = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));

/** Returns the renderer's main-thread busy time so far, in milliseconds, from the DevTools protocol. */
async function taskDurationMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Runs every step for one size on `page` and returns one table row. */
async function measureSize(page, cdp, size) {
  // The timed steps run one after the other with no forced garbage collection between them:
  // a forced collection shrinks the heap's limits, so the next step would pay for a full
  // collection that rarely happens on a page.
  const layout = await page.evaluate((count) => window.incidentGraphBench.measureLayout(count), size);
  // One load's figures vary widely with garbage collection (38 to 106 ms for the first frame at
  // 10,000 entities in one run), so the first frame and its longest task are medians of loads.
  const firstFrames = [];
  const loadTasks = [];
  for (let index = 0; index < loads; index++) {
    const load = await page.evaluate((count) => window.incidentGraphBench.measureFirstFrame(count), size);
    firstFrames.push(load.firstFrameMs);
    loadTasks.push(load.longestTaskMs);
  }

  const busyBefore = await taskDurationMs(cdp);
  const gesture = await page.evaluate((count) => window.incidentGraphBench.measurePanZoom(count), frames);
  const busyAfter = await taskDurationMs(cdp);

  // The heap figure is the growth that loading one incident causes, from a separate load
  // after the timed ones: from no element on the page (the bench's saved positions already
  // held) to the loaded element and its graph.
  // A timer the gesture left, such as the redraw after motion, keeps the removed element alive
  // for a moment, so the baseline is taken once it has fired.
  await page.evaluate(() => window.incidentGraphBench.clear());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  await cdp.send('HeapProfiler.collectGarbage');
  const heapBefore = await cdp.send('Runtime.getHeapUsage');
  await page.evaluate((count) => window.incidentGraphBench.measureFirstFrame(count), size);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await page.evaluate(() => window.incidentGraphBench.clear());

  return {
    entities: size,
    nodes: layout.nodes,
    edges: layout.edges,
    firstFrameMs: median(firstFrames),
    firstFrameRange: [Math.min(...firstFrames), Math.max(...firstFrames)],
    loadLongestMs: median(loadTasks),
    loadLongestMax: Math.max(...loadTasks),
    layoutMs: layout.layoutMs,
    ticks: layout.ticks,
    layoutLongestMs: layout.longestTaskMs,
    frameMeanMs: gesture.meanIntervalMs,
    frameP95Ms: gesture.p95IntervalMs,
    redrawMs: gesture.meanRedrawMs,
    cpuPerFrameMs: (busyAfter - busyBefore) / gesture.frames,
    heapMb: (heap.usedSize - heapBefore.usedSize) / 1024 / 1024,
    overlapPercent: layout.overlapShare * 100,
    edgeLengthCv: layout.edgeLengthCv,
  };
}

const COLUMNS = [
  ['entities', 'entities', (row) => String(row.entities)],
  ['nodes', 'nodes', (row) => String(row.nodes)],
  ['edges', 'edges', (row) => String(row.edges)],
  ['first frame ms', 'firstFrameMs', (row) => fixed(row.firstFrameMs)],
  ['load task ms', 'loadLongestMs', (row) => fixed(row.loadLongestMs)],
  ['layout ms', 'layoutMs', (row) => fixed(row.layoutMs)],
  ['ticks', 'ticks', (row) => (row.ticks === undefined ? '-' : String(row.ticks))],
  ['layout task ms', 'layoutLongestMs', (row) => fixed(row.layoutLongestMs)],
  ['frame ms', 'frameMeanMs', (row) => fixed(row.frameMeanMs, 1)],
  ['p95 ms', 'frameP95Ms', (row) => fixed(row.frameP95Ms, 1)],
  ['redraw ms', 'redrawMs', (row) => fixed(row.redrawMs, 1)],
  ['CPU ms/frame', 'cpuPerFrameMs', (row) => fixed(row.cpuPerFrameMs, 1)],
  ['heap MB', 'heapMb', (row) => fixed(row.heapMb, 1)],
  ['overlap %', 'overlapPercent', (row) => fixed(row.overlapPercent, 1)],
  ['edge CV', 'edgeLengthCv', (row) => fixed(row.edgeLengthCv, 2)],
];

/** Prints one row with columns three spaces apart, so titles of several words stay apart. */
function printRow(cells) {
  console.log(cells.map((cell, index) => (index === 0 ? cell.padEnd(8) : cell.padStart(Math.max(5, COLUMNS[index][0].length)))).join('   ').trimEnd());
}

// Each size has its own timeout below, so a single long evaluation may take all of it.
const bench = await startBench('bench/graph', {
  protocolTimeoutMs: timeoutMs + 60_000,
  chromiumArgs: ['--enable-precise-memory-info'],
});
try {
  const bundle = await scriptTagBundleSizes(bench.workDirectory);
  const element = await gzippedBundleSizes(join(root, 'src/components/incident-graph/define.ts'), bench.workDirectory);
  console.log(
    bundle === undefined
      ? 'dist/incident-lens.bundle.js: missing (run `npm run build`)'
      : `dist/incident-lens.bundle.js, gzipped: ${kb(bundle.entry)} entry, ${kb(bundle.initial)} with the chunks it imports up front, ` +
          `${kb(bundle.total)} with all ${bundle.chunks} chunks of dist/bundle/ (each element's chunk loads when its tag first appears)`,
  );
  console.log(
    `il-incident-graph with its dependencies, minified and gzipped: ${kb(element.initial)} up front, ` +
      `${kb(element.onDemand)} more on first use (the session model with graphology for an element that makes its own ` +
      `session, the main-thread layout engine for a graph without saved positions of up to 400 nodes or when workers ` +
      `are blocked, the inlined worker for larger layouts, the minimap, the export, the box and lasso geometry)`,
  );
  console.log(await describeMachine(bench.browser));
  console.log(
    `viewport ${VIEWPORT.width}×${VIEWPORT.height}, pan and zoom over ${frames} frames, first frame and load task ` +
      `the medians of ${loads} loads, timeout ${timeoutMs / 1000} s per size`,
  );
  console.log();
  printRow(COLUMNS.map(([title]) => title));

  const rows = [];
  for (const size of sizes) {
    const page = await bench.browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    page.on('pageerror', (error) => console.error(`page error at ${size} entities: ${error.message}`));
    try {
      await page.goto(bench.url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.incidentGraphBench !== undefined);
      const measuring = measureSize(page, cdp, size);
      // After a timeout the measurement fails once its page closes; that failure is expected.
      measuring.catch(() => undefined);
      const row = await withTimeout(measuring, timeoutMs, `${size} entities`);
      printRow(COLUMNS.map(([, , format]) => format(row)));
      rows.push(row);
    } catch (error) {
      const protocolTimedOut = error instanceof Error && error.name === 'ProtocolError' && /timed out/.test(error.message);
      if (!(error instanceof TimeoutError) && !protocolTimedOut) throw error;
      printRow([String(size), ...COLUMNS.slice(1).map((_, index) => (index === 0 ? 'timed out' : ''))]);
    } finally {
      // A page stuck in a long task may not close quickly, so the next size does not wait for it.
      await withTimeout(page.close(), 10_000, 'closing the page').catch(() => undefined);
    }
  }

  if (loads > 1 && rows.length > 0) {
    console.log();
    for (const row of rows) {
      const [fastest, slowest] = row.firstFrameRange;
      console.log(`${row.entities} entities: first frame ${fixed(fastest)} to ${fixed(slowest)} ms over ${loads} loads, longest load task up to ${fixed(row.loadLongestMax)} ms`);
    }
  }
} finally {
  await bench.close();
}

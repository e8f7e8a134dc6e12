/**
 * The layout engine as a Web Worker. A `start` message carries an encoded input. The worker
 * runs the seeded force layout in slices, so `pause` and `resume` messages get through between
 * them, and posts `progress` after each slice and `end` once, with positions as transferred
 * Float64Arrays. The engine is the one the page runs, so a worker run gives exactly the
 * page's positions.
 *
 * scripts/build-worker.mjs bundles this module with d3-force into one script.
 */

import { ForceLayout } from './force-layout.js';
import { decodeLayoutInput, toInputOrder, type LayoutWorkerRequest, type LayoutWorkerResponse } from './layout-transfer.js';

/** Time budget of one slice, in milliseconds: how long a `pause` may wait. */
const SLICE_MS = 50;

/**
 * Minimum time between two `progress` messages, in milliseconds. The page redraws the graph
 * for each one, which takes long for thousands of nodes, so it gets at most five a second.
 * The first one goes out after the first slice, so the page shows an early picture soon.
 */
const PROGRESS_INTERVAL_MS = 200;

interface WorkerScope {
  postMessage(message: LayoutWorkerResponse, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutWorkerRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
let layout: ForceLayout | undefined;

scope.addEventListener('message', (event) => {
  const request = event.data;
  switch (request.type) {
    case 'start':
      layout?.stop();
      layout = new ForceLayout(decodeLayoutInput(request.input), { ...request.options, sliceMs: SLICE_MS });
      run(layout, request.input.ids);
      break;
    case 'pause':
      layout?.stop();
      break;
    case 'resume':
      if (layout && !layout.settled) layout.start();
      break;
  }
});

/** Runs the engine, posting coordinates in the order of the input's `ids`. */
function run(engine: ForceLayout, inputIds: readonly string[]): void {
  const reorder = toInputOrder(inputIds, engine.positions().ids);
  let lastProgress = -Infinity;
  engine.on('tick', ({ ticks, alpha }) => {
    if (engine.settled || performance.now() - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = performance.now();
    const coordinates = reorder(engine.positions().coordinates);
    scope.postMessage({ type: 'progress', ticks, maxTicks: engine.maxTicks, alpha, coordinates }, [coordinates.buffer]);
  });
  engine.on('end', ({ ticks, nodeCount }) => {
    const coordinates = reorder(engine.positions().coordinates);
    scope.postMessage({ type: 'end', ticks, nodeCount, alpha: engine.alpha, coordinates }, [coordinates.buffer]);
  });

  if (engine.settled) engine.runToCompletion();
  else engine.start();
}

/**
 * Glue between the incident graph element and the layout engine. Small graphs are laid out
 * on the main thread in time slices, and shown once settled. Larger ones run in a Web Worker,
 * or, when the page cannot start one (a content security policy without `blob:` in
 * `worker-src`, say), in time slices on the main thread that report their progress. Requests
 * made in one task are coalesced into one run. The graph's positions are written only when a
 * run ends. While it runs, `livePositions` contains the current ones.
 *
 * The main-thread engine (d3-force and the project's forces) is imported on first use, like the
 * worker's code, so a page whose graphs come with saved positions never loads it. The first run
 * that needs it waits for that import.
 */

import { encodeGraphForLayoutSteps, isGraphPositioned, layoutInputFromGraph, writePositions } from '../../layout/graph-layout.js';
import type { EncodedLayoutInput } from '../../layout/layout-transfer.js';
import type { LayoutKind, LayoutPositions } from '../../layout/force-layout.js';
import {
  transferablesOf,
  type LayoutWorkerRequest,
  type LayoutWorkerResponse,
} from '../../layout/layout-transfer.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { PositionSource } from './display-model.js';
import { LazyModule } from './lazy-module.js';
import type { LayoutEndDetail, LayoutProgressDetail } from './events.js';

/**
 * Graphs up to this many nodes are laid out on the main thread and shown once settled, with no
 * progress reports. The run is still sliced: in one task, a page's first layout of 110 nodes
 * blocked it for about 100 ms in the graph bench.
 */
export const MAIN_THREAD_LAYOUT_MAX_NODES = 400;

/** Milliseconds of a small graph's layout run in the task that requests it. See `runSliced`. */
const FIRST_SLICE_MS = 8;

/** Settings of a run, read from the element when the run starts. */
export interface LayoutRunSettings {
  layout: LayoutKind;
  /** URL of the worker script to start instead of the inlined one. */
  workerUrl: string | undefined;
}

export interface LayoutRunnerCallbacks {
  /** Positions changed while a run in slices or in a worker goes on. */
  /** Reports a step of a run; `final` marks the report just before the end, whose positions `onEnd` follows. */
  onProgress: (detail: LayoutProgressDetail, final: boolean) => void;
  /** Reports new live positions without a step: those of a run that reports no progress, once paused. */
  onPositions: () => void;
  /** A run ended and wrote its positions into the graph. */
  onEnd: (detail: LayoutEndDetail) => void;
  /** No run is pending or running any more. */
  onSettled: () => void;
  settings: () => LayoutRunSettings;
  /** Reports that the worker could not start, once per runner. */
  onWorkerFailure: (reason: string) => void;
  /** Reports that the main-thread engine could not be imported, so the run ended without positions. */
  onEngineFailure: (reason: string) => void;
}

/** A run under way, in a worker or in slices. */
interface ActiveRun {
  pause(): void;
  resume(): void;
  cancel(): void;
}

/**
 * Positions of a run under way: one object per run, whose coordinates each progress report
 * replaces, so the element can tell a new run from the next step of the same one.
 */
export class LivePositions implements PositionSource {
  private readonly ids: readonly string[];
  /** Slots by node id, built on the first lookup that the node's place in the graph's order misses. */
  private index: Map<string, number> | undefined;
  private coordinates: ArrayLike<number>;

  constructor(positions: LayoutPositions) {
    this.ids = positions.ids;
    this.coordinates = positions.coordinates;
  }

  /** Takes the coordinates of the next progress report, in the same node order. */
  update(coordinates: ArrayLike<number>): void {
    this.coordinates = coordinates;
  }

  /**
   * Returns where the run keeps a node's coordinates (see `coordinatesNow`), or -1 for a node
   * outside it. A run lists the nodes in the graph's order, so `hint`, the node's place in that
   * order, is tried first, which spares a lookup in a map of every node.
   */
  slotOf(id: string, hint = -1): number {
    if (hint >= 0 && this.ids[hint] === id) return hint;
    if (!this.index) {
      this.index = new Map();
      for (let slot = 0; slot < this.ids.length; slot++) this.index.set(this.ids[slot]!, slot);
    }
    return this.index.get(id) ?? -1;
  }

  /** The current coordinates, x then y for each slot. */
  get coordinatesNow(): ArrayLike<number> {
    return this.coordinates;
  }

  /** Returns the node's current position, or undefined for a node outside the run. */
  get(id: string): { x: number; y: number } | undefined {
    const slot = this.slotOf(id);
    if (slot < 0) return undefined;
    return { x: this.coordinates[slot * 2]!, y: this.coordinates[slot * 2 + 1]! };
  }
}

export class LayoutRunner {
  /** Positions of the run under way. Undefined when none runs. */
  livePositions: LivePositions | undefined;
  /**
   * The positions of the run whose end is being written into the graph, set only while the
   * graph's attribute events of that write fire.
   */
  writingRun: LivePositions | undefined;

  private readonly callbacks: LayoutRunnerCallbacks;
  private graph: IncidentGraph | undefined;
  private current: ActiveRun | undefined;
  private isPaused = false;
  private workerFailed = false;
  private scheduled = false;
  private rerun = false;
  private settledPromise: Promise<void> = Promise.resolve();
  private resolveSettled: (() => void) | undefined;

  constructor(callbacks: LayoutRunnerCallbacks) {
    this.callbacks = callbacks;
  }

  /** Resolves when no layout is pending or running. A paused run keeps it pending. */
  get settled(): Promise<void> {
    return this.settledPromise;
  }

  /** True while a run is scheduled or under way, paused or not. */
  get busy(): boolean {
    return this.scheduled || this.current !== undefined;
  }

  /** True while the run under way is paused. */
  get paused(): boolean {
    return this.isPaused;
  }

  /**
   * Schedules a run for `graph` in a microtask. Nodes with saved positions are held, unless
   * `rerun` requests a new layout of every node that is not pinned.
   */
  request(graph: IncidentGraph | undefined, options: { rerun?: boolean } = {}): void {
    if (graph !== this.graph) this.stop();
    this.graph = graph;
    this.rerun ||= options.rerun === true;
    if (!this.resolveSettled) {
      this.settledPromise = new Promise((resolve) => (this.resolveSettled = resolve));
    }
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.run());
  }

  /** Stops any run under way without writing its positions. */
  stop(): void {
    this.current?.cancel();
    this.current = undefined;
    this.isPaused = false;
    this.livePositions = undefined;
  }

  /** Pauses the run under way, if any. The nodes stay where the run has put them so far. */
  pause(): void {
    if (!this.current || this.isPaused) return;
    this.isPaused = true;
    this.current.pause();
  }

  /** Resumes a paused run. */
  resume(): void {
    if (!this.current || !this.isPaused) return;
    this.isPaused = false;
    this.current.resume();
  }

  private run(): void {
    this.scheduled = false;
    const graph = this.graph;
    const rerun = this.rerun;
    this.rerun = false;
    this.stop();

    if (!graph || (!rerun && isGraphPositioned(graph))) {
      this.settle();
      return;
    }

    const settings = this.callbacks.settings();
    if (graph.order <= MAIN_THREAD_LAYOUT_MAX_NODES) {
      this.withEngine((module) => this.runSliced(module, graph, rerun, settings, { quiet: true }));
    } else if (this.workerFailed || typeof Worker === 'undefined') {
      this.withEngine((module) => this.runSliced(module, graph, rerun, settings));
    } else {
      this.runInWorker(graph, rerun, settings);
    }
  }

  /**
   * Calls `start` with the main-thread engine: at once when it is loaded, else once the import
   * ends, unless the run was stopped or replaced meanwhile. Until then a placeholder run keeps
   * the runner busy, and a pause is replayed by `runSliced`.
   */
  private withEngine(start: (module: LayoutEngineModule) => void): void {
    if (layoutEngine.loaded) {
      start(layoutEngine.loaded);
      return;
    }

    const waiting: ActiveRun = { pause: () => {}, resume: () => {}, cancel: () => {} };
    this.current = waiting;
    layoutEngine.load().then(
      (module) => {
        if (this.current !== waiting) return;
        this.current = undefined;
        start(module);
      },
      (error: unknown) => {
        if (this.current !== waiting) return;
        this.current = undefined;
        this.isPaused = false;
        this.callbacks.onEngineFailure(error instanceof Error ? error.message : String(error));
        if (!this.scheduled) this.settle();
      },
    );
  }

  private runInWorker(graph: IncidentGraph, rerun: boolean, settings: LayoutRunSettings): void {
    // The inline worker's code loads on first use, and the graph is encoded for it over several
    // tasks. The run may be paused or replaced meanwhile: pausing is replayed once the worker
    // starts, and a cancelled run never starts.
    let worker: Worker | undefined;
    let cancelled = false;
    const run: ActiveRun = {
      pause: () => worker?.postMessage({ type: 'pause' } satisfies LayoutWorkerRequest),
      resume: () => worker?.postMessage({ type: 'resume' } satisfies LayoutWorkerRequest),
      cancel: () => {
        cancelled = true;
        worker?.terminate();
      },
    };
    this.current = run;

    workerScriptUrl(settings.workerUrl).then(
      (url) => {
        const stopped = (): boolean => cancelled || this.current !== run;
        encodeInTasks(graph, rerun, stopped, (encoded) => (worker = this.startWorker(run, url, graph, encoded, rerun, settings)));
      },
      (error: unknown) => {
        if (!cancelled && this.current === run) this.fallBack(graph, rerun, settings, error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Starts the worker of `run` and returns it, or falls back to the main thread when it cannot start. */
  private startWorker(
    run: ActiveRun,
    url: string,
    graph: IncidentGraph,
    encoded: EncodedLayoutInput,
    rerun: boolean,
    settings: LayoutRunSettings,
  ): Worker | undefined {
    let worker: Worker;
    try {
      worker = new Worker(trustedScriptUrl(url), { type: 'module' });
    } catch (error) {
      this.fallBack(graph, rerun, settings, error instanceof Error ? error.message : String(error));
      return undefined;
    }

    const ids = encoded.ids;
    worker.addEventListener('message', (event: MessageEvent<LayoutWorkerResponse>) => {
      if (this.current !== run) return;
      const response = event.data;
      if (response.type === 'progress') {
        this.takeProgress({ ids, coordinates: response.coordinates });
        this.callbacks.onProgress({ ticks: response.ticks, maxTicks: response.maxTicks, alpha: response.alpha }, false);
        return;
      }
      worker.terminate();
      this.callbacks.onProgress({ ticks: response.ticks, maxTicks: response.ticks, alpha: response.alpha }, true);
      this.finish(graph, { ids, coordinates: response.coordinates }, { nodeCount: response.nodeCount, ticks: response.ticks });
    });
    // A worker whose script cannot load or run fires an `error` event. The run then starts
    // again on the main thread, which gives the same picture because the layout is seeded.
    worker.addEventListener('error', (event: ErrorEvent) => {
      if (this.current !== run) return;
      event.preventDefault();
      worker.terminate();
      this.fallBack(graph, rerun, settings, event.message || 'the worker script failed to load');
    });

    const start: LayoutWorkerRequest = { type: 'start', input: encoded, options: { layout: settings.layout } };
    worker.postMessage(start, transferablesOf(encoded));
    if (this.isPaused) worker.postMessage({ type: 'pause' } satisfies LayoutWorkerRequest);
    return worker;
  }

  private fallBack(graph: IncidentGraph, rerun: boolean, settings: LayoutRunSettings, reason: string): void {
    this.current = undefined;
    if (!this.workerFailed) this.callbacks.onWorkerFailure(reason);
    this.workerFailed = true;
    this.withEngine((module) => this.runSliced(module, graph, rerun, settings));
  }

  /**
   * Runs the layout in slices on the main thread. A `quiet` run reports no progress, so the
   * graph keeps its nodes unplaced until the run ends or is paused.
   */
  private runSliced(
    module: LayoutEngineModule,
    graph: IncidentGraph,
    rerun: boolean,
    settings: LayoutRunSettings,
    options: { quiet?: boolean } = {},
  ): void {
    const engine = new module.ForceLayout(layoutInputFromGraph(graph, { rerun }), { layout: settings.layout });
    // A paused quiet run shows where it has put the nodes so far, as a pause of any run does.
    const showPositions = (): void => {
      this.takeProgress(engine.positions());
      this.callbacks.onPositions();
    };
    const run: ActiveRun = {
      pause: () => {
        engine.stop();
        if (options.quiet) showPositions();
      },
      resume: () => engine.start(),
      cancel: () => engine.stop(),
    };
    this.current = run;

    engine.on('tick', ({ ticks, alpha }) => {
      if (this.current !== run || engine.settled || options.quiet) return;
      this.takeProgress(engine.positions());
      this.callbacks.onProgress({ ticks, maxTicks: engine.maxTicks, alpha }, false);
    });
    engine.on('end', () => {
      if (this.current !== run) return;
      if (!options.quiet) this.callbacks.onProgress({ ticks: engine.ticks, maxTicks: engine.ticks, alpha: engine.alpha }, true);
      this.finish(graph, engine.positions(), { nodeCount: engine.nodeCount, ticks: engine.ticks });
    });
    if (this.isPaused) {
      if (options.quiet) showPositions();
      return;
    }

    // A small graph often settles within one slice. That slice then runs in the task that asked
    // for the layout, so the next frame shows the graph instead of an empty view.
    if (options.quiet && engine.tickFor(FIRST_SLICE_MS)) {
      engine.runToCompletion();
      return;
    }
    engine.start();
  }

  private takeProgress(positions: LayoutPositions): void {
    if (this.livePositions) this.livePositions.update(positions.coordinates);
    else this.livePositions = new LivePositions(positions);
  }

  private finish(graph: IncidentGraph, positions: LayoutPositions, detail: LayoutEndDetail): void {
    this.current = undefined;
    this.isPaused = false;
    // The run's coordinates become the final ones, so a display that follows the run moves
    // from them rather than reading every node back from the graph.
    if (this.livePositions) this.takeProgress(positions);
    this.writingRun = this.livePositions;
    this.livePositions = undefined;
    try {
      writePositions(graph, positions);
    } finally {
      this.writingRun = undefined;
    }
    this.callbacks.onEnd(detail);
    if (!this.scheduled) this.settle();
  }

  private settle(): void {
    const resolve = this.resolveSettled;
    this.resolveSettled = undefined;
    resolve?.();
    this.callbacks.onSettled();
  }
}

type LayoutEngineModule = typeof import('../../layout/force-layout.js');

/** The main-thread engine, imported once per page. Once loaded, later runs start in the same task. */
const layoutEngine = new LazyModule(() => import('../../layout/force-layout.js'));

/** The Blob URL of the inlined worker script, made once per page. */
let inlineUrl: Promise<string> | undefined;

/**
 * Resolves with the URL of the worker script: the host's, or a Blob URL of the inlined copy,
 * whose code is imported on first use so pages that never lay out a large graph never load it.
 * The Blob URL is made once per page and never revoked, so every element shares it and no
 * worker can start after its URL is gone.
 */
function workerScriptUrl(hostUrl: string | undefined): Promise<string> {
  if (hostUrl) return Promise.resolve(hostUrl);
  inlineUrl ??= import('../../layout/worker-source.generated.js').then(({ LAYOUT_WORKER_SOURCE }) =>
    URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' })),
  );
  return inlineUrl;
}

/** The parts of the Trusted Types API that starting the worker needs. */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

/** Name of the Trusted Types policy that a page with a `trusted-types` directive must list. */
export const TRUSTED_TYPES_POLICY_NAME = 'incident-lens';

let scriptUrlPolicy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * Returns the worker URL as a TrustedScriptURL where the browser has Trusted Types, so the
 * worker starts on a page that requires them for scripts. The policy passes URLs through
 * unchanged and is private to this module, so it only ever wraps the inlined worker's Blob URL
 * or the host's `workerUrl`. When the page's `trusted-types` directive does not list
 * `incident-lens`, creating the policy fails and the plain URL is returned, so the Worker
 * constructor throws and the layout falls back to the main thread.
 */
function trustedScriptUrl(url: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  if (scriptUrlPolicy === undefined) {
    try {
      scriptUrlPolicy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, { createScriptURL: (value) => value });
    } catch {
      scriptUrlPolicy = null;
    }
  }
  // The Worker constructor accepts a TrustedScriptURL wherever it accepts a string.
  return scriptUrlPolicy ? (scriptUrlPolicy.createScriptURL(url) as string) : url;
}

/** Milliseconds of encoding per task. See `encodeInTasks`. */
const ENCODE_TASK_MS = 12;

/**
 * Encodes the graph for the layout worker, a slice after another until `ENCODE_TASK_MS` have
 * passed and then in a new task, and calls `done` with the result. It stops when `stopped`
 * returns true, as for a run that was replaced, since the graph may have changed meanwhile.
 */
function encodeInTasks(graph: IncidentGraph, rerun: boolean, stopped: () => boolean, done: (encoded: EncodedLayoutInput) => void): void {
  const steps = encodeGraphForLayoutSteps(graph, { rerun });
  const step = (): void => {
    if (stopped()) return;
    const started = performance.now();
    for (;;) {
      const next = steps.next();
      if (next.done) {
        done(next.value);
        return;
      }
      if (performance.now() - started >= ENCODE_TASK_MS) break;
    }
    setTimeout(step, 0);
  };
  step();
}


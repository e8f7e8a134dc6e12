/**
 * The browser half of the graph benchmark. bench/graph/run.mjs bundles this file with esbuild,
 * loads it in headless Chromium and calls the functions on `window.incidentGraphBench`. Each
 * function times one step of `<il-incident-graph>` on a generated incident and returns plain
 * figures, which the driver prints as a table.
 */

import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { generateIncidentGraph } from '../../test/fixtures/generated-incident.js';

export interface LayoutFigures {
  nodes: number;
  edges: number;
  /** From setting `graph` on a fresh element without positions until `layoutSettled` resolves. */
  layoutMs: number;
  /** Simulation ticks reported by `il-layout-end`; undefined when no run ended. */
  ticks: number | undefined;
  longestTaskMs: number;
  /** Share of nodes whose circle overlaps another node's circle, 0 to 1. */
  overlapShare: number;
  /** Coefficient of variation (standard deviation over mean) of the edge lengths. */
  edgeLengthCv: number;
}

export interface FirstFrameFigures {
  /** From setting `graph` with a position on every node until `rendered` resolves. */
  firstFrameMs: number;
  longestTaskMs: number;
}

export interface GestureFigures {
  frames: number;
  meanIntervalMs: number;
  p95IntervalMs: number;
  /** Mean time of the element's own frame callback, which redraws the canvas. */
  meanRedrawMs: number;
}

type Positions = Map<string, { x: number; y: number }>;

/** Radius used for overlap when the element does not expose a node's drawn radius. */
const FALLBACK_RADIUS = 12;
/** Interval of the timer that detects main-thread stalls where long tasks are not observed. */
const DRIFT_POLL_MS = 10;
/** Wait before reading long task entries, which the browser reports after the task ends. */
const LONG_TASK_REPORT_DELAY_MS = 100;

const stage = document.getElementById('stage')!;
const savedPositions = new Map<number, Positions>();
let current: IncidentGraphElement | undefined;

/**
 * Records the longest main-thread task while it runs: long task entries (50 ms or more) where
 * the browser reports them, else the largest delay of a polling timer.
 */
class TaskMonitor {
  private longestTask = 0;
  private startedAt = 0;
  private longestDrift = 0;
  private observer: PerformanceObserver | undefined;
  private timer = 0;
  private expected = 0;

  start(): void {
    // Entries arrive after their task, so one of a task that ended before the start, such as
    // generating the graph, can still reach the observer and is left out.
    const startedAt = performance.now();
    this.startedAt = startedAt;
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      this.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.startTime >= startedAt) this.longestTask = Math.max(this.longestTask, entry.duration);
        }
      });
      this.observer.observe({ type: 'longtask' });
    }
    this.expected = performance.now() + DRIFT_POLL_MS;
    const poll = (): void => {
      const now = performance.now();
      this.longestDrift = Math.max(this.longestDrift, now - this.expected);
      this.expected = now + DRIFT_POLL_MS;
      this.timer = window.setTimeout(poll, DRIFT_POLL_MS);
    };
    this.timer = window.setTimeout(poll, DRIFT_POLL_MS);
  }

  /**
   * Stops recording and resolves with the longest task in milliseconds. A timer still overdue
   * counts too, since the task that delays it may end just before `stop`. Long task entries
   * arrive after their task, so it waits a moment before reading them.
   */
  async stop(): Promise<number> {
    const stoppedAt = performance.now();
    this.longestDrift = Math.max(this.longestDrift, stoppedAt - this.expected);
    window.clearTimeout(this.timer);
    await new Promise((resolve) => window.setTimeout(resolve, LONG_TASK_REPORT_DELAY_MS));

    const pending = (this.observer?.takeRecords() ?? []).filter((entry) => entry.startTime >= this.startedAt && entry.startTime < stoppedAt);
    for (const entry of pending) this.longestTask = Math.max(this.longestTask, entry.duration);
    this.observer?.disconnect();
    return this.longestTask > 0 ? this.longestTask : this.longestDrift;
  }
}

/** Replaces the element on the stage with a fresh one, sized to the stage. */
function freshElement(): IncidentGraphElement {
  clear();
  const element = document.createElement('il-incident-graph');
  element.style.cssText = 'display: block; width: 100%; height: 100%;';
  stage.append(element);
  current = element;
  return element;
}

/** Removes the element from the stage. */
function clear(): void {
  current?.remove();
  current = undefined;
}

/** Waits until the main thread is idle, so work deferred past the first frame is counted. */
function idle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 }));
}

/**
 * Waits for two animation frames, so the element has its size before a timer starts, and then
 * for a task. A host hands over data from a task, such as a network response or a message. It
 * does not do so from an animation frame callback, which the browser's rendering would follow.
 */
function nextFrames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

function readPositions(graph: IncidentGraph): Positions {
  const positions: Positions = new Map();
  graph.forEachNode((node, attributes) => {
    if (attributes.x !== undefined && attributes.y !== undefined) positions.set(node, { x: attributes.x, y: attributes.y });
  });
  return positions;
}

/** Returns the share of nodes whose circle overlaps another one, using a grid of cells. */
function overlapShare(graph: IncidentGraph, radii: Map<string, number>): number {
  const nodes: Array<{ x: number; y: number; radius: number }> = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.x === undefined || attributes.y === undefined) return;
    nodes.push({ x: attributes.x, y: attributes.y, radius: radii.get(node) ?? FALLBACK_RADIUS });
  });
  if (nodes.length === 0) return 0;

  const cellSize = 2 * Math.max(...nodes.map((node) => node.radius));
  const cells = new Map<string, number[]>();
  const cellKey = (column: number, row: number): string => `${column},${row}`;
  nodes.forEach((node, index) => {
    const key = cellKey(Math.floor(node.x / cellSize), Math.floor(node.y / cellSize));
    const cell = cells.get(key) ?? [];
    cell.push(index);
    cells.set(key, cell);
  });

  let overlapping = 0;
  nodes.forEach((node, index) => {
    const column = Math.floor(node.x / cellSize);
    const row = Math.floor(node.y / cellSize);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const hit = (cells.get(cellKey(column + dx, row + dy)) ?? []).some((other) => {
          if (other === index) return false;
          const neighbour = nodes[other]!;
          return Math.hypot(neighbour.x - node.x, neighbour.y - node.y) < neighbour.radius + node.radius;
        });
        if (hit) {
          overlapping++;
          return;
        }
      }
    }
  });
  return overlapping / nodes.length;
}

/** Returns the standard deviation of the edge lengths over their mean; self-loops are left out. */
function edgeLengthCv(graph: IncidentGraph): number {
  const lengths: number[] = [];
  graph.forEachEdge((_edge, _attributes, _source, _target, source, target) => {
    if (source === target || source.x === undefined || target.x === undefined) return;
    lengths.push(Math.hypot(target.x - source.x, (target.y ?? 0) - (source.y ?? 0)));
  });
  if (lengths.length === 0) return 0;

  const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  const variance = lengths.reduce((sum, length) => sum + (length - mean) ** 2, 0) / lengths.length;
  return mean === 0 ? 0 : Math.sqrt(variance) / mean;
}

/**
 * Lays out a generated incident of `size` entities on a fresh element and times it until
 * `layoutSettled`. The positions are kept for `measureFirstFrame`.
 */
async function measureLayout(size: number): Promise<LayoutFigures> {
  const graph = generateIncidentGraph({ entityCount: size });
  const element = freshElement();
  let ticks: number | undefined;
  element.addEventListener('il-layout-end', (event) => (ticks = event.detail.ticks));
  await nextFrames();

  const monitor = new TaskMonitor();
  monitor.start();
  const started = performance.now();
  element.graph = graph;
  await element.updateComplete;
  await element.layoutSettled;
  const layoutMs = performance.now() - started;
  await element.rendered;
  await idle();
  const longestTaskMs = await monitor.stop();

  savedPositions.set(size, readPositions(graph));
  const radii = new Map(element.display.nodes.map((node) => [node.id, node.radius]));
  return {
    nodes: graph.order,
    edges: graph.size,
    layoutMs,
    ticks,
    longestTaskMs,
    overlapShare: overlapShare(graph, radii),
    edgeLengthCv: edgeLengthCv(graph),
  };
}

/**
 * Gives a fresh element a new copy of the incident with the positions of the last
 * `measureLayout(size)` on every node, and times it from setting `graph` until `rendered`.
 */
async function measureFirstFrame(size: number): Promise<FirstFrameFigures> {
  const positions = savedPositions.get(size);
  if (!positions) throw new Error(`No positions for ${size} entities: run measureLayout(${size}) first.`);
  const graph = generateIncidentGraph({ entityCount: size });
  graph.forEachNode((node) => {
    const position = positions.get(node);
    if (position) graph.mergeNodeAttributes(node, position);
  });
  const element = freshElement();
  await nextFrames();

  const monitor = new TaskMonitor();
  monitor.start();
  const started = performance.now();
  element.graph = graph;
  await element.rendered;
  const firstFrameMs = performance.now() - started;
  await idle();
  const longestTaskMs = await monitor.stop();

  return { firstFrameMs, longestTaskMs };
}

/**
 * Pans and zooms the current element through its `camera` setter once per animation frame, for
 * `frames` frames, and returns the intervals between frames. The gesture zooms in to 1.8 times
 * the fitted zoom and back, around the centre, while panning 200 pixels left and right.
 */
async function measurePanZoom(frames: number): Promise<GestureFigures> {
  const element = current;
  if (!element) throw new Error('No element on the stage: run measureFirstFrame first.');
  const start = element.camera;
  const centre = { x: element.clientWidth / 2, y: element.clientHeight / 2 };
  const world = { x: (centre.x - start.x) / start.k, y: (centre.y - start.y) / start.k };
  const timestamps: number[] = [];
  const redraws: number[] = [];
  let redrawStart = 0;

  // Animation frame callbacks run in the order they were requested. The element requests its
  // redraw when the camera is set, so a callback requested just before that runs just before
  // the redraw, and the next `step`, requested just after, runs just after it.
  await new Promise<void>((resolve) => {
    const markRedrawStart = (): void => {
      redrawStart = performance.now();
    };
    const step = (timestamp: number): void => {
      if (redrawStart > 0) redraws.push(performance.now() - redrawStart);
      timestamps.push(timestamp);
      const frame = timestamps.length;
      if (frame > frames) {
        resolve();
        return;
      }
      const progress = frame / frames;
      const k = start.k * (1 + 0.8 * Math.sin(Math.PI * progress));
      const pan = 200 * Math.sin(2 * Math.PI * progress);
      requestAnimationFrame(markRedrawStart);
      element.camera = { x: centre.x - world.x * k + pan, y: centre.y - world.y * k, k };
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });

  const intervals = timestamps.slice(1).map((time, index) => time - timestamps[index]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    meanIntervalMs: intervals.reduce((sum, interval) => sum + interval, 0) / intervals.length,
    p95IntervalMs: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
    meanRedrawMs: redraws.reduce((sum, redraw) => sum + redraw, 0) / Math.max(1, redraws.length),
  };
}

const bench = { measureLayout, measureFirstFrame, measurePanZoom, clear };

declare global {
  interface Window {
    incidentGraphBench: typeof bench;
  }
}

window.incidentGraphBench = bench;

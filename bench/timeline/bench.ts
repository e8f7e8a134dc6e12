/**
 * The browser half of the timeline benchmark. bench/timeline/run.mjs bundles this file with
 * esbuild, loads it in headless Chromium and calls the functions on `window.alertTimelineBench`.
 * Each function times one step of `<il-alert-timeline>`, alone or with `<il-incident-graph>`
 * following the same session, and returns plain figures that the driver prints.
 */

import '../../src/components/alert-timeline/define.js';
import '../../src/components/incident-graph/define.js';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import { groupMarkers } from '../../src/components/alert-timeline/density.js';
import { layoutAlerts, timeDomain } from '../../src/components/alert-timeline/time-axis.js';
import { baseModelSteps, viewOfBase } from '../../src/components/incident-graph/display-model.js';
import { runToEnd } from '../../src/components/incident-graph/slices.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { incidentTimeBounds } from '../../src/model/time.js';
import type { Alert, IncidentSnapshot, Severity } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { generateIncidentSnapshot } from '../../test/fixtures/generated-incident.js';

export interface Distribution {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

export interface IndexFigures extends Distribution {
  alerts: number;
  /** Distinct alert times in the index. */
  times: number;
  /** Median time to group the index into marker columns for a 1,248 px wide axis. */
  columnsMedianMs: number;
}

export interface FrameFigures {
  frames: number;
  meanIntervalMs: number;
  p95IntervalMs: number;
}

const stage = document.getElementById('stage')!;
const SEVERITIES: Severity[] = ['informational', 'low', 'low', 'medium', 'medium', 'high'];
const DAY = 86_400_000;

/** mulberry32, seeded, so every run times the same alerts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns `count` alerts over seven days, each on one to three of `entityIds`. Half of them come
 * in bursts of up to 50 alerts within one second, as a noisy detection does, so the index has
 * many equal and near-equal times.
 */
function syntheticAlerts(count: number, entityIds: readonly string[], start: number): Alert[] {
  const next = random(7);
  const alerts: Alert[] = [];
  let burstTime = start;
  let burstLeft = 0;
  for (let index = 0; index < count; index++) {
    let time: number;
    if (burstLeft > 0) {
      burstLeft--;
      time = burstTime + Math.floor(next() * 1000);
    } else if (next() < 0.02) {
      burstTime = start + Math.floor(next() * 7 * DAY);
      burstLeft = Math.floor(next() * 50);
      time = burstTime;
    } else {
      time = start + Math.floor(next() * 7 * DAY);
    }
    const evidence = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
      entityId: entityIds[Math.floor(next() * entityIds.length)]!,
      roles: [],
    }));
    alerts.push({
      id: `bench-alert-${index}`,
      title: `Synthetic alert ${index}`,
      severity: SEVERITIES[Math.floor(next() * SEVERITIES.length)]!,
      status: 'new',
      mitreTechniques: [],
      relatedAlertIds: [],
      evidence,
      firstActivityTime: time,
    });
  }
  return alerts;
}

/** Returns a generated incident of `entityCount` entities with its alerts raised to `alertCount`. */
function incidentWithAlerts(entityCount: number, alertCount: number): IncidentSnapshot {
  const snapshot = generateIncidentSnapshot({ entityCount, seed: 1 });
  const extra = Math.max(0, alertCount - snapshot.alerts.length);
  const start = incidentTimeBounds(snapshot)?.start ?? Date.UTC(2024, 4, 14);
  const entityIds = snapshot.entities.map((entity) => entity.id);
  return { ...snapshot, alerts: [...snapshot.alerts, ...syntheticAlerts(extra, entityIds, start)] };
}

/** Gives every node of the session's graph a grid position, so the graph draws without a layout run. */
function placeOnGrid(session: IncidentSession): void {
  const graph = session.graph!;
  const columns = Math.ceil(Math.sqrt(graph.order));
  let index = 0;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: (index % columns) * 60, y: Math.floor(index / columns) * 60 });
    index++;
  });
}

function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * share) - 1))]!;
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95) };
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

function clear(): void {
  stage.replaceChildren();
}

/** Times building the time index (sorted markers and distinct times) of `alertCount` alerts, `runs` times. */
function measureIndex(alertCount: number, runs: number): IndexFigures {
  const alerts = syntheticAlerts(alertCount, ['entity'], Date.UTC(2024, 4, 14));
  let first = Infinity;
  let last = -Infinity;
  for (const alert of alerts) {
    first = Math.min(first, alert.firstActivityTime!);
    last = Math.max(last, alert.firstActivityTime!);
  }
  const domain = timeDomain({ start: first, end: last });
  const samples: number[] = [];
  const columnSamples: number[] = [];
  let times = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const layout = layoutAlerts(alerts, domain);
    samples.push(performance.now() - start);
    times = layout.times.length;

    const groupStart = performance.now();
    groupMarkers(layout.markers, domain, 24 / 1248, 4, true);
    columnSamples.push(performance.now() - groupStart);
  }
  return { alerts: alertCount, times, ...distribution(samples), columnsMedianMs: distribution(columnSamples).medianMs };
}

/** Puts a timeline, and a graph when `withGraph` is set, on the stage, both on `session`. */
async function mount(session: IncidentSession, withGraph: boolean): Promise<{ timeline: AlertTimeline; graph?: IncidentGraphElement }> {
  clear();
  let graph: IncidentGraphElement | undefined;
  if (withGraph) {
    graph = document.createElement('il-incident-graph');
    graph.style.cssText = 'display: block; min-height: 0;';
    graph.session = session;
    stage.append(graph);
    await graph.rendered;
  }
  const timeline = document.createElement('il-alert-timeline');
  timeline.session = session;
  stage.append(timeline);
  await timeline.updateComplete;
  await nextFrame();
  await nextFrame();
  return { timeline, graph };
}

function pressOnSlider(timeline: AlertTimeline, key: string): void {
  const handle = timeline.shadowRoot!.querySelector('[role="slider"]')!;
  handle.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/**
 * Times `steps` scrub steps over an incident of `alertCount` alerts on `entityCount` entities.
 * Each step moves the time cursor to the next alert time with the slider's Right key and renders
 * the timeline. It then builds the graph's visible set (the display model) at the new time.
 */
async function measureScrubIndex(
  entityCount: number,
  alertCount: number,
  steps: number,
): Promise<Distribution & { nodes: number; cursorMedianMs: number; cursorP95Ms: number }> {
  const session = new IncidentSession();
  session.setSnapshot(incidentWithAlerts(entityCount, alertCount));
  placeOnGrid(session);
  const { timeline } = await mount(session, false);
  session.setTime(session.timeBounds!.start);
  await timeline.updateComplete;

  // The graph element builds the base model of every node once. At each time step it only
  // picks from it what exists now (see viewOfBase), so a step here costs the same work.
  const base = runToEnd(baseModelSteps(session.graph!, undefined));
  const samples: number[] = [];
  const cursorSamples: number[] = [];
  let nodes = 0;
  for (let step = 0; step < steps; step++) {
    const start = performance.now();
    pressOnSlider(timeline, 'ArrowRight');
    await timeline.updateComplete;
    cursorSamples.push(performance.now() - start);
    nodes = viewOfBase(base, { graph: session.graph, existsNow: (time) => session.existsNow(time), isNewNow: (time) => session.isNewNow(time), selection: session.selection }).nodes.length;
    samples.push(performance.now() - start);
  }
  clear();
  const cursor = distribution(cursorSamples);
  return { ...distribution(samples), nodes, cursorMedianMs: cursor.medianMs, cursorP95Ms: cursor.p95Ms };
}

/**
 * Times `steps` scrub steps with `<il-incident-graph>` following: from the key press that moves
 * the cursor until the graph's next frame is drawn. The time counted is the work of the press
 * (timeline render) plus the graph's frame callback, without the wait for the frame.
 */
async function measureScrubGraph(
  entityCount: number,
  steps: number,
): Promise<Distribution & { nodes: number; pressMedianMs: number; redrawMedianMs: number }> {
  const session = new IncidentSession();
  session.setSnapshot(generateIncidentSnapshot({ entityCount, seed: 1 }));
  placeOnGrid(session);
  const { timeline } = await mount(session, true);
  session.setTime(session.timeBounds!.start);
  await nextFrame();

  const samples: number[] = [];
  const pressSamples: number[] = [];
  const redrawSamples: number[] = [];
  for (let step = 0; step < steps; step++) {
    await nextFrame();
    // Animation frame callbacks run in the order they were requested. So the first one below runs
    // just before the graph's redraw, which the press requests, and the last one just after it.
    let redrawStart = 0;
    const [pressMs, redrawMs] = await new Promise<[number, number]>((resolve) => {
      requestAnimationFrame(() => (redrawStart = performance.now()));
      const start = performance.now();
      pressOnSlider(timeline, 'ArrowRight');
      void timeline.updateComplete.then(() => {
        const press = performance.now() - start;
        requestAnimationFrame(() => resolve([press, performance.now() - redrawStart]));
      });
    });
    pressSamples.push(pressMs);
    redrawSamples.push(redrawMs);
    samples.push(pressMs + redrawMs);
  }
  const nodes = session.graph!.order;
  clear();
  return {
    ...distribution(samples),
    nodes,
    pressMedianMs: distribution(pressSamples).medianMs,
    redrawMedianMs: distribution(redrawSamples).medianMs,
  };
}

/** Plays the incident with the graph following and returns the intervals of `frames` animation frames. */
async function measurePlayback(entityCount: number, frames: number): Promise<FrameFigures> {
  const session = new IncidentSession();
  session.setSnapshot(generateIncidentSnapshot({ entityCount, seed: 1 }));
  placeOnGrid(session);
  const { timeline } = await mount(session, true);
  // Long enough that playback does not reach the end within the frames measured.
  timeline.duration = frames * 100;
  session.setTime(session.timeBounds!.start);
  await nextFrame();

  timeline.shadowRoot!.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
  const timestamps: number[] = [];
  while (timestamps.length <= frames) timestamps.push(await nextFrame());
  session.setPlayback(false);

  const intervals = timestamps.slice(1).map((time, index) => time - timestamps[index]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  clear();
  return {
    frames: intervals.length,
    meanIntervalMs: intervals.reduce((sum, interval) => sum + interval, 0) / intervals.length,
    p95IntervalMs: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
  };
}

const bench = { measureIndex, measureScrubIndex, measureScrubGraph, measurePlayback, clear };

declare global {
  interface Window {
    alertTimelineBench: typeof bench;
  }
}

window.alertTimelineBench = bench;

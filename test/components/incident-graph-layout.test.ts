import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { LayoutProgressDetail } from '../../src/components/incident-graph/events.js';
import { nodeBoundsOf } from '../../src/components/incident-graph/display-model.js';
import { LayoutRunner, MAIN_THREAD_LAYOUT_MAX_NODES } from '../../src/components/incident-graph/layout-runner.js';
import { ForceLayout, layoutInputFromGraph, type LayoutPositions } from '../../src/layout/index.js';
import { TREE_LAYER_GAP } from '../../src/layout/tree-placement.js';
import { LAYOUT_WORKER_SOURCE } from '../../src/layout/worker-source.generated.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { createEmptyGraph, createFixtureGraph } from '../fixtures/graph-snapshot.js';

/** Builds an incident graph of `entityCount` files spread over alerts of 20, each alert on one of 10 devices. */
function createLargeGraph(entityCount: number): IncidentGraph {
  const graph = createEmptyGraph();
  const alertCount = Math.max(1, Math.round(entityCount / 20));
  for (let device = 0; device < Math.min(10, alertCount); device++) {
    graph.addNode(`device-${device}`, { kind: 'device', label: `ws-${device}` });
  }
  for (let alert = 0; alert < alertCount; alert++) {
    graph.addNode(`alert-${alert}`, { kind: 'alert', label: `Alert ${alert}`, severity: 'high' });
    graph.addDirectedEdge(`alert-${alert}`, `device-${alert % 10}`, { type: 'evidence', roles: [] });
  }
  for (let entity = 0; entity < entityCount; entity++) {
    graph.addNode(`file-${entity}`, { kind: 'file', label: `payload-${entity}.dll` });
    graph.addDirectedEdge(`alert-${entity % alertCount}`, `file-${entity}`, { type: 'evidence', roles: [] });
  }
  return graph;
}

/** Returns the synchronous engine's positions for a copy of `graph` as it is now. */
function synchronousPositions(graph: IncidentGraph, layout: 'force' | 'tree' = 'force'): LayoutPositions {
  return new ForceLayout(layoutInputFromGraph(graph), { layout }).runToCompletion();
}

function graphCoordinates(graph: IncidentGraph, ids: readonly string[]): number[] {
  return ids.flatMap((id) => [graph.getNodeAttribute(id, 'x')!, graph.getNodeAttribute(id, 'y')!]);
}

async function mount(graph: IncidentGraph, attributes: { workerUrl?: string; layout?: string } = {}): Promise<IncidentGraphElement> {
  return fixture<IncidentGraphElement>(html`
    <il-incident-graph
      style=${styleProperties({ width: '480px', height: '320px' })}
      worker-url=${attributes.workerUrl ?? ''}
      layout=${attributes.layout ?? 'force'}
      .graph=${graph}
    ></il-incident-graph>
  `);
}

/** Replaces `window.Worker` for one test with a class that records the URLs it is given. */
function spyOnWorker(behaviour: 'record' | 'throw' = 'record'): { urls: string[]; restore: () => void } {
  const original = window.Worker;
  const urls: string[] = [];
  window.Worker = class extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      urls.push(String(url));
      if (behaviour === 'throw') throw new DOMException('Workers are blocked by the page policy.', 'SecurityError');
      super(url, options);
    }
  };
  return { urls, restore: () => (window.Worker = original) };
}

/** Records console warnings for one test. */
function recordWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

describe('il-incident-graph layout', () => {
  let restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore) undo();
    restore = [];
  });

  describe('worker', () => {
    it('gives the synchronous positions', async () => {
      const graph = createLargeGraph(600);
      const expected = synchronousPositions(graph);
      const spy = spyOnWorker();
      restore.push(spy.restore);

      const element = await mount(graph);
      await element.layoutSettled;

      expect(spy.urls).to.have.length(1);
      expect(spy.urls[0]).to.match(/^blob:/);
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
    });

    it('starts from workerUrl when set', async () => {
      const url = URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' }));
      const graph = createLargeGraph(500);
      const expected = synchronousPositions(graph);
      const spy = spyOnWorker();
      restore.push(spy.restore, () => URL.revokeObjectURL(url));

      const element = await mount(graph, { workerUrl: url });
      await element.layoutSettled;

      expect(element.workerUrl).to.equal(url);
      expect(spy.urls).to.deep.equal([url]);
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
    });

    it('fires progress for a big graph', async function () {
      this.timeout(30_000);
      const graph = createLargeGraph(1200);
      const element = await mount(createEmptyGraph());
      const details: LayoutProgressDetail[] = [];
      element.addEventListener('il-layout-progress', (event) => {
        expect(event.bubbles).to.be.true;
        expect(event.composed).to.be.true;
        details.push(event.detail);
      });

      let endTicks: number | undefined;
      element.addEventListener('il-layout-end', (event) => (endTicks = event.detail.ticks), { once: true });

      element.graph = graph;
      await element.updateComplete;
      await element.layoutSettled;

      expect(details.length).to.be.greaterThan(1);
      for (const detail of details) {
        expect(detail.ticks).to.be.within(1, detail.maxTicks);
        expect(detail.alpha).to.be.within(0, 0.5);
      }
      const ticks = details.map((detail) => detail.ticks);
      expect(ticks).to.deep.equal([...ticks].sort((a, b) => a - b));

      const last = details.at(-1)!;
      expect(last.ticks, 'the last progress reaches its maximum').to.equal(last.maxTicks);
      expect(last.ticks, 'the last progress counts the ticks of the end event').to.equal(endTicks);
      expect(details.at(-2)!.ticks).to.be.below(details.at(-2)!.maxTicks);
    });

    it('draws final positions after progress', async function () {
      this.timeout(30_000);
      const graph = createLargeGraph(1200);
      const element = await mount(createEmptyGraph());
      let progress = 0;
      element.addEventListener('il-layout-progress', () => progress++);
      // No group folds entities away, so every node is compared.
      element.groupThreshold = Number.MAX_SAFE_INTEGER;

      element.graph = graph;
      await element.updateComplete;
      await element.layoutSettled;
      await element.rendered;

      expect(progress, 'the run reported progress, so the display followed it').to.be.greaterThan(1);
      const { x, y, k } = element.camera;
      let compared = 0;
      graph.forEachNode((id, attributes) => {
        const drawn = element.toScreen(id);
        if (!drawn) return;
        compared++;
        expect(drawn.x, `x of ${id}`).to.be.closeTo(attributes.x! * k + x, 1e-6);
        expect(drawn.y, `y of ${id}`).to.be.closeTo(attributes.y! * k + y, 1e-6);
      });
      expect(compared).to.equal(graph.order);
    });

    it('fires no progress for a small graph', async () => {
      let progress = 0;
      const element = await mount(createEmptyGraph());
      element.addEventListener('il-layout-progress', () => progress++);
      element.graph = createLargeGraph(MAIN_THREAD_LAYOUT_MAX_NODES - 50);
      await element.updateComplete;
      await element.layoutSettled;
      expect(progress).to.equal(0);
    });

    it('lays out a tiny graph in its own task', async () => {
      // A first run loads the engine, so the second starts in the task that requests it.
      const element = await mount(createLargeGraph(20));
      await element.layoutSettled;

      const graph = createLargeGraph(10);
      const expected = synchronousPositions(graph);
      let ended = false;
      element.addEventListener('il-layout-end', () => (ended = true));
      element.graph = graph;
      const endedBeforeNextTask = await new Promise<boolean>((resolve) => setTimeout(() => resolve(ended), 0));

      expect(endedBeforeNextTask, 'the run ended before a task queued after it').to.equal(true);
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
    });

    it('yields to other tasks on a small graph', async () => {
      // A first run loads the engine, so the second starts in the task that requests it.
      const element = await mount(createLargeGraph(20));
      await element.layoutSettled;

      const graph = createLargeGraph(MAIN_THREAD_LAYOUT_MAX_NODES - 50);
      const expected = synchronousPositions(graph);
      let ended = false;
      element.addEventListener('il-layout-end', () => (ended = true));
      element.graph = graph;
      const endedBeforeNextTask = await new Promise<boolean>((resolve) => setTimeout(() => resolve(ended), 0));
      await element.layoutSettled;

      expect(endedBeforeNextTask, 'the run ended before a task queued after it').to.equal(false);
      expect(ended).to.equal(true);
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
    });
  });

  describe('group nodes after a run', () => {
    it('places them once the run ends', async () => {
      const graph = createLargeGraph(600);
      const element = await mount(graph);
      await element.layoutSettled;
      for (let frame = 0; frame < 10; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));

      // An element given the laid-out graph places its group nodes in its first build.
      const positioned = await mount(graph);
      await positioned.rendered;
      const groupNodes = element.display.nodes.filter((node) => node.group);
      expect(groupNodes.length).to.be.greaterThan(0);
      let offCentroid = 0;
      for (const node of groupNodes) {
        const expected = positioned.display.byId.get(node.id)!;
        expect(node.x, `x of ${node.id}`).to.be.closeTo(expected.x, 1e-6);
        expect(node.y, `y of ${node.id}`).to.be.closeTo(expected.y, 1e-6);

        const members = node.group!.memberIds;
        const x = members.reduce((sum, id) => sum + graph.getNodeAttribute(id, 'x')!, 0) / members.length;
        const y = members.reduce((sum, id) => sum + graph.getNodeAttribute(id, 'y')!, 0) / members.length;
        if (Math.hypot(node.x - x, node.y - y) > 1e-6) offCentroid++;
      }
      // During the run they sat at their members' centroids, which the placement leaves when
      // another node covers them.
      expect(offCentroid, 'group nodes placed away from their centroid').to.be.greaterThan(0);
    });
  });

  describe('fallback', () => {
    it('runs in slices when Worker throws', async () => {
      const graph = createLargeGraph(600);
      const expected = synchronousPositions(graph);
      const spy = spyOnWorker('throw');
      const warnings = recordWarnings();
      restore.push(spy.restore, warnings.restore);

      const element = await mount(graph);
      await element.layoutSettled;
      await element.relayout();

      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
      expect(spy.urls, 'tries the worker once').to.have.length(1);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('il-incident-graph');
      expect(warnings.messages[0]).to.contain('blocked by the page policy');
    });

    it('runs in slices when the script fails', async () => {
      const graph = createLargeGraph(600);
      const expected = synchronousPositions(graph);
      const warnings = recordWarnings();
      restore.push(warnings.restore);

      const element = await mount(graph, { workerUrl: '/missing/layout-worker.js' });
      await element.layoutSettled;

      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('il-incident-graph');
    });
  });

  describe('pause and resume', () => {
    it('holds nodes while paused', async function () {
      this.timeout(30_000);
      const graph = createLargeGraph(1200);
      const expected = synchronousPositions(graph);
      const element = await mount(createEmptyGraph());
      const ticks: number[] = [];
      element.addEventListener('il-layout-progress', (event) => {
        ticks.push(event.detail.ticks);
        if (ticks.length === 1) element.pauseLayout();
      });
      const ended = new Promise<number>((resolve) =>
        element.addEventListener('il-layout-end', (event) => resolve(event.detail.ticks), { once: true }),
      );

      element.graph = graph;
      await element.updateComplete;
      await new Promise<void>((resolve) => element.addEventListener('il-layout-progress', () => resolve(), { once: true }));
      await new Promise((resolve) => setTimeout(resolve, 500));

      // One slice may already be under way when the pause arrives, so one more progress may come.
      expect(ticks.length).to.be.at.most(2);
      expect(element.layoutRunning).to.be.true;
      expect(graph.getNodeAttribute('file-0', 'x')).to.equal(undefined);

      const ticksAtPause = ticks[ticks.length - 1]!;
      element.resumeLayout();
      const endTicks = await ended;
      await element.layoutSettled;
      expect(element.layoutRunning).to.be.false;
      expect(endTicks).to.be.greaterThan(ticksAtPause);
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
    });

    it('shows a paused small graph', async () => {
      const graph = createLargeGraph(MAIN_THREAD_LAYOUT_MAX_NODES - 50);
      const expected = synchronousPositions(graph);
      const element = await mount(createEmptyGraph());
      let progress = 0;
      element.addEventListener('il-layout-progress', () => progress++);

      element.graph = graph;
      await element.updateComplete;
      element.pauseLayout();
      for (let frame = 0; frame < 5; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));

      // The nodes show where the run has put them so far, and the graph has no positions yet.
      expect(element.layoutRunning).to.equal(true);
      // Files collapse into group nodes, and alerts never do.
      expect(element.display.nodes.length).to.be.greaterThan(0);
      expect(element.display.byId.get('alert-0')?.x).to.be.a('number');
      expect(graph.getNodeAttribute('file-0', 'x')).to.equal(undefined);
      expect(progress, 'progress events').to.equal(0);

      element.resumeLayout();
      await element.layoutSettled;
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
      for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const drawn = element.display.byId.get('alert-0')!;
      expect(drawn.x).to.equal(graph.getNodeAttribute('alert-0', 'x'));
    });

    it('ignores pause with no layout', async () => {
      const element = await mount(createFixtureGraph());
      await element.layoutSettled;
      element.pauseLayout();
      element.resumeLayout();
      expect(element.layoutRunning).to.be.false;
    });
  });

  describe('new data', () => {
    it('places a new node beside its neighbour', async () => {
      const graph = createFixtureGraph();
      const element = await mount(graph);
      await element.layoutSettled;
      const before = new Map(graph.mapNodes((id, attributes) => [id, { x: attributes.x, y: attributes.y }] as const));

      graph.addNode('late-ip', { kind: 'ip', label: '198.51.100.7' });
      graph.addDirectedEdge('process-payload', 'late-ip', { type: 'communicatesWith', roles: [] });
      await element.layoutSettled;

      for (const [id, position] of before) {
        expect({ x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') }, id).to.deep.equal(position);
      }
      const anchor = before.get('process-payload')!;
      const late = graph.getNodeAttributes('late-ip');
      expect(Math.hypot(late.x! - anchor.x!, late.y! - anchor.y!)).to.be.lessThan(160);
    });
  });

  describe('tree layout', () => {
    it('draws process trees in layers', async () => {
      const graph = createFixtureGraph();
      const element = await mount(graph, { layout: 'tree' });
      await element.layoutSettled;

      expect(element.layout).to.equal('tree');
      const device = graph.getNodeAttributes('device-ws042');
      const winword = graph.getNodeAttributes('process-winword');
      expect(winword.y! - device.y!).to.be.closeTo(2 * TREE_LAYER_GAP, 1e-9);
    });

    it('lays out again when the option changes', async () => {
      const graph = createFixtureGraph();
      const element = await mount(graph);
      await element.layoutSettled;
      const ends: number[] = [];
      element.addEventListener('il-layout-end', (event) => ends.push(event.detail.nodeCount));

      element.layout = 'tree';
      await element.updateComplete;
      await element.layoutSettled;

      const expected = synchronousPositions(createFixtureGraph(), 'tree');
      expect(ends).to.deep.equal([graph.order]);
      expect(graphCoordinates(graph, expected.ids)).to.deep.equal([...expected.coordinates]);
    });
  });

  describe('main thread', () => {
    it('lays out 5,000 nodes in a worker, not on the main thread', async function () {
      this.timeout(60_000);
      const graph = createLargeGraph(5000);
      // Counts the workers started and the main thread's engine ticks. Timing the main thread
      // belongs to the benchmark (bench/graph), which reports its longest task.
      const NativeWorker = window.Worker;
      let workers = 0;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          workers += 1;
        }
      };
      const tick = ForceLayout.prototype.tick;
      let mainThreadTicks = 0;
      ForceLayout.prototype.tick = function (this: ForceLayout, ...args: Parameters<ForceLayout['tick']>) {
        mainThreadTicks += 1;
        return tick.apply(this, args);
      };

      try {
        const progress: number[] = [];
        const runner = new LayoutRunner({
          onProgress: (detail) => progress.push(detail.ticks),
          onPositions: () => {},
          onEnd: () => {},
          onSettled: () => {},
          settings: () => ({ layout: 'force', workerUrl: undefined }),
          onWorkerFailure: (reason) => expect.fail(`worker failed: ${reason}`),
          onEngineFailure: (reason) => expect.fail(`layout engine failed to load: ${reason}`),
        });
        runner.request(graph);
        await runner.settled;

        expect(workers).to.equal(1);
        expect(mainThreadTicks).to.equal(0);
        expect(progress.length).to.be.greaterThan(0);
        expect(graph.getNodeAttribute('file-0', 'x')).to.be.a('number');
      } finally {
        window.Worker = NativeWorker;
        ForceLayout.prototype.tick = tick;
      }
    });
  });
});

describe('<il-incident-graph> view during a layout', () => {
  it('keeps the growing picture in view', async function () {
    this.timeout(30_000);
    const element = await mount(createEmptyGraph());
    // Large enough that fitting the whole picture stays above the minimum zoom.
    element.style.width = '1000px';
    element.style.height = '800px';
    element.graph = createLargeGraph(1200);
    await element.updateComplete;

    // Pause at the first progress, so the picture under test is one the layout is still growing.
    await new Promise<void>((resolve) =>
      element.addEventListener('il-layout-progress', () => { element.pauseLayout(); resolve(); }, { once: true }),
    );
    // One slice may already be under way when the pause arrives; let its progress land too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(element.layoutRunning).to.be.true;
    expect(element.camera.k).to.be.greaterThan(element.minZoom);

    const box = element.getBoundingClientRect();
    for (const node of element.display.nodes) {
      const point = element.toScreen(node.id)!;
      expect(point.x, node.id).to.be.within(0, box.width);
      expect(point.y, node.id).to.be.within(0, box.height);
    }
    // The bounds that the fit reads while the layout runs come from the run's coordinates.
    const bounds = nodeBoundsOf(element.display, 0);
    for (const node of element.display.nodes) {
      expect(node.x - node.radius, node.id).to.be.at.least(bounds.minX);
      expect(node.x + node.radius, node.id).to.be.at.most(bounds.maxX);
      expect(node.y - node.radius, node.id).to.be.at.least(bounds.minY);
      expect(node.y + node.radius, node.id).to.be.at.most(bounds.maxY);
    }
    element.resumeLayout();
    await element.layoutSettled;
  });
});

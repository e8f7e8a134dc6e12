import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { DisplayState, type DisplaySources } from '../../src/components/incident-graph/display-state.js';
import { GroupingState } from '../../src/components/incident-graph/grouping-state.js';
import { COARSE_MAX_EDGES, DOT_ZOOM, drawScene, lastDrawStats } from '../../src/components/incident-graph/draw.js';
import { compareNodes, edgeTableOf, type EdgeView, type NodeView } from '../../src/components/incident-graph/display-model.js';
import { readPalette } from '../../src/components/incident-graph/palette.js';
import { runToEnd, SLICE_ITEMS, sortSteps } from '../../src/components/incident-graph/slices.js';
import { localeFormat } from '../../src/components/shared/locale-controller.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { generateIncidentGraph, griddedIncidentGraph as griddedGraph } from '../fixtures/generated-incident.js';
import { HEIGHT, WIDTH } from './incident-graph-helpers.js';

/** Adds a second edge beside each of the graph's first three edges, so some edges run in parallel. */
function withParallelEdges(graph: IncidentGraph): IncidentGraph {
  graph.edges().slice(0, 3).forEach((edge) => {
    graph.addEdgeWithKey(`${edge}-again`, graph.source(edge), graph.target(edge), { ...graph.getEdgeAttributes(edge) });
  });
  return graph;
}

function sourcesOf(graph: IncidentGraph, grouping = new GroupingState()): DisplaySources {
  return {
    graph,
    session: undefined,
    selection: { entityIds: [], alertIds: [] },
    grouping,
    groupThreshold: 6,
    search: undefined,
    livePositions: undefined,
    filters: undefined,
    format: localeFormat('en-US'),
  };
}

describe('il-incident-graph work in slices', () => {
  describe('sortSteps', () => {
    it('sorts like a stable sort across many slices', () => {
      const items = Array.from({ length: SLICE_ITEMS * 5 + 17 }, (_, index) => ({ key: (index * 7919) % 101, index }));
      const expected = [...items].sort((a, b) => a.key - b.key);
      let yields = 0;
      const steps = sortSteps(items, (a, b) => a.key - b.key);
      let next = steps.next();
      while (!next.done) {
        yields += 1;
        next = steps.next();
      }

      expect(yields).to.be.greaterThan(5);
      expect(next.value).to.equal(items);
      expect(items.map((item) => item.index)).to.deep.equal(expected.map((item) => item.index));
    });

    it('sorts a short list in one step', () => {
      expect(runToEnd(sortSteps([3, 1, 2], (a, b) => a - b))).to.deep.equal([1, 2, 3]);
    });
  });

  describe('DisplayState', () => {
    it('builds a large model over several calls, equal to a build at once', () => {
      const graph = griddedGraph(5000);
      const sliced = new DisplayState();
      const sources = sourcesOf(graph);
      let calls = 1;
      // A deadline in the past lets each call run one slice.
      while (sliced.processUntil(sources, 0) === 'pending') calls += 1;

      const whole = new DisplayState();
      whole.process(sourcesOf(graph));
      expect(calls).to.be.greaterThan(3);
      expect(sliced.display.nodes.map((node) => node.id)).to.deep.equal(whole.display.nodes.map((node) => node.id));
      expect(sliced.display.edges.views().map((edge) => edge.id)).to.deep.equal(whole.display.edges.views().map((edge) => edge.id));
    });

    it('keeps the previous model while a build is pending', () => {
      const state = new DisplayState();
      state.process(sourcesOf(griddedGraph(20)));
      const previous = state.display;

      expect(state.processUntil(sourcesOf(griddedGraph(5000)), 0)).to.equal('unchanged');
      state.invalidate();
      expect(state.processUntil(sourcesOf(griddedGraph(5000)), 0)).to.equal('pending');
      expect(state.display).to.equal(previous);
      expect(state.building).to.equal(true);
    });

    it('finishes a large base in the next build for a frame', () => {
      const graph = withParallelEdges(griddedGraph(20000));
      const state = new DisplayState();
      const sources = sourcesOf(graph);
      const deadline = performance.now() + 600_000;

      expect(graph.order).to.be.greaterThan(20000);
      expect(state.processUntil(sources, deadline)).to.equal('rebuilt');
      expect(state.stale).to.equal(true);
      expect(state.processUntil(sources, Infinity)).to.equal('unchanged');
      expect(state.stale).to.equal(true);
      expect(state.processUntil(sources, deadline)).to.equal('rebuilt');
      expect(state.stale).to.equal(false);

      const whole = new DisplayState();
      whole.process(sourcesOf(graph));
      const curveOf = (edge: EdgeView): string => `${edge.id} ${edge.curve} ${edge.loopIndex}`;
      expect(state.display.nodes.map((node) => node.id)).to.deep.equal(whole.display.nodes.map((node) => node.id));
      expect(state.display.edges.views().map(curveOf)).to.deep.equal(whole.display.edges.views().map(curveOf));
      expect(whole.display.edges.views().some((edge) => edge.curve !== 0)).to.equal(true);
    });

    it('starts again from the beginning when marked stale during a build', () => {
      const first = griddedGraph(5000);
      const second = griddedGraph(300);
      const state = new DisplayState();
      expect(state.processUntil(sourcesOf(first), 0)).to.equal('pending');

      state.invalidate();
      expect(state.building).to.equal(false);
      expect(state.process(sourcesOf(second))).to.equal(true);
      expect(state.display.alertCount + state.display.entityCount).to.equal(second.order);
    });
  });

  it('draws a large incident after building it over several frames', async () => {
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${griddedGraph(20000)}></il-incident-graph>
    `);
    await element.rendered;

    expect(element.display.entityCount).to.be.greaterThan(19000);
    expect(element.toScreen(element.display.nodes[0]!.id)).to.not.equal(undefined);
  });

  it('puts a large incident in list order after its first frame', async () => {
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${withParallelEdges(griddedGraph(20000))}></il-incident-graph>
    `);
    await element.rendered;
    const inListOrder = (): boolean => element.display.nodes.every((node, index, nodes) => index === 0 || compareNodes(nodes[index - 1]!, node) <= 0);
    await waitUntil(inListOrder, 'the nodes never came in list order', { timeout: 10_000 });

    expect(element.display.nodes.length).to.be.greaterThan(19000);
    expect(element.display.edges.views().some((edge) => edge.curve !== 0)).to.equal(true);
  });
});

describe('il-incident-graph while a large layout runs', () => {
  it('draws the moving nodes as dots, then in full detail once settled', async function () {
    this.timeout(60_000);
    const graph = generateIncidentGraph({ entityCount: 3000 });
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${graph}></il-incident-graph>
    `);
    const canvas = element.shadowRoot!.querySelector('canvas')!;
    const context = canvas.getContext('2d')!;
    element.camera = { x: WIDTH / 2, y: HEIGHT / 2, k: 1 };
    const coarseFrames: boolean[] = [];
    element.addEventListener('il-layout-progress', () => {
      requestAnimationFrame(() => requestAnimationFrame(() => coarseFrames.push(lastDrawStats(context)?.dots === true && element.camera.k >= DOT_ZOOM)));
    });
    await element.layoutSettled;
    await element.rendered;

    // Frames at a zoom that would draw shapes show dots while the layout runs.
    element.camera = { x: WIDTH / 2 + 1, y: HEIGHT / 2, k: 1 };
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(coarseFrames).to.include(true);
    expect(lastDrawStats(context)?.dots).to.equal(false);
  });
});

describe('il-incident-graph node moves', () => {
  it('moves a dragged node without building the model again', async () => {
    const graph = griddedGraph(300);
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${graph}></il-incident-graph>
    `);
    await element.rendered;
    const id = element.display.nodes.find((node) => !node.group && !node.alert)!.id;
    const view = element.display.byId.get(id)!;

    graph.mergeNodeAttributes(id, { x: 12345, y: -678, fixed: true });
    expect(element.toScreen(id)).to.not.equal(undefined);
    expect(element.display.byId.get(id)).to.equal(view);
    expect({ x: view.x, y: view.y, pinned: view.pinned }).to.deep.equal({ x: 12345, y: -678, pinned: true });

    graph.setNodeAttribute(id, 'verdict', 'malicious');
    expect(element.toScreen(id)).to.not.equal(undefined);
    expect(element.display.byId.get(id)).to.not.equal(view);
    expect(element.display.byId.get(id)!.verdict).to.equal('malicious');
  });
});

describe('il-incident-graph minimap of a large incident', () => {
  it('draws its dots in a task after the frame', async () => {
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${griddedGraph(3000)}></il-incident-graph>
    `);
    await element.rendered;
    await new Promise((resolve) => setTimeout(resolve, 50));

    const minimap = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.minimap')!;
    const pixels = minimap.getContext('2d')!.getImageData(0, 0, minimap.width, minimap.height).data;
    const background = [...pixels.slice(0, 3)];
    let dots = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] !== background[0] || pixels[i + 1] !== background[1] || pixels[i + 2] !== background[2]) dots += 1;
    }
    expect(dots).to.be.greaterThan(100);
  });
});

describe('coarse frames of very many edges', () => {
  it('draw the nodes alone', () => {
    const node = (id: string, x: number): NodeView => ({
      id, kind: 'device', label: id, alert: false, verdict: undefined, remediationStatus: undefined, severity: undefined,
      ghost: false, firstSeen: undefined, x, y: 0, radius: 16, selected: false, dimmed: false,
    });
    const a = node('a', 0);
    const b = node('b', 200);
    const edges: EdgeView[] = Array.from({ length: COARSE_MAX_EDGES + 1 }, (_, index) => ({
      id: `e${index}`, source: a, target: b, type: 'communicatesWith', evidence: false, roles: [], curve: 0, loopIndex: 0, dimmed: false,
    }));
    const display = { nodes: [a, b], edges: edgeTableOf(edges), byId: new Map([[a.id, a], [b.id, b]]), alertCount: 0, entityCount: 2 };
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 200;
    const context = canvas.getContext('2d')!;
    const scene = {
      width: 400, height: 200, pixelRatio: 1, camera: { x: 100, y: 100, k: 1 }, palette: readPalette(document.body),
      display, hoveredId: undefined, activeId: undefined, showActive: false,
    };

    expect(drawScene(context, { ...scene, coarse: true }).edgesDrawn).to.equal(0);
    expect(drawScene(context, { ...scene, coarse: true }).nodesDrawn).to.equal(2);
    // Zoomed out to dots, the full frame writes its lines as pixels; stroking 60,000 curves
    // would take seconds on a busy machine.
    expect(drawScene(context, { ...scene, camera: { x: 100, y: 100, k: 0.2 } }).edgesDrawn).to.equal(COARSE_MAX_EDGES + 1);
  });
});

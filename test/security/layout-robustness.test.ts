import { expect, fixture, html } from '@open-wc/testing';
import Graph from 'graphology';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../src/model/graph-types.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';

function emptyGraph(): IncidentGraph {
  return new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({ multi: true, type: 'directed', allowSelfLoops: true });
}

/** Builds `components` separate stars of `size` nodes each, optionally all at one position. */
function starGraph(components: number, size: number, position?: { x: number; y: number }): IncidentGraph {
  const graph = emptyGraph();
  for (let component = 0; component < components; component++) {
    const hub = `device-${component}`;
    graph.addNode(hub, { kind: 'device', label: hub, ...position });
    for (let index = 1; index < size; index++) {
      const id = `file-${component}-${index}`;
      graph.addNode(id, { kind: 'file', label: id, ...position });
      graph.addDirectedEdge(hub, id, { type: 'runsOn', roles: [] });
    }
  }
  return graph;
}

interface LayoutCheck {
  nodes: number;
  finite: boolean;
  distinct: number;
  inView: number;
  zoom: number;
}

/** Reads positions and the camera, and counts the nodes drawn inside the element. */
function check(element: IncidentGraphElement, graph: IncidentGraph): LayoutCheck {
  const rect = element.getBoundingClientRect();
  let finite = true;
  let inView = 0;
  const positions = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) finite = false;
    positions.add(`${Math.round(attributes.x! * 10)},${Math.round(attributes.y! * 10)}`);
    const point = element.toScreen(node);
    if (point && point.x >= 0 && point.y >= 0 && point.x <= rect.width && point.y <= rect.height) inView++;
  });
  const { x, y, k } = element.camera;
  if (![x, y, k].every(Number.isFinite)) finite = false;
  return { nodes: graph.order, finite, distinct: positions.size, inView, zoom: k };
}

function expectZoomWithinLimits(element: IncidentGraphElement, zoom: number): void {
  expect(zoom, 'zoom').to.be.within(element.minZoom, element.maxZoom);
}

async function mountGraph(graph: IncidentGraph): Promise<IncidentGraphElement> {
  return fixture<IncidentGraphElement>(html`<il-incident-graph style=${styleProperties({ width: '600px', height: '400px' })} .graph=${graph}></il-incident-graph>`);
}

describe('layout robustness', () => {
  it('separates nodes that start at one position', async () => {
    const graph = starGraph(2, 12, { x: 0, y: 0 });
    const element = await mountGraph(graph);
    await element.relayout();
    await element.fit();
    const result = check(element, graph);
    console.log(`[layout] identical start: ${JSON.stringify(result)}`);

    expect(result.finite, 'finite positions and camera').to.equal(true);
    expect(result.distinct, 'distinct positions').to.equal(graph.order);
    expect(result.inView, 'nodes in view').to.equal(graph.order);
    expectZoomWithinLimits(element, result.zoom);
  });

  it('fits disconnected components', async () => {
    const graph = starGraph(5, 6);
    const element = await mountGraph(graph);
    await element.layoutSettled;
    await element.fit();
    const result = check(element, graph);
    console.log(`[layout] 5 components: ${JSON.stringify(result)}`);

    expect(result.finite).to.equal(true);
    expect(result.distinct).to.equal(graph.order);
    expect(result.inView).to.equal(graph.order);
    expectZoomWithinLimits(element, result.zoom);
  });

  it('fits one node within the zoom limits', async () => {
    const graph = starGraph(1, 1);
    const element = await mountGraph(graph);
    await element.layoutSettled;
    await element.fit();
    const result = check(element, graph);
    console.log(`[layout] one node: ${JSON.stringify(result)}`);

    expect(result.finite).to.equal(true);
    expect(result.inView).to.equal(1);
    expectZoomWithinLimits(element, result.zoom);
  });

  it('draws no nodes without failing', async () => {
    const graph = emptyGraph();
    const element = await mountGraph(graph);
    await element.rendered;
    await element.layoutSettled;
    await element.fit();
    const result = check(element, graph);

    expect(result.finite).to.equal(true);
    expectZoomWithinLimits(element, result.zoom);
    expect(await element.toSVG()).to.include('<svg');
  });

  const hiddenStyles: Record<string, Record<string, string>> = {
    'display: none': { display: 'none' },
    'width: 0; height: 0': { width: '0', height: '0' },
  };
  for (const [hiddenStyle, hiddenProperties] of Object.entries(hiddenStyles)) {
    it(`fits once shown after ${hiddenStyle}`, async () => {
      const graph = starGraph(3, 8);
      const wrapper = await fixture<HTMLDivElement>(html`<div style=${styleProperties(hiddenProperties)}><il-incident-graph style=${styleProperties({ width: '100%', height: '100%' })} .graph=${graph}></il-incident-graph></div>`);
      const element = wrapper.querySelector<IncidentGraphElement>('il-incident-graph')!;
      await element.layoutSettled;
      const hiddenCamera = element.camera;

      wrapper.style.cssText = 'width: 640px; height: 420px';
      await element.rendered;
      await element.fit();
      const result = check(element, graph);
      console.log(`[layout] shown after ${hiddenStyle}: ${JSON.stringify(result)}, camera while hidden ${JSON.stringify(hiddenCamera)}`);

      expect([hiddenCamera.x, hiddenCamera.y, hiddenCamera.k].every(Number.isFinite), 'camera while hidden').to.equal(true);
      expect(result.finite).to.equal(true);
      expect(result.inView).to.equal(graph.order);
      expectZoomWithinLimits(element, result.zoom);
    });
  }

  it('keeps the zoom within limits when asked for more', async () => {
    const element = await mountGraph(starGraph(1, 4));
    await element.layoutSettled;
    element.camera = { x: 0, y: 0, k: 1e9 };
    expect(element.camera.k).to.equal(element.maxZoom);
    element.camera = { x: Number.NaN, y: Infinity, k: 0 };
    const { x, y, k } = element.camera;
    expect([x, y, k].every(Number.isFinite), 'camera after non-finite values').to.equal(true);
    expectZoomWithinLimits(element, k);
    element.camera = { x: 0, y: 0, k: 1e-9 };
    expect(element.camera.k).to.equal(element.minZoom);
  });
});

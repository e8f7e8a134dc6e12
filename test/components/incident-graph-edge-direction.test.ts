import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { lastDrawStats } from '../../src/components/incident-graph/draw.js';
import { drawnReversed, edgeCurve } from '../../src/components/incident-graph/draw-edges.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../src/model/graph-types.js';
import { parseMarkup } from '../helpers/parse-markup.js';
import { mountGraph, nextFrames, pixelAt } from './incident-graph-helpers.js';

/**
 * Returns a graph of a parent process at the origin with its child 240 world units to the right,
 * linked as the data contract links them, child to parent. A device 240 units left of the parent
 * has a `runsOn` relation from the parent, whose arrow keeps the data's direction.
 */
function processPairGraph(): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({
    multi: true,
    type: 'directed',
  });
  graph.addNode('parent', { kind: 'process', label: 'explorer.exe', x: 0, y: 0 });
  graph.addNode('child', { kind: 'process', label: 'cmd.exe', x: 240, y: 0 });
  graph.addNode('device', { kind: 'device', label: 'WS-01', x: -240, y: 0 });
  graph.addEdge('child', 'parent', { type: 'parentProcess', roles: [] });
  graph.addEdge('parent', 'device', { type: 'runsOn', roles: [] });
  return graph;
}

async function showAt(element: IncidentGraphElement, camera: { x: number; y: number; k: number }): Promise<void> {
  element.camera = camera;
  await nextFrames();
}

/** True when the pixel at a point in CSS pixels differs clearly from the background's. */
function isInked(element: IncidentGraphElement, point: { x: number; y: number }, background: number[]): boolean {
  const pixel = pixelAt(element, point);
  return pixel.slice(0, 3).some((channel, index) => Math.abs(channel - background[index]!) > 40);
}

/**
 * Returns the most pixels inked across a straight edge, on lines 5 pixels either side of it, 3
 * to 5 pixels back from where an arrowhead at the `towards` end has its tip. The tip sits at the
 * node's radius, its ring gap and one more unit from its centre (at zoom 1). There an
 * arrowhead's wings (7 long, 0.4 radians off the line) span about 4 pixels, and the 1.6-wide
 * line alone 2.
 */
function widthNear(element: IncidentGraphElement, fromId: string, towardsId: string, background: number[]): number {
  const from = element.toScreen(fromId)!;
  const towards = element.toScreen(towardsId)!;
  const dx = towards.x - from.x;
  const dy = towards.y - from.y;
  const length = Math.hypot(dx, dy);
  const ux = dx / length;
  const uy = dy / length;
  let widest = 0;
  for (const back of [3, 4, 5]) {
    const distance = 16 + 3.5 + 1 + back;
    const base = { x: towards.x - ux * distance, y: towards.y - uy * distance };
    let inked = 0;
    for (let offset = -5; offset <= 5; offset++) {
      if (isInked(element, { x: base.x - uy * offset, y: base.y + ux * offset }, background)) inked += 1;
    }
    widest = Math.max(widest, inked);
  }
  return widest;
}

describe('<il-incident-graph> edge direction', () => {
  it('keeps the data direction in the model', async () => {
    const element = await mountGraph({ graph: processPairGraph() });
    const edge = element.display.edges.views().find((candidate) => candidate.type === 'parentProcess')!;

    expect(edge.source.id).to.equal('child');
    expect(edge.target.id).to.equal('parent');
    expect(drawnReversed(edge)).to.equal(true);
  });

  it('draws a parent process arrow at the child', async () => {
    const element = await mountGraph({ graph: processPairGraph() });
    await showAt(element, { x: 320, y: 80, k: 1 });
    const background = pixelAt(element, { x: 20, y: 390 });

    expect(widthNear(element, 'parent', 'child', background), 'pixels across the edge near the child').to.be.at.least(4);
    expect(widthNear(element, 'child', 'parent', background), 'pixels across the edge near the parent').to.be.within(1, 2);
  });

  it('keeps other arrows at the target', async () => {
    const element = await mountGraph({ graph: processPairGraph() });
    await showAt(element, { x: 320, y: 80, k: 1 });
    const background = pixelAt(element, { x: 20, y: 390 });

    expect(widthNear(element, 'parent', 'device', background), 'pixels across the edge near the device').to.be.at.least(4);
    expect(widthNear(element, 'device', 'parent', background), 'pixels across the edge near the parent').to.be.within(1, 2);
  });

  it('bends a reversed curve the same way', async () => {
    const element = await mountGraph({ graph: processPairGraph() });
    const edge = element.display.edges.views().find((candidate) => candidate.type === 'parentProcess')!;
    edge.curve = 30;
    const reversed = edgeCurve(edge);
    const asData = edgeCurve({ ...edge, type: 'communicatesWith' });

    const distance = (point: { x: number; y: number }, id: string): number => {
      const node = element.display.byId.get(id)!;
      return Math.hypot(point.x - node.x, point.y - node.y);
    };

    expect(reversed.control).to.deep.equal(asData.control);
    expect(distance(reversed.end, 'child')).to.be.below(distance(reversed.end, 'parent'));
    expect(distance(asData.end, 'parent')).to.be.below(distance(asData.end, 'child'));
  });

  it('labels a parent process edge as created', async () => {
    const element = await mountGraph({ graph: processPairGraph() });
    await showAt(element, { x: 100, y: 80, k: 2 });
    const canvas = element.shadowRoot!.querySelector('canvas')!;
    const texts = lastDrawStats(canvas.getContext('2d')!)!.edgeLabels.map((label) => label.text);

    expect(texts).to.include('created');
    expect(texts).to.not.include('parent process');
  });

  it('exports a parent process arrow at the child', async () => {
    const element = await mountGraph({ graph: processPairGraph() });
    const svg = parseMarkup(await element.toSVG(), 'image/svg+xml');
    expect(svg.querySelector('parsererror'), 'the SVG parses as XML').to.equal(null);

    // Each edge is a group of its line and its arrowhead, the only paths with stroke="none".
    const tips = [...svg.querySelectorAll('path[stroke="none"]')].map((path) => {
      const [x, y] = /^M(-?[\d.]+) (-?[\d.]+)/.exec(path.getAttribute('d')!)!.slice(1).map(Number);
      return { x: x!, y: y! };
    });
    expect(tips).to.have.length(2);
    // A tip sits at a node's radius, its ring gap and one more unit from its centre.
    const tipsAt = (id: string): number => {
      const node = element.display.byId.get(id)!;
      return tips.filter((tip) => Math.hypot(tip.x - node.x, tip.y - node.y) < 16 + 3.5 + 2).length;
    };

    expect(tipsAt('child'), 'arrowheads at the child').to.equal(1);
    expect(tipsAt('device'), 'arrowheads at the device').to.equal(1);
    expect(tipsAt('parent'), 'arrowheads at the parent').to.equal(0);
  });
});

import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { lastDrawStats, type DrawStats } from '../../src/components/incident-graph/draw.js';
import { LABEL_BACKING_ALPHA } from '../../src/components/incident-graph/draw-labels.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../src/model/graph-types.js';
import { mountGraph, nextFrames, pixelAt } from './incident-graph-helpers.js';

/** World (0, 0) at (200, 60) CSS pixels, no zoom. */
const CAMERA = { x: 200, y: 60, k: 1 };

/** Returns a device at (0, 0) with a neighbour at each of `ends`. */
function starGraph(ends: ReadonlyArray<{ x: number; y: number }>): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({ multi: true, type: 'directed' });
  graph.addNode('device', { kind: 'device', label: 'WS-FINANCE-01', x: 0, y: 0 });
  ends.forEach((end, index) => {
    graph.addNode(`user-${index}`, { kind: 'user', label: `u${index}`, ...end });
    graph.addEdge('device', `user-${index}`, { type: 'loggedOn', roles: [] });
  });
  return graph;
}

/** Sum of the channel differences of two RGBA pixels. */
function distance(a: number[], b: number[]): number {
  return a.slice(0, 3).reduce((sum, value, index) => sum + Math.abs(value - b[index]!), 0);
}

async function draw(graph: IncidentGraph): Promise<{ element: IncidentGraphElement; stats: DrawStats }> {
  const element = await mountGraph({ graph });
  element.camera = CAMERA;
  await nextFrames();
  return { element, stats: lastDrawStats(element.shadowRoot!.querySelector('canvas')!.getContext('2d')!)! };
}

function labelOf(stats: DrawStats, ownerId: string) {
  return stats.labels.find((placed) => placed.ownerId === ownerId)!;
}

describe('<il-incident-graph> labels and edges', () => {
  it('moves a label off its own edge', async () => {
    const { stats } = await draw(starGraph([{ x: 0, y: 300 }]));

    expect(labelOf(stats, 'device').placement).to.equal('right');
  });

  it('keeps the first position when every position is on an edge', async () => {
    const { stats } = await draw(starGraph([{ x: 0, y: 300 }, { x: 300, y: 0 }, { x: -300, y: 0 }, { x: 0, y: -300 }]));

    expect(labelOf(stats, 'device').placement).to.equal('below');
  });

  it('hides an edge under a label on a backing', async () => {
    const { element, stats } = await draw(starGraph([{ x: 0, y: 300 }, { x: 300, y: 0 }, { x: -300, y: 0 }, { x: 0, y: -300 }]));
    const label = labelOf(stats, 'device');

    // The edge down runs along x = 200 on screen. The label's top padding row has no glyph on it.
    const background = pixelAt(element, { x: 40, y: 40 });
    const edge = pixelAt(element, { x: 200, y: 200 });
    const underLabel = pixelAt(element, { x: 200, y: label.box.y + 0.5 });
    expect(distance(edge, background), 'the edge differs from the background').to.be.greaterThan(60);
    // The backing leaves 1 - LABEL_BACKING_ALPHA of the edge's contrast, and a few levels of rounding.
    expect(distance(underLabel, background)).to.be.at.most(distance(edge, background) * (1 - LABEL_BACKING_ALPHA) + 6);
  });
});

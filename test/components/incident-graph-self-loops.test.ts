import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { EDGE_LABEL_MIN_ZOOM, lastDrawStats, type DrawStats } from '../../src/components/incident-graph/draw.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { NodeView } from '../../src/components/incident-graph/display-model.js';
import { edgeTableOf } from '../../src/components/incident-graph/edge-table.js';
import {
  freestSide,
  placeSelfLoops,
  LOOP_ABOVE,
  LOOP_BELOW,
  LOOP_LEFT,
  LOOP_RIGHT,
  selfLoopShape,
  type LoopSide,
} from '../../src/components/incident-graph/self-loops.js';
import { INCIDENT_GRAPH_OPTIONS } from '../../src/model/build-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { parseMarkup } from '../helpers/parse-markup.js';
import { relationLabel } from '../../src/components/incident-graph/strings.js';
import { HEIGHT, mountGraph, nextFrames, WIDTH } from './incident-graph-helpers.js';

const UP = -Math.PI / 2;
const RIGHT = 0;
const DOWN = Math.PI / 2;
const LEFT = Math.PI;

/**
 * Returns a graph of a process at (0, 0) with self-loops of the given types, by default one
 * labelled "injects into", and its neighbours at the given places, each joined to it.
 */
function loopGraph(neighbours: Record<string, { x: number; y: number }>, loopTypes = ['injectsInto']): IncidentGraph {
  const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
  graph.addNode('process', { kind: 'process', label: 'rundll32.exe', x: 0, y: 0 });
  for (const type of loopTypes) graph.addDirectedEdge('process', 'process', { type, roles: [] });
  for (const [id, position] of Object.entries(neighbours)) {
    graph.addNode(id, { kind: 'file', label: `${id}.dll`, ...position });
    graph.addDirectedEdge('process', id, { type: 'loads', roles: [] });
  }
  return graph;
}

/** Returns the side the element drew the process's loop on. */
function loopSideOf(element: IncidentGraphElement): number {
  const { edges } = element.display;
  for (let row = 0; row < edges.length; row++) {
    if (edges.sources[row] === edges.targets[row]) return edges.loopSides[row]!;
  }
  throw new Error('No self-loop in the display model');
}

function statsOf(element: IncidentGraphElement): DrawStats {
  return lastDrawStats(element.shadowRoot!.querySelector('canvas')!.getContext('2d')!)!;
}

/** Returns true when a circle and a box overlap. */
function circleMeetsBox(circle: { x: number; y: number; radius: number }, box: { x: number; y: number; width: number; height: number }): boolean {
  const x = Math.max(box.x, Math.min(circle.x, box.x + box.width));
  const y = Math.max(box.y, Math.min(circle.y, box.y + box.height));
  return Math.hypot(circle.x - x, circle.y - y) < circle.radius;
}

/** Returns the distance from `point` to the segment from `start` to `end`. */
function distanceToSegment(point: { x: number; y: number }, start: { x: number; y: number }, end: { x: number; y: number }): number {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const t = Math.max(0, Math.min(1, ((point.x - start.x) * dx + (point.y - start.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(point.x - (start.x + t * dx), point.y - (start.y + t * dy));
}

describe('<il-incident-graph> self-loops', () => {
  describe('freestSide', () => {
    const cases: Array<{ name: string; angles: number[]; side: LoopSide }> = [
      { name: 'no other edge', angles: [], side: LOOP_ABOVE },
      { name: 'edges left and right', angles: [LEFT, RIGHT], side: LOOP_ABOVE },
      { name: 'an edge 70° off straight up', angles: [UP + (70 * Math.PI) / 180], side: LOOP_ABOVE },
      { name: 'an edge straight up', angles: [UP], side: LOOP_RIGHT },
      { name: 'edges up and right', angles: [UP, RIGHT], side: LOOP_LEFT },
      { name: 'edges up, right and left', angles: [UP, RIGHT, LEFT], side: LOOP_BELOW },
      { name: 'an edge on every side', angles: [UP, RIGHT, DOWN, LEFT], side: LOOP_ABOVE },
      // Up is 30° from the nearest edge, right 60°: right wins by more than the margin.
      { name: 'edges 30° either side of up', angles: [UP - Math.PI / 6, UP + Math.PI / 6], side: LOOP_RIGHT },
    ];
    for (const { name, angles, side } of cases) {
      it(`puts the loop on side ${side} for ${name}`, () => {
        expect(freestSide(angles)).to.equal(side);
      });
    }

    it('prefers a side without nearby nodes', () => {
      expect(freestSide([], [UP])).to.equal(LOOP_RIGHT);
      expect(freestSide([LEFT], [UP, RIGHT])).to.equal(LOOP_BELOW);
      // Edges every 20°, as at a busy process, leave each side only 10° clear: a node near
      // the loops above still rules that side out.
      const busy = Array.from({ length: 18 }, (_, index) => (index * Math.PI) / 9 + Math.PI / 18);
      expect(freestSide(busy, [UP + (10 * Math.PI) / 180])).to.not.equal(LOOP_ABOVE);
      // Nodes on every side leave the choice to the edges.
      expect(freestSide([UP], [UP, RIGHT, DOWN, LEFT])).to.equal(LOOP_RIGHT);
    });

    it('wraps angles past a full turn', () => {
      expect(freestSide([UP + 2 * Math.PI])).to.equal(LOOP_RIGHT);
      expect(freestSide([UP - 2 * Math.PI, RIGHT + 4 * Math.PI])).to.equal(LOOP_LEFT);
    });
  });

  it('draws a loop above a free node', async () => {
    const element = await mountGraph({ graph: loopGraph({ left: { x: -200, y: 0 }, right: { x: 200, y: 0 } }) });
    expect(loopSideOf(element)).to.equal(LOOP_ABOVE);
  });

  it('moves a loop off an edge', async () => {
    const element = await mountGraph({ graph: loopGraph({ above: { x: 0, y: -200 }, below: { x: 0, y: 200 } }) });
    expect(loopSideOf(element)).to.equal(LOOP_RIGHT);

    // The loop's circle keeps clear of both edges.
    const node = element.display.byId.get('process')!;
    const loop = selfLoopShape(node, 0, LOOP_RIGHT);
    for (const id of ['above', 'below']) {
      const neighbour = element.display.byId.get(id)!;
      expect(distanceToSegment(loop.centre, node, neighbour), `loop to the edge to ${id}`).to.be.greaterThan(loop.radius);
    }
  });

  it('labels a loop beyond its circle', async () => {
    const element = await mountGraph({ graph: loopGraph({ above: { x: 0, y: -200 }, right: { x: 200, y: 0 } }) });
    element.camera = { x: 300, y: 300, k: EDGE_LABEL_MIN_ZOOM };
    await nextFrames();
    expect(loopSideOf(element)).to.equal(LOOP_LEFT);

    const label = statsOf(element).edgeLabels.find((candidate) => candidate.text === 'injects into');
    expect(label, 'loop label').to.not.equal(undefined);
    const loop = selfLoopShape(element.display.byId.get('process')!, 0, LOOP_LEFT);
    // The loop's leftmost point in CSS pixels: the camera puts world x = 0 at 300.
    const outerLeft = 300 + loop.outer.x * EDGE_LABEL_MIN_ZOOM;
    expect(label!.box.x + label!.box.width).to.be.at.most(outerLeft + 1e-6);
  });

  it('turns loops away from unjoined nodes', async () => {
    const graph = loopGraph({});
    graph.addNode('stranger', { kind: 'file', label: 'unrelated.txt', x: 0, y: -70 });
    const element = await mountGraph({ graph });
    expect(loopSideOf(element)).to.equal(LOOP_RIGHT);

    // Further than the loops reach, a node leaves the side above free.
    graph.mergeNodeAttributes('stranger', { y: -150 });
    await nextFrames();
    expect(loopSideOf(element)).to.equal(LOOP_ABOVE);
  });

  it('stacks loop labels beyond the loops', async () => {
    const neighbours = { above: { x: 0, y: -200 }, right: { x: 200, y: 0 } };
    const element = await mountGraph({ graph: loopGraph(neighbours, ['injectsInto', 'readsMemoryOf', 'injectsInto']) });
    element.camera = { x: 300, y: 300, k: 2 };
    await nextFrames();
    expect(loopSideOf(element)).to.equal(LOOP_LEFT);

    // One line per relation type, one under the other, left of the outermost loop.
    const texts = [relationLabel('injectsInto'), relationLabel('readsMemoryOf')];
    const loopLabels = statsOf(element).edgeLabels.filter((label) => texts.includes(label.text));
    expect(loopLabels.map((label) => label.text)).to.deep.equal(texts);
    const outermost = selfLoopShape(element.display.byId.get('process')!, 2, LOOP_LEFT);
    // The loop's leftmost point in CSS pixels: the camera puts world x = 0 at 300.
    for (const label of loopLabels) expect(label.box.x + label.box.width).to.be.at.most(300 + outermost.outer.x * 2);
    const [first, second] = loopLabels.map((label) => label.box);
    expect(second!.y, 'second line below the first').to.be.at.least(first!.y + first!.height);
    // The stack is centred on the loop's middle, 300 px down.
    expect((first!.y + second!.y + second!.height) / 2).to.be.closeTo(300, 0.5);
  });

  it('keeps the node label off loops below it', async () => {
    const neighbours = { above: { x: 0, y: -200 }, left: { x: -200, y: 0 }, right: { x: 200, y: 0 } };
    const element = await mountGraph({ graph: loopGraph(neighbours, ['injectsInto', 'readsMemoryOf', 'hollows']) });
    element.camera = { x: 300, y: 300, k: 1.5 };
    await nextFrames();
    expect(loopSideOf(element)).to.equal(LOOP_BELOW);

    const stats = statsOf(element);
    const nodeLabel = stats.labels.find((label) => label.ownerId === 'process');
    expect(nodeLabel, 'label of the process').to.not.equal(undefined);
    const node = element.display.byId.get('process')!;
    for (let loopIndex = 0; loopIndex < 3; loopIndex++) {
      const { centre, radius } = selfLoopShape(node, loopIndex, LOOP_BELOW);
      const screen = { x: 300 + centre.x * 1.5, y: 300 + centre.y * 1.5, radius: radius * 1.5 };
      for (const label of [nodeLabel!, ...stats.edgeLabels]) {
        expect(circleMeetsBox(screen, label.box), `"${label.text}" over loop ${loopIndex}`).to.equal(false);
      }
    }
  });

  it('reaches further with more loops', async () => {
    const types = ['injectsInto', 'readsMemoryOf', 'hollows', 'opensHandleTo', 'createsThreadIn', 'mapsViewOf'];
    const graph = loopGraph({}, types);
    graph.addNode('stranger', { kind: 'file', label: 'unrelated.txt', x: 0, y: -130 });
    const element = await mountGraph({ graph });
    // Six loops reach about 100 units above their node, and the other node is 130 above it.
    expect(loopSideOf(element)).to.equal(LOOP_RIGHT);
  });

  it('gives merged loops a circle each', () => {
    const process: NodeView = {
      id: 'process', kind: 'process', label: 'rundll32.exe', alert: false, verdict: undefined, remediationStatus: undefined,
      severity: undefined, ghost: false, firstSeen: undefined, x: 0, y: 0, radius: 16, selected: false, dimmed: false,
    };
    const edges = edgeTableOf(
      [0, 0, 1].map((loopIndex, index) => ({
        id: `loop-${index}`,
        source: process,
        target: process,
        type: 'injectsInto',
        evidence: false,
        roles: [],
        curve: 0,
        loopIndex,
        dimmed: false,
      })),
    );
    placeSelfLoops({ nodes: [process], edges, byId: new Map([['process', process]]), alertCount: 0, entityCount: 1 });
    expect([...edges.loopIndexes.subarray(0, edges.length)]).to.deep.equal([0, 1, 2]);
  });

  it('puts a cornered name over loops', async () => {
    // Nodes close above, right and below leave the left to the loops and the name.
    const graph = loopGraph({}, ['injectsInto', 'readsMemoryOf', 'hollows']);
    for (const [id, x, y] of [['above', 0, -42], ['right', 42, 0], ['below', 0, 42]] as const) {
      graph.addNode(id, { kind: 'file', label: '', x, y });
    }
    const element = await mountGraph({ graph });
    element.camera = { x: 500, y: 300, k: 1 };
    await nextFrames();
    expect(loopSideOf(element)).to.equal(LOOP_LEFT);
    const label = statsOf(element).labels.find((candidate) => candidate.ownerId === 'process');
    expect(label?.placement, 'place of the process label').to.equal('left');
  });

  it('moves a stack of loop labels as one block', async () => {
    const element = await mountGraph({ graph: loopGraph({ left: { x: -200, y: 0 }, right: { x: 200, y: 0 } }, ['injectsInto', 'readsMemoryOf', 'hollows']) });
    expect(loopSideOf(element)).to.equal(LOOP_ABOVE);
    // The top of the view leaves no room for the stack above the loops, 2 × 62 px above the node.
    element.camera = { x: 500, y: 160, k: 2 };
    await nextFrames();

    const texts = ['injectsInto', 'readsMemoryOf', 'hollows'].map(relationLabel);
    const lines = statsOf(element).edgeLabels.filter((label) => texts.includes(label.text));
    expect(lines.map((line) => line.text)).to.deep.equal(texts);
    expect(new Set(lines.map((line) => line.placement)).size, 'one place for all lines').to.equal(1);
    expect(lines[0]!.placement).to.not.equal('above');
    for (let index = 1; index < lines.length; index++) {
      expect(lines[index]!.box.y - lines[index - 1]!.box.y, `line ${index} under line ${index - 1}`).to.be.within(15, 20);
    }
  });

  it('fits the view around loops', async () => {
    const types = ['injectsInto', 'readsMemoryOf', 'hollows', 'opensHandleTo', 'createsThreadIn'];
    // The view's height binds the fit, and the loops go above the node at the top.
    const element = await mountGraph({ graph: loopGraph({ below: { x: 0, y: 300 } }, types) });
    await element.fit();
    await nextFrames();

    const node = element.display.byId.get('process')!;
    const side = loopSideOf(element);
    const { k } = element.camera;
    for (let loopIndex = 0; loopIndex < types.length; loopIndex++) {
      const { centre, radius } = selfLoopShape(node, loopIndex, side);
      const screen = { x: centre.x * k + element.camera.x, y: centre.y * k + element.camera.y, radius: radius * k };
      expect(screen.x - screen.radius, `left of loop ${loopIndex}`).to.be.at.least(0);
      expect(screen.y - screen.radius, `top of loop ${loopIndex}`).to.be.at.least(0);
      expect(screen.x + screen.radius, `right of loop ${loopIndex}`).to.be.at.most(WIDTH);
      expect(screen.y + screen.radius, `bottom of loop ${loopIndex}`).to.be.at.most(HEIGHT);
    }
  });

  it('chooses again after a move', async () => {
    const graph = loopGraph({ neighbour: { x: 0, y: -200 } });
    const element = await mountGraph({ graph });
    expect(loopSideOf(element)).to.equal(LOOP_RIGHT);

    graph.mergeNodeAttributes('neighbour', { x: 0, y: 200 });
    await nextFrames();
    expect(loopSideOf(element)).to.equal(LOOP_ABOVE);
  });

  it('exports a loop on its side', async () => {
    const element = await mountGraph({ graph: loopGraph({ above: { x: 0, y: -200 }, below: { x: 0, y: 200 } }) });
    const svg = parseMarkup(await element.toSVG(), 'image/svg+xml');

    const loop = selfLoopShape(element.display.byId.get('process')!, 0, LOOP_RIGHT);
    const circles = [...svg.querySelectorAll('circle')].filter(
      (circle) => Math.abs(Number(circle.getAttribute('r')) - loop.radius) < 0.01 && circle.closest('g[stroke-width]'),
    );
    expect(circles, 'the loop circle').to.have.length(1);
    expect(Number(circles[0]!.getAttribute('cx'))).to.be.closeTo(loop.centre.x, 0.01);
    expect(Number(circles[0]!.getAttribute('cy'))).to.be.closeTo(loop.centre.y, 0.01);
  });

  it('exports a loop below its node', async () => {
    // Neighbours above, left and right leave only the side below free.
    const neighbours = { above: { x: 0, y: -200 }, left: { x: -200, y: 0 }, right: { x: 200, y: 0 } };
    // The third loop reaches further below the node than the node's label. The loops have no
    // label (an evidence edge with no role), so only their shapes count.
    const element = await mountGraph({ graph: loopGraph(neighbours, ['evidence', 'evidence', 'evidence']) });
    expect(loopSideOf(element)).to.equal(LOOP_BELOW);
    const root = parseMarkup(await element.toSVG(), 'image/svg+xml').documentElement;

    const [x, y, width, height] = root.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
    const loop = selfLoopShape(element.display.byId.get('process')!, 2, LOOP_BELOW);
    expect(loop.centre.y + loop.radius, 'bottom of the loop').to.be.below(y + height);
    expect(loop.centre.x - loop.radius, 'left of the loop').to.be.above(x);
    expect(loop.centre.x + loop.radius, 'right of the loop').to.be.below(x + width);
  });
});

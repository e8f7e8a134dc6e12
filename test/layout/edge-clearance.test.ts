import { expect } from '@open-wc/testing';
import { clearEdges, EDGE_CLEARANCE_MAX_NODES, EDGE_FORCE_MAX_NODES, forceEdgeClearance } from '../../src/layout/edge-clearance.js';
import { ForceLayout } from '../../src/layout/force-layout.js';
import { layoutInputFromGraph } from '../../src/layout/graph-layout.js';
import { createLcg } from '../../src/layout/seed.js';
import { generateIncidentGraph } from '../fixtures/generated-incident.js';

interface TestNode {
  id: string;
  radius: number;
  x: number;
  y: number;
  fx?: number | null;
}

function node(id: string, x: number, y: number, radius = 16): TestNode {
  return { id, radius, x, y };
}

/** Returns the distance from a point to the line through `a` and `b`. */
function distanceToSegment(point: TestNode, a: TestNode, b: TestNode): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const along = ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy);
  return Math.hypot(point.x - (a.x + along * dx), point.y - (a.y + along * dy));
}

/** Counts the pairs of an edge and a node not at its ends whose circle the straight edge crosses. */
function edgesThroughNodes(positions: Map<string, { x: number; y: number }>, edges: ReadonlyArray<{ source: string; target: string }>, radius: number): number {
  let count = 0;
  for (const edge of edges) {
    const a = positions.get(edge.source)!;
    const b = positions.get(edge.target)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    for (const [id, point] of positions) {
      if (id === edge.source || id === edge.target) continue;
      const along = ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy);
      if (along <= 0 || along >= 1) continue;
      if (Math.hypot(point.x - (a.x + along * dx), point.y - (a.y + along * dy)) < radius) count++;
    }
  }
  return count;
}

describe('clearEdges', () => {
  it('pushes a node off an edge that is not its own', () => {
    const a = node('a', 0, 0);
    const b = node('b', 200, 0);
    const middle = node('middle', 100, 5);

    const moved = clearEdges([a, b, middle], [{ source: a, target: b }], 8, createLcg(1));

    expect(moved).to.equal(1);
    expect(distanceToSegment(middle, a, b)).to.be.closeTo(16 + 8, 1e-9);
    expect(middle.x, 'pushed square to the edge').to.equal(100);
    expect(middle.y).to.be.greaterThan(0);
    expect([a.x, a.y, b.x, b.y], 'the edge ends stay').to.deep.equal([0, 0, 200, 0]);
  });

  it('moves a node on an edge deterministically', () => {
    const run = (): TestNode => {
      const a = node('a', 0, 0);
      const b = node('b', 0, 200);
      const middle = node('middle', 0, 80);
      clearEdges([a, b, middle], [{ source: a, target: b }], 8, createLcg(7));
      return middle;
    };

    const first = run();
    expect(Math.abs(first.x)).to.be.closeTo(24, 1e-9);
    expect(first.y).to.equal(80);
    expect(run()).to.deep.equal(first);
  });

  it('leaves pinned, clear and outside nodes', () => {
    const a = node('a', 0, 0);
    const b = node('b', 200, 0);
    const pinned = { ...node('pinned', 100, 2), fx: 100 };
    const clear = node('clear', 100, 40);
    const past = node('past', 230, 3);

    const moved = clearEdges([a, b, pinned, clear, past], [{ source: a, target: b }], 8, createLcg(1));

    expect(moved).to.equal(0);
    expect([pinned.x, pinned.y, clear.x, clear.y, past.x, past.y]).to.deep.equal([100, 2, 100, 40, 230, 3]);
  });

  it('leaves graphs above the node limit alone', () => {
    const nodes = Array.from({ length: EDGE_CLEARANCE_MAX_NODES + 1 }, (_, index) => node(`n${index}`, index * 50, 0));
    const pushed = node('pushed', 75, 1);
    nodes[1] = pushed;

    expect(clearEdges(nodes, [{ source: nodes[0]!, target: nodes[2]! }], 8, createLcg(1))).to.equal(0);
    expect(pushed.y).to.equal(1);
  });

  it('leaves fewer edges through nodes in a laid-out incident', () => {
    const graph = generateIncidentGraph({ entityCount: 100 });
    const input = layoutInputFromGraph(graph, {});
    const { ids, coordinates } = new ForceLayout(input).runToCompletion();
    const positions = new Map(ids.map((id, index) => [id, { x: coordinates[index * 2]!, y: coordinates[index * 2 + 1]! }]));

    // The same settled picture before clearing, from a run of the same seed stopped one tick short.
    const early = new ForceLayout(input);
    early.tick(early.maxTicks - 1);
    const before = early.positions();
    const beforePositions = new Map(before.ids.map((id, index) => [id, { x: before.coordinates[index * 2]!, y: before.coordinates[index * 2 + 1]! }]));

    // The simulation's own edge force has cleared some edges by then (see the force's tests).
    const edgesThrough = edgesThroughNodes(positions, input.edges, 16);
    expect(edgesThrough).to.be.lessThan(edgesThroughNodes(beforePositions, input.edges, 16) / 1.25);
  });

  describe('force', () => {
    /** Returns two ends 100 units apart and a node 4 units beside the middle of their edge, all at rest. */
    function edgeAndNode(): { from: TestNode & { vx: number; vy: number }; to: TestNode & { vx: number; vy: number }; near: TestNode & { vx: number; vy: number } } {
      return {
        from: { ...node('from', 0, 0), vx: 0, vy: 0 },
        to: { ...node('to', 100, 0), vx: 0, vy: 0 },
        near: { ...node('near', 50, 4), vx: 0, vy: 0 },
      };
    }

    it('pushes a node and its edge apart', () => {
      const { from, to, near } = edgeAndNode();
      const force = forceEdgeClearance([{ source: from, target: to }], 8, 0.2);
      force.initialize([from, to, near]);

      force(0.1);

      expect(near.vy, 'node away from the edge').to.be.greaterThan(0);
      expect(from.vy, 'edge away from the node').to.be.lessThan(0);
      expect(to.vy, 'edge away from the node').to.be.lessThan(0);
      expect(from.vy).to.be.closeTo(to.vy, 1e-9);
      expect(near.vx).to.equal(0);
    });

    it('waits until the simulation cools', () => {
      const { from, to, near } = edgeAndNode();
      const force = forceEdgeClearance([{ source: from, target: to }], 8, 0.2);
      force.initialize([from, to, near]);

      force(0.3);

      expect([near.vy, from.vy, to.vy]).to.deep.equal([0, 0, 0]);
    });

    it('leaves a pinned node and graphs above its limit', () => {
      const { from, to, near } = edgeAndNode();
      near.fx = 50;
      const force = forceEdgeClearance([{ source: from, target: to }], 8, 0.2);
      force.initialize([from, to, near]);
      force(0.1);
      expect(near.vy, 'pinned node').to.equal(0);
      expect(from.vy, 'the edge still moves').to.be.lessThan(0);

      const large = edgeAndNode();
      const filler = Array.from({ length: EDGE_FORCE_MAX_NODES }, (_, index) => ({ ...node(`filler-${index}`, 5000 + index * 100, 5000), vx: 0, vy: 0 }));
      const limited = forceEdgeClearance([{ source: large.from, target: large.to }], 8, 0.2);
      limited.initialize([large.from, large.to, large.near, ...filler]);
      limited(0.1);
      expect(large.near.vy, 'above the limit').to.equal(0);
    });
  });
});

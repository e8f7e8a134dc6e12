import { expect } from '@open-wc/testing';
import {
  ForceLayout,
  isGraphPositioned,
  layoutInputFromGraph,
  positionOf,
  writePositions,
  type LayoutInput,
  type LayoutPositions,
} from '../../src/layout/index.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';
import { encodeGraphForLayout, ENTITY_RADIUS, layoutRadius, selfLoopGeometry } from '../../src/layout/graph-layout.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';

function expectFinite(positions: LayoutPositions): void {
  for (const value of positions.coordinates) expect(Number.isFinite(value), `coordinate ${value}`).to.be.true;
}

function distance(positions: LayoutPositions, a: string, b: string): number {
  const first = positionOf(positions, a)!;
  const second = positionOf(positions, b)!;
  return Math.hypot(first.x - second.x, first.y - second.y);
}

describe('ForceLayout', () => {
  describe('determinism', () => {
    it('gives identical positions for two insertion orders', () => {
      const forward = new ForceLayout(layoutInputFromGraph(createFixtureGraph())).runToCompletion();
      const reverse = new ForceLayout(layoutInputFromGraph(createFixtureGraph({ reverse: true }))).runToCompletion();

      expect(forward.ids).to.deep.equal(reverse.ids);
      expect([...forward.coordinates]).to.deep.equal([...reverse.coordinates]);
    });

    it('gives the same positions sliced and synchronous', async () => {
      const input = layoutInputFromGraph(createFixtureGraph());
      const synchronous = new ForceLayout(input).runToCompletion();

      const sliced = new ForceLayout(input, { sliceMs: 0.1 });
      let ticks = 0;
      sliced.on('tick', () => ticks++);
      await new Promise<void>((resolve) => {
        sliced.on('end', () => resolve());
        sliced.start();
      });

      expect(ticks).to.be.greaterThan(1);
      expect([...sliced.positions().coordinates]).to.deep.equal([...synchronous.coordinates]);
    });

    it('repeats runs that start at one point', () => {
      // d3-force draws random numbers only to push apart nodes that coincide.
      const input: LayoutInput = { nodes: ['a', 'b', 'c'].map((id) => ({ id, x: 0, y: 0 })), edges: [] };
      const first = new ForceLayout(input).runToCompletion();
      const second = new ForceLayout(input).runToCompletion();
      const otherSeed = new ForceLayout(input, { seed: 7 }).runToCompletion();

      expect([...first.coordinates]).to.deep.equal([...second.coordinates]);
      expect([...first.coordinates]).to.not.deep.equal([...otherSeed.coordinates]);
    });
  });

  describe('edge cases', () => {
    it('lays out zero nodes', () => {
      const layout = new ForceLayout({ nodes: [], edges: [] });
      let ended = 0;
      layout.on('end', () => ended++);
      const positions = layout.runToCompletion();

      expect(positions.ids).to.deep.equal([]);
      expect(positions.coordinates.length).to.equal(0);
      expect(ended).to.equal(1);
    });

    it('gives one node a finite position', () => {
      const positions = new ForceLayout({ nodes: [{ id: 'only' }], edges: [] }).runToCompletion();
      expectFinite(positions);
      expect(positions.ids).to.deep.equal(['only']);
    });

    it('separates nodes that start at one point', () => {
      const input: LayoutInput = {
        nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, x: 5, y: 5 })),
        edges: [{ source: 'a', target: 'b' }],
      };
      const positions = new ForceLayout(input).runToCompletion();

      expectFinite(positions);
      for (const [a, b] of [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']] as const) {
        expect(distance(positions, a, b), `${a} to ${b}`).to.be.greaterThan(20);
      }
    });

    it('keeps disconnected components apart and in view', () => {
      const input: LayoutInput = {
        nodes: ['a1', 'a2', 'a3', 'b1', 'b2', 'lonely'].map((id) => ({ id })),
        edges: [
          { source: 'a1', target: 'a2' },
          { source: 'a2', target: 'a3' },
          { source: 'b1', target: 'b2' },
        ],
      };
      const positions = new ForceLayout(input).runToCompletion();

      expectFinite(positions);
      expect(distance(positions, 'a1', 'b1')).to.be.greaterThan(30);
      expect(distance(positions, 'a1', 'a2')).to.be.lessThan(distance(positions, 'a1', 'lonely'));
      for (const value of positions.coordinates) expect(Math.abs(value)).to.be.lessThan(600);
    });

    it('ignores self-loops and edges to unknown nodes', () => {
      const positions = new ForceLayout({
        nodes: [{ id: 'a' }, { id: 'b' }],
        edges: [
          { source: 'a', target: 'a' },
          { source: 'a', target: 'missing' },
          { source: 'a', target: 'b' },
        ],
      }).runToCompletion();
      expectFinite(positions);
    });
  });

  describe('held nodes', () => {
    it('keeps fixed nodes where they are', () => {
      const positions = new ForceLayout({
        nodes: [{ id: 'held', x: 120, y: -40, fixed: true }, { id: 'free' }],
        edges: [{ source: 'held', target: 'free' }],
      }).runToCompletion();

      expect(positionOf(positions, 'held')).to.deep.equal({ x: 120, y: -40 });
      expect(distance(positions, 'held', 'free')).to.be.lessThan(150);
    });

    it('runs no tick when every node is fixed', () => {
      const layout = new ForceLayout({ nodes: [{ id: 'a', x: 1, y: 2, fixed: true }], edges: [] });
      layout.runToCompletion();
      expect(layout.ticks).to.equal(0);
    });

    it('stops and resumes', async () => {
      const layout = new ForceLayout(layoutInputFromGraph(createFixtureGraph()), {
        schedule: (callback) => {
          const handle = setTimeout(callback, 0);
          return () => clearTimeout(handle);
        },
        sliceMs: 0.1,
      });
      layout.start();
      expect(layout.running).to.be.true;
      layout.stop();
      expect(layout.running).to.be.false;
      const ticksWhenStopped = layout.ticks;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(layout.ticks).to.equal(ticksWhenStopped);

      layout.runToCompletion();
      expect(layout.settled).to.be.true;
    });
  });
});

describe('graph layout glue', () => {
  it('writes positions into the graph', () => {
    const graph = createFixtureGraph();
    expect(isGraphPositioned(graph)).to.be.false;

    const positions = new ForceLayout(layoutInputFromGraph(graph)).runToCompletion();
    writePositions(graph, positions);

    expect(isGraphPositioned(graph)).to.be.true;
    expect(graph.getNodeAttribute('ip-c2', 'x')).to.equal(positionOf(positions, 'ip-c2')!.x);
  });

  it('holds saved positions unless asked to rerun', () => {
    const graph = createFixtureGraph();
    graph.setNodeAttribute('ip-c2', 'x', 500);
    graph.setNodeAttribute('ip-c2', 'y', 600);

    const held = layoutInputFromGraph(graph).nodes.find((node) => node.id === 'ip-c2')!;
    expect(held).to.include({ x: 500, y: 600, fixed: true });

    const rerun = layoutInputFromGraph(graph, { rerun: true }).nodes.find((node) => node.id === 'ip-c2')!;
    expect(rerun.fixed).to.equal(undefined);
    expect(rerun.x).to.equal(undefined);
  });

  it('holds pinned nodes on a rerun', () => {
    const graph = createFixtureGraph();
    graph.mergeNodeAttributes('ip-c2', { x: 500, y: 600, fixed: true });

    const pinned = layoutInputFromGraph(graph, { rerun: true }).nodes.find((node) => node.id === 'ip-c2')!;
    expect(pinned).to.include({ x: 500, y: 600, fixed: true });
  });

  it('places a new node beside its laid-out neighbour', () => {
    const graph = createFixtureGraph();
    writePositions(graph, new ForceLayout(layoutInputFromGraph(graph)).runToCompletion());
    graph.addNode('late', { kind: 'ip', label: '198.51.100.7' });
    graph.addDirectedEdge('process-payload', 'late', { type: 'communicatesWith', roles: [] });

    const before = graph.getNodeAttributes('process-payload');
    writePositions(graph, new ForceLayout(layoutInputFromGraph(graph)).runToCompletion());

    expect(graph.getNodeAttribute('process-payload', 'x')).to.equal(before.x);
    const late = graph.getNodeAttributes('late');
    expect(Math.hypot(late.x! - before.x!, late.y! - before.y!)).to.be.lessThan(160);
  });

  describe('room for self-loops', () => {
    /** Returns a process with three self-loops and six neighbours, without positions. */
    function loopedGraph(): IncidentGraph {
      const graph = createFixtureGraph();
      for (const type of ['injectsInto', 'readsMemoryOf', 'hollows']) graph.addDirectedEdge('process-payload', 'process-payload', { type, roles: [] });
      for (let index = 0; index < 6; index++) {
        graph.addNode(`file-${index}`, { kind: 'file', label: `drop-${index}.dll` });
        graph.addDirectedEdge('process-payload', `file-${index}`, { type: 'creates', roles: [] });
      }
      return graph;
    }

    it('widens a node by as far as its outermost loop reaches', () => {
      expect(layoutRadius(ENTITY_RADIUS, 0)).to.equal(ENTITY_RADIUS);
      for (let loops = 1; loops <= 4; loops++) {
        const { radius, rise } = selfLoopGeometry(ENTITY_RADIUS, loops - 1);
        expect(layoutRadius(ENTITY_RADIUS, loops), `${loops} loops`).to.equal(rise + radius);
      }
      expect(layoutRadius(ENTITY_RADIUS, 3)).to.be.closeTo(62.47, 0.01);
    });

    it('gives the layout input and its encoding the wider radius', () => {
      const graph = loopedGraph();
      const wide = layoutRadius(ENTITY_RADIUS, 3);

      const input = layoutInputFromGraph(graph);
      expect(input.nodes.find((node) => node.id === 'process-payload')!.radius).to.equal(wide);
      expect(input.nodes.find((node) => node.id === 'file-0')!.radius).to.equal(ENTITY_RADIUS);

      const encoded = encodeGraphForLayout(graph);
      expect(encoded.radii[encoded.ids.indexOf('process-payload')]).to.equal(wide);
      expect(encoded.radii[encoded.ids.indexOf('file-0')]).to.equal(ENTITY_RADIUS);
    });

    it('keeps every other node off the loops', () => {
      const graph = loopedGraph();
      const positions = new ForceLayout(layoutInputFromGraph(graph)).runToCompletion();
      // The collision force keeps both radii and its padding between the centres.
      const reach = layoutRadius(ENTITY_RADIUS, 3);
      const nearest = Math.min(...graph.nodes().filter((id) => id !== 'process-payload').map((id) => distance(positions, id, 'process-payload')));
      expect(nearest).to.be.greaterThan(reach + 2 * ENTITY_RADIUS);
    });
  });
});

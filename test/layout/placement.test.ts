import { expect } from '@open-wc/testing';
import {
  coolingTicks,
  ForceLayout,
  layoutInputFromGraph,
  layoutQuality,
  positionOf,
  type LayoutInput,
  type LayoutPositions,
} from '../../src/layout/index.js';
import { TREE_LAYER_GAP } from '../../src/layout/tree-placement.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';

function distance(positions: LayoutPositions, a: string, b: string): number {
  const first = positionOf(positions, a)!;
  const second = positionOf(positions, b)!;
  return Math.hypot(first.x - second.x, first.y - second.y);
}

/** Two alerts with eight entities each, one entity shared, and no saved position. */
function twoClusters(): LayoutInput {
  const nodes: LayoutInput['nodes'][number][] = [{ id: 'alert-a', alert: true }, { id: 'alert-b', alert: true }];
  const edges: LayoutInput['edges'][number][] = [];
  for (const cluster of ['a', 'b']) {
    for (let index = 0; index < 8; index++) {
      nodes.push({ id: `${cluster}-${index}` });
      edges.push({ source: `alert-${cluster}`, target: `${cluster}-${index}`, evidence: true });
    }
  }
  nodes.push({ id: 'shared' });
  edges.push({ source: 'alert-a', target: 'shared', evidence: true }, { source: 'alert-b', target: 'shared', evidence: true });
  return { nodes, edges };
}

describe('start placement', () => {
  it('starts entities in their alert cluster', () => {
    const start = new ForceLayout(twoClusters()).positions();

    for (let index = 0; index < 8; index++) {
      expect(distance(start, 'alert-a', `a-${index}`), `a-${index}`).to.be.lessThan(distance(start, 'alert-b', `a-${index}`));
      expect(distance(start, 'alert-b', `b-${index}`), `b-${index}`).to.be.lessThan(distance(start, 'alert-a', `b-${index}`));
    }
  });

  it('starts a shared entity between its alerts', () => {
    const start = new ForceLayout(twoClusters()).positions();
    const between = distance(start, 'alert-a', 'alert-b');

    expect(distance(start, 'alert-a', 'shared')).to.be.lessThan(between);
    expect(distance(start, 'alert-b', 'shared')).to.be.lessThan(between);
  });

  it('starts no two nodes on one point', () => {
    const start = new ForceLayout(layoutInputFromGraph(createFixtureGraph())).positions();
    const points = new Set<string>();
    for (let index = 0; index < start.ids.length; index++) {
      points.add(`${start.coordinates[index * 2]},${start.coordinates[index * 2 + 1]}`);
    }
    expect(points.size).to.equal(start.ids.length);
  });

  it('keeps clusters apart after the run', () => {
    const positions = new ForceLayout(twoClusters()).runToCompletion();
    expect(distance(positions, 'alert-a', 'a-0')).to.be.lessThan(distance(positions, 'alert-b', 'a-0'));
    expect(distance(positions, 'alert-b', 'b-0')).to.be.lessThan(distance(positions, 'alert-a', 'b-0'));
  });

  it('runs fewer ticks for larger graphs', () => {
    expect(coolingTicks(10)).to.equal(90);
    expect(coolingTicks(1000)).to.equal(90);
    expect(coolingTicks(5000)).to.equal(69);
    expect(coolingTicks(10_000)).to.equal(60);
    expect(coolingTicks(50_000)).to.equal(40);
    expect(coolingTicks(1_000_000)).to.equal(40);
  });

  it('settles the fixture without overlaps', () => {
    const input = layoutInputFromGraph(createFixtureGraph());
    const layout = new ForceLayout(input);
    const quality = layoutQuality(layout.runToCompletion(), input.edges, 16);

    expect(layout.ticks).to.be.at.most(coolingTicks(input.nodes.length) + 1);
    expect(quality.overlapShare).to.equal(0);
    expect(quality.edgeLengthCv).to.be.lessThan(0.6);
  });
});

describe('layoutQuality', () => {
  const positions = (coordinates: number[]): LayoutPositions => ({
    ids: coordinates.filter((_value, index) => index % 2 === 0).map((_value, index) => `n${index}`),
    coordinates: Float64Array.from(coordinates),
  });

  it('counts nodes whose discs overlap', () => {
    // n0 and n1 are 10 apart, n2 is far away: two of three nodes overlap at radius 16.
    const quality = layoutQuality(positions([0, 0, 10, 0, 500, 500]), [], 16);
    expect(quality.overlapShare).to.be.closeTo(2 / 3, 1e-12);
  });

  it('finds overlaps across grid cells', () => {
    // 31.9 apart at radius 16, on either side of a cell border at x = 32.
    const quality = layoutQuality(positions([31, 0, 62.9, 0]), [], 16);
    expect(quality.overlapShare).to.equal(1);
  });

  it('gives the spread of edge lengths', () => {
    // Edge lengths 10 and 30: mean 20, standard deviation 10.
    const quality = layoutQuality(
      positions([0, 0, 10, 0, 0, 30]),
      [
        { source: 'n0', target: 'n1' },
        { source: 'n0', target: 'n2' },
        { source: 'n0', target: 'missing' },
        { source: 'n1', target: 'n1' },
      ],
      1,
    );
    expect(quality.edgeLengthCv).to.be.closeTo(0.5, 1e-12);
    expect(quality.overlapShare).to.equal(0);
  });

  it('returns zeros for an empty layout', () => {
    expect(layoutQuality(positions([]), [], 16)).to.deep.equal({ overlapShare: 0, edgeLengthCv: 0 });
  });
});

describe('tree layout', () => {
  const processIds = ['process-explorer', 'process-winword', 'process-powershell', 'process-payload'];

  it('draws the process tree in layers under its device', () => {
    const positions = new ForceLayout(layoutInputFromGraph(createFixtureGraph()), { layout: 'tree' }).runToCompletion();
    const device = positionOf(positions, 'device-ws042')!;

    // explorer.exe is the root; each child sits one layer below its parent.
    processIds.forEach((id, depth) => {
      expect(positionOf(positions, id)!.y, id).to.be.closeTo(device.y + (depth + 1) * TREE_LAYER_GAP, 1e-9);
    });
  });

  it('gives the same tree for two insertion orders', () => {
    const forward = new ForceLayout(layoutInputFromGraph(createFixtureGraph()), { layout: 'tree' }).runToCompletion();
    const reverse = new ForceLayout(layoutInputFromGraph(createFixtureGraph({ reverse: true })), { layout: 'tree' }).runToCompletion();
    expect([...forward.coordinates]).to.deep.equal([...reverse.coordinates]);
  });

  it('places siblings side by side', () => {
    const input: LayoutInput = {
      nodes: [{ id: 'device' }, { id: 'root' }, { id: 'child-1' }, { id: 'child-2' }, { id: 'other' }],
      edges: [
        { source: 'child-1', target: 'root', parent: true },
        { source: 'child-2', target: 'root', parent: true },
        { source: 'root', target: 'device', host: true },
        { source: 'other', target: 'device' },
      ],
    };
    const positions = new ForceLayout(input, { layout: 'tree' }).runToCompletion();
    const root = positionOf(positions, 'root')!;
    const first = positionOf(positions, 'child-1')!;
    const second = positionOf(positions, 'child-2')!;

    expect(first.y).to.equal(second.y);
    expect(first.y).to.equal(root.y + TREE_LAYER_GAP);
    expect(first.x).to.be.lessThan(second.x);
    expect(root.x).to.equal((first.x + second.x) / 2);
  });

  it('survives a parent cycle', () => {
    const input: LayoutInput = {
      nodes: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'a', target: 'b', parent: true },
        { source: 'b', target: 'a', parent: true },
      ],
    };
    const positions = new ForceLayout(input, { layout: 'tree' }).runToCompletion();
    for (const value of positions.coordinates) expect(Number.isFinite(value)).to.be.true;
    expect(Math.abs(positionOf(positions, 'a')!.y - positionOf(positions, 'b')!.y)).to.equal(TREE_LAYER_GAP);
  });

  it('leaves a tree with a held node to the forces', () => {
    const input = layoutInputFromGraph(createFixtureGraph());
    const held = input.nodes.map((node) => (node.id === 'process-winword' ? { ...node, x: 900, y: 900, fixed: true } : node));
    const positions = new ForceLayout({ ...input, nodes: held }, { layout: 'tree' }).runToCompletion();
    expect(positionOf(positions, 'process-winword')).to.deep.equal({ x: 900, y: 900 });
  });
});

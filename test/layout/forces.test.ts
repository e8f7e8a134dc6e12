import { expect } from '@open-wc/testing';
import { forceCollide, forceManyBody } from 'd3-force';
import { flatManyBody } from '../../src/layout/flat-many-body.js';
import { gridCollide, separateOverlaps } from '../../src/layout/grid-collide.js';
import { createLcg } from '../../src/layout/seed.js';

interface TestNode {
  index?: number;
  id: string;
  alert: boolean;
  radius: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
  fx?: number | null;
  fy?: number | null;
}

/** Returns `count` nodes on seeded random points of a square `size` wide. */
function randomNodes(count: number, size: number, seed = 3): TestNode[] {
  const random = createLcg(seed);
  return Array.from({ length: count }, (_, index) => ({
    index,
    id: `n${index}`,
    alert: index % 7 === 0,
    radius: 16,
    x: (random() - 0.5) * size,
    y: (random() - 0.5) * size,
    vx: 0,
    vy: 0,
  }));
}

function copyNodes(nodes: readonly TestNode[]): TestNode[] {
  return nodes.map((node) => ({ ...node }));
}

function closestPair(nodes: readonly TestNode[]): number {
  let closest = Infinity;
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      closest = Math.min(closest, Math.hypot(nodes[a]!.x - nodes[b]!.x, nodes[a]!.y - nodes[b]!.y));
    }
  }
  return closest;
}

describe('flatManyBody', () => {
  it('matches d3 forceManyBody closely', () => {
    const strength = (node: TestNode): number => (node.alert ? -700 : -300);
    const ours = randomNodes(400, 3000);
    const theirs = copyNodes(ours);

    const flat = flatManyBody<TestNode>({ strength, theta: 0.5, distanceMax: Infinity });
    flat.initialize(ours, createLcg(1));
    flat(0.5);
    const reference = forceManyBody<TestNode>().strength(strength).theta(0.5);
    reference.initialize!(theirs, createLcg(1));
    reference(0.5);

    // Both approximate far cells, so compare the size of the error to the size of the push.
    let error = 0;
    let magnitude = 0;
    ours.forEach((node, index) => {
      error += Math.hypot(node.vx - theirs[index]!.vx, node.vy - theirs[index]!.vy);
      magnitude += Math.hypot(theirs[index]!.vx, theirs[index]!.vy);
    });
    expect(magnitude).to.be.greaterThan(0);
    expect(error / magnitude).to.be.below(0.05);
  });

  it('leaves nodes beyond distanceMax alone', () => {
    const nodes: TestNode[] = [
      { id: 'a', alert: false, radius: 16, x: 0, y: 0, vx: 0, vy: 0 },
      { id: 'b', alert: false, radius: 16, x: 500, y: 0, vx: 0, vy: 0 },
    ];
    const force = flatManyBody<TestNode>({ strength: () => -300, theta: 1, distanceMax: 400 });
    force.initialize(nodes, createLcg(1));
    force(1);

    expect(nodes[0]!.vx).to.equal(0);
    expect(nodes[1]!.vx).to.equal(0);
  });

  it('pushes two near nodes apart', () => {
    const nodes: TestNode[] = [
      { id: 'a', alert: false, radius: 16, x: 0, y: 0, vx: 0, vy: 0 },
      { id: 'b', alert: false, radius: 16, x: 100, y: 0, vx: 0, vy: 0 },
    ];
    const force = flatManyBody<TestNode>({ strength: () => -300, theta: 1, distanceMax: 400 });
    force.initialize(nodes, createLcg(1));
    force(1);

    expect(nodes[0]!.vx).to.be.below(0);
    expect(nodes[1]!.vx).to.be.above(0);
  });
});

describe('gridCollide', () => {
  it('moves nodes as d3 forceCollide does', () => {
    // Overlapping pairs far from one another, so the order of visits cannot change the sums.
    const random = createLcg(5);
    const ours: TestNode[] = [];
    for (let pair = 0; pair < 50; pair++) {
      for (let member = 0; member < 2; member++) {
        ours.push({
          index: ours.length,
          id: `n${ours.length}`,
          alert: false,
          radius: 10 + member * 6,
          x: (pair % 10) * 400 + random() * 40,
          y: Math.floor(pair / 10) * 400 + random() * 40,
          vx: random() - 0.5,
          vy: random() - 0.5,
        });
      }
    }
    const theirs = copyNodes(ours);
    const before = copyNodes(ours);

    const grid = gridCollide<TestNode>(22);
    grid.initialize(ours, createLcg(1));
    grid(1);
    const reference = forceCollide<TestNode>((node) => node.radius + 22);
    reference.initialize!(theirs, createLcg(1));
    reference(1);

    ours.forEach((node, index) => {
      expect(node.vx, node.id).to.be.closeTo(theirs[index]!.vx, 1e-9);
      expect(node.vy, node.id).to.be.closeTo(theirs[index]!.vy, 1e-9);
    });
    expect(ours.some((node, index) => node.vx !== before[index]!.vx), 'some pair was pushed').to.be.true;
  });
});

describe('separateOverlaps', () => {
  it('separates a crowded cluster', () => {
    const nodes = randomNodes(30, 400);
    expect(closestPair(nodes)).to.be.below(20);
    separateOverlaps(nodes, 6, 100, createLcg(1));

    // Radii 16 plus padding 6 on both sides: centres end at least 44 apart, give or take a push.
    expect(closestPair(nodes)).to.be.above(40);
  });

  it('keeps held nodes and velocities', () => {
    const nodes: TestNode[] = [
      { id: 'held', alert: false, radius: 16, x: 0, y: 0, vx: 1, vy: 2, fx: 0, fy: 0 },
      { id: 'free', alert: false, radius: 16, x: 10, y: 0, vx: 3, vy: 4 },
    ];
    separateOverlaps(nodes, 6, 10, createLcg(1));

    expect(nodes[0]!.x).to.equal(0);
    expect(nodes[0]!.y).to.equal(0);
    expect(nodes[1]!.x).to.be.above(10);
    expect([nodes[0]!.vx, nodes[0]!.vy, nodes[1]!.vx, nodes[1]!.vy]).to.deep.equal([1, 2, 3, 4]);
  });

  it('repeats for one input', () => {
    const first = randomNodes(200, 300);
    const second = copyNodes(first);
    separateOverlaps(first, 6, 8, createLcg(1));
    separateOverlaps(second, 6, 8, createLcg(1));

    expect(first.map((node) => [node.x, node.y])).to.deep.equal(second.map((node) => [node.x, node.y]));
  });
});

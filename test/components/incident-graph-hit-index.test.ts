import { expect } from '@open-wc/testing';
import { HitIndex } from '../../src/components/incident-graph/hit-index.js';
import { seededRandom } from '../security/fuzz-mutations.js';

interface TestCircle {
  id: number;
  x: number;
  y: number;
  radius: number;
}

/** Returns the expected hit from a scan of every circle: the smallest distance relative to radius, the later one on a tie. */
function bruteForce(circles: readonly TestCircle[], point: { x: number; y: number }): TestCircle | undefined {
  let best: TestCircle | undefined;
  let bestRatio = Infinity;
  circles.forEach((circle) => {
    const ratio = Math.hypot(circle.x - point.x, circle.y - point.y) / circle.radius;
    if (ratio <= 1 && ratio <= bestRatio) {
      bestRatio = ratio;
      best = circle;
    }
  });
  return best;
}

describe('incident graph hit index', () => {
  it('finds what a scan of every circle finds, for circles of mixed radii', () => {
    const random = seededRandom(7);
    const circles: TestCircle[] = Array.from({ length: 2000 }, (_, id) => ({
      id,
      x: (random() - 0.5) * 4000,
      y: (random() - 0.5) * 3000,
      radius: random() < 0.1 ? 22 : 14,
    }));
    const index = new HitIndex(circles);

    let hits = 0;
    for (let probe = 0; probe < 5000; probe++) {
      // Half the probes land near a circle, so hits and misses are both tested.
      const near = circles[Math.floor(random() * circles.length)]!;
      const point =
        probe % 2 === 0
          ? { x: near.x + (random() - 0.5) * 3 * near.radius, y: near.y + (random() - 0.5) * 3 * near.radius }
          : { x: (random() - 0.5) * 4200, y: (random() - 0.5) * 3200 };
      const expected = bruteForce(circles, point);
      expect(index.find(point)?.id, `probe ${probe} at ${point.x}, ${point.y}`).to.equal(expected?.id);
      if (expected) hits++;
    }
    expect(hits).to.be.greaterThan(1000);
  });

  it('is exact to the radius, on each side of a cell border', () => {
    // Radius 10 makes cells 10 units wide, so these centres sit on cell borders.
    const circles = [
      { id: 0, x: 0, y: 0, radius: 10 },
      { id: 1, x: -30, y: 20, radius: 10 },
    ];
    const index = new HitIndex(circles);

    expect(index.find({ x: 10, y: 0 })?.id).to.equal(0);
    expect(index.find({ x: 10.01, y: 0 })).to.equal(undefined);
    expect(index.find({ x: -9.99, y: 0 })?.id).to.equal(0);
    expect(index.find({ x: -30, y: 10 })?.id).to.equal(1);
    expect(index.find({ x: -30, y: 9.9 })).to.equal(undefined);
  });

  it('prefers the circle whose centre is nearer relative to its radius', () => {
    const index = new HitIndex([
      { id: 0, x: 0, y: 0, radius: 20 },
      { id: 1, x: 12, y: 0, radius: 10 },
    ]);

    // 9 units from circle 0 (ratio 0.45) and 3 from circle 1 (ratio 0.3).
    expect(index.find({ x: 9, y: 0 })?.id).to.equal(1);
    // 4 units from circle 0 (ratio 0.2) and 8 from circle 1 (ratio 0.8).
    expect(index.find({ x: 4, y: 0 })?.id).to.equal(0);
  });

  it('gives a circle on top of another to the one drawn last', () => {
    const index = new HitIndex([
      { id: 0, x: 5, y: 5, radius: 14 },
      { id: 1, x: 5, y: 5, radius: 14 },
      { id: 2, x: 5, y: 5, radius: 14 },
    ]);

    expect(index.find({ x: 6, y: 6 })?.id).to.equal(2);
  });

  it('finds nothing when empty or not finite', () => {
    expect(new HitIndex([]).find({ x: 0, y: 0 })).to.equal(undefined);
    const index = new HitIndex([{ id: 0, x: 0, y: 0, radius: 10 }]);
    expect(index.find({ x: Number.NaN, y: 0 })).to.equal(undefined);
    expect(index.find({ x: Infinity, y: 0 })).to.equal(undefined);
  });

  it('finds circles far from the origin', () => {
    const circles = Array.from({ length: 50 }, (_, id) => ({ id, x: 1e7 + id * 40, y: -5e6 - id * 40, radius: 14 }));
    const index = new HitIndex(circles);

    for (const circle of circles) expect(index.find({ x: circle.x + 13, y: circle.y })?.id).to.equal(circle.id);
    expect(index.find({ x: 1e7 + 20, y: -5e6 - 20 })).to.equal(undefined);
  });
});

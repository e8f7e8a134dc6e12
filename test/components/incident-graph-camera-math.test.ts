import { expect } from '@open-wc/testing';
import {
  cameraHolding,
  clampScale,
  pinchCamera,
  PINCH_MAX_DELTA,
  wheelZoomFactor,
  worldAt,
  zoomAround,
} from '../../src/components/incident-graph/camera-math.js';

const LIMITS = { minZoom: 0.1, maxZoom: 8 };

describe('incident graph camera math', () => {
  describe('wheelZoomFactor', () => {
    it('scales pixel deltas by 0.002', () => {
      expect(wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).to.be.closeTo(2 ** 0.2, 1e-12);
      expect(wheelZoomFactor({ deltaY: 100, deltaMode: 0, ctrlKey: false })).to.be.closeTo(2 ** -0.2, 1e-12);
    });

    it('scales line deltas by 0.05', () => {
      expect(wheelZoomFactor({ deltaY: -3, deltaMode: 1, ctrlKey: false })).to.be.closeTo(2 ** 0.15, 1e-12);
    });

    it('scales page deltas by 1', () => {
      expect(wheelZoomFactor({ deltaY: -1, deltaMode: 2, ctrlKey: false })).to.equal(2);
    });

    it('zooms ten times faster for a trackpad pinch', () => {
      expect(wheelZoomFactor({ deltaY: -10, deltaMode: 0, ctrlKey: true })).to.be.closeTo(2 ** 0.2, 1e-12);
      expect(wheelZoomFactor({ deltaY: PINCH_MAX_DELTA - 1, deltaMode: 0, ctrlKey: true })).to.be.closeTo(2 ** -0.98, 1e-12);
    });

    it('zooms a mouse notch with Ctrl as one without', () => {
      expect(wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: true })).to.be.closeTo(2 ** 0.2, 1e-12);
      expect(wheelZoomFactor({ deltaY: PINCH_MAX_DELTA, deltaMode: 0, ctrlKey: true })).to.be.closeTo(2 ** -0.1, 1e-12);
      expect(wheelZoomFactor({ deltaY: 3, deltaMode: 1, ctrlKey: true })).to.be.closeTo(2 ** -0.15, 1e-12);
    });

    it('returns 1 for no delta', () => {
      expect(wheelZoomFactor({ deltaY: 0, deltaMode: 0, ctrlKey: false })).to.equal(1);
    });
  });

  describe('clampScale', () => {
    it('keeps a scale inside the limits', () => {
      expect(clampScale(2, LIMITS)).to.equal(2);
    });

    it('clamps to either limit', () => {
      expect(clampScale(0.01, LIMITS)).to.equal(0.1);
      expect(clampScale(20, LIMITS)).to.equal(8);
    });
  });

  describe('worldAt and cameraHolding', () => {
    it('inverts the camera', () => {
      expect(worldAt({ x: 100, y: 50, k: 2 }, { x: 140, y: 90 })).to.deep.equal({ x: 20, y: 20 });
    });

    it('draws the world point at the screen point', () => {
      const camera = cameraHolding({ x: 20, y: -10 }, { x: 300, y: 200 }, 4);
      expect(camera).to.deep.equal({ x: 220, y: 240, k: 4 });
      expect(worldAt(camera, { x: 300, y: 200 })).to.deep.equal({ x: 20, y: -10 });
    });
  });

  describe('zoomAround', () => {
    it('keeps the world point under the pointer', () => {
      const camera = { x: 120, y: 100, k: 1 };
      const point = { x: 300, y: 200 };
      const next = zoomAround(camera, 2, point, LIMITS);

      expect(next.k).to.equal(2);
      expect(worldAt(next, point)).to.deep.equal(worldAt(camera, point));
    });

    it('stops at the maximum zoom', () => {
      const next = zoomAround({ x: 0, y: 0, k: 6 }, 2, { x: 10, y: 10 }, LIMITS);
      const world = worldAt(next, { x: 10, y: 10 });
      expect(next.k).to.equal(8);
      expect(world.x).to.be.closeTo(10 / 6, 1e-12);
      expect(world.y).to.be.closeTo(10 / 6, 1e-12);
    });

    it('returns the same camera at a limit', () => {
      const camera = { x: 5, y: 5, k: 0.1 };
      expect(zoomAround(camera, 0.5, { x: 10, y: 10 }, LIMITS)).to.equal(camera);
    });
  });

  describe('pinchCamera', () => {
    const loci = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ] as const;

    it('keeps the fingers over their world points', () => {
      const points = [
        { x: 50, y: 100 },
        { x: 250, y: 100 },
      ] as const;
      const camera = pinchCamera({ x: 0, y: 0, k: 1 }, loci, points, LIMITS);

      expect(camera).to.deep.equal({ x: 50, y: 100, k: 2 });
      expect(worldAt(camera, points[0])).to.deep.equal(loci[0]);
      expect(worldAt(camera, points[1])).to.deep.equal(loci[1]);
    });

    it('follows a rotation with the midpoint', () => {
      // The fingers turn a quarter around their midpoint, so the scale and the midpoint stay.
      const points = [
        { x: 300, y: 150 },
        { x: 300, y: 250 },
      ] as const;
      const camera = pinchCamera({ x: 0, y: 0, k: 1 }, loci, points, LIMITS);

      expect(camera).to.deep.equal({ x: 250, y: 200, k: 1 });
    });

    it('keeps the midpoint when clamped', () => {
      const points = [
        { x: 0, y: 0 },
        { x: 2000, y: 0 },
      ] as const;
      const camera = pinchCamera({ x: 0, y: 0, k: 1 }, loci, points, LIMITS);

      expect(camera.k).to.equal(8);
      expect(worldAt(camera, { x: 1000, y: 0 })).to.deep.equal({ x: 50, y: 0 });
    });

    it('keeps the scale for loci at one point', () => {
      const points = [
        { x: 10, y: 10 },
        { x: 30, y: 10 },
      ] as const;
      const same = [
        { x: 5, y: 5 },
        { x: 5, y: 5 },
      ] as const;
      const camera = pinchCamera({ x: 0, y: 0, k: 3 }, same, points, LIMITS);

      expect(camera).to.deep.equal({ x: 5, y: -5, k: 3 });
    });
  });
});

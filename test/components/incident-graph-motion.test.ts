import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { lastDrawStats } from '../../src/components/incident-graph/draw.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { MotionCache, REFINE_DELAY_MS, type SceneKey } from '../../src/components/incident-graph/motion-cache.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../src/model/graph-types.js';
import { mountGraph, nextFrames, pixelAt, WIDTH, HEIGHT } from './incident-graph-helpers.js';

/** Two malicious devices 200 world units apart, laid out already. */
function pairGraph(): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({
    multi: true,
    type: 'directed',
    allowSelfLoops: true,
  });
  graph.addNode('left', { kind: 'device', label: 'left', verdict: 'malicious', x: -100, y: 0 });
  graph.addNode('right', { kind: 'device', label: 'right', verdict: 'malicious', x: 100, y: 0 });
  graph.addEdge('left', 'right', { type: 'communicatesWith', roles: [] });
  return graph;
}

function contextOf(element: IncidentGraphElement): CanvasRenderingContext2D {
  return element.shadowRoot!.querySelector('canvas')!.getContext('2d')!;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const KEY: SceneKey = { display: {}, width: 400, height: 300, pixelRatio: 1, state: '' };

describe('il-incident-graph motion cache', () => {
  it('moves the picture, then redraws at rest', async () => {
    const element = await mountGraph({ graph: pairGraph() });
    element.motion.cheapDrawMs = -1;
    element.camera = { x: WIDTH / 2, y: HEIGHT / 2, k: 1 };
    await wait(REFINE_DELAY_MS + 50);
    await nextFrames();

    // A single jump redraws in full. The next move makes a motion, so the cached picture moves,
    // and the copy shows the right node 30 pixels further right.
    element.camera = { x: WIDTH / 2 + 15, y: HEIGHT / 2, k: 1 };
    await nextFrames();
    const fullStats = lastDrawStats(contextOf(element));
    const reusedBefore = element.motion.reusedFrames;
    element.camera = { x: WIDTH / 2 + 30, y: HEIGHT / 2, k: 1 };
    await nextFrames();
    expect(element.motion.reusedFrames).to.be.greaterThan(reusedBefore);
    expect(lastDrawStats(contextOf(element))).to.equal(fullStats);
    const centre = element.toScreen('right')!;
    expect(centre.x).to.equal(WIDTH / 2 + 130);
    const [red, green, blue] = pixelAt(element, { x: centre.x, y: centre.y - 16 });
    const [bgRed, bgGreen, bgBlue] = pixelAt(element, { x: 10, y: 10 });
    expect([red, green, blue]).to.not.deep.equal([bgRed, bgGreen, bgBlue]);

    await wait(REFINE_DELAY_MS + 50);
    await nextFrames();
    expect(lastDrawStats(contextOf(element))).to.not.equal(fullStats);
  });

  it('redraws every frame when cheap', async () => {
    const element = await mountGraph({ graph: pairGraph() });
    element.motion.cheapDrawMs = 1000;
    const before = lastDrawStats(contextOf(element));
    element.camera = { x: 10, y: 10, k: 1 };
    await nextFrames();
    expect(element.motion.reusedFrames).to.equal(0);
    expect(lastDrawStats(contextOf(element))).to.not.equal(before);
  });

  it('redraws on scene change mid-motion', async () => {
    const element = await mountGraph({ graph: pairGraph() });
    element.motion.cheapDrawMs = -1;
    element.camera = { x: WIDTH / 2, y: HEIGHT / 2, k: 1 };
    await nextFrames();
    element.camera = { x: WIDTH / 2 + 2, y: HEIGHT / 2, k: 1 };
    await nextFrames();
    const before = lastDrawStats(contextOf(element));

    element.search = 'left';
    element.camera = { x: WIDTH / 2 + 5, y: HEIGHT / 2, k: 1 };
    await element.updateComplete;
    await nextFrames();
    expect(lastDrawStats(contextOf(element))).to.not.equal(before);
  });

  describe('MotionCache', () => {
    function keptCache(): MotionCache {
      const cache = new MotionCache();
      cache.cheapDrawMs = -1;
      const canvas = document.createElement('canvas');
      canvas.width = KEY.width;
      canvas.height = KEY.height;
      cache.keep(canvas, KEY, { x: 0, y: 0, k: 1 }, 20);
      cache.noteCameraMove(990);
      cache.noteCameraMove(1000);
      return cache;
    }

    it('reuses picture for small moves', () => {
      expect(keptCache().canReuse(KEY, { x: 20, y: -10, k: 1.2 }, 1010)).to.equal(true);
    });

    it('rejects a single camera jump', () => {
      const cache = keptCache();
      cache.noteCameraMove(1000 + REFINE_DELAY_MS * 3);
      expect(cache.canReuse(KEY, { x: 20, y: 0, k: 1 }, 1001 + REFINE_DELAY_MS * 3)).to.equal(false);
    });

    it('rejects unsuitable reuse cases', () => {
      // Too late after the last camera move, another scene state, a zoom out of range, and pans
      // too far on each axis.
      const cache = keptCache();
      expect(cache.canReuse(KEY, { x: 20, y: 0, k: 1 }, 1000 + REFINE_DELAY_MS)).to.equal(false);
      expect(cache.canReuse({ ...KEY, state: 'hovered' }, { x: 20, y: 0, k: 1 }, 1010)).to.equal(false);
      expect(cache.canReuse(KEY, { x: 0, y: 0, k: 2.5 }, 1010)).to.equal(false);
      expect(cache.canReuse(KEY, { x: 0, y: 0, k: 0.45 }, 1010)).to.equal(false);
      expect(cache.canReuse(KEY, { x: KEY.width * 0.4, y: 0, k: 1 }, 1010)).to.equal(false);
      expect(cache.canReuse(KEY, { x: 0, y: -KEY.height * 0.4, k: 1 }, 1010)).to.equal(false);
    });

    it('keeps no picture after a cheap redraw', () => {
      const cache = keptCache();
      cache.cheapDrawMs = 8;
      const canvas = document.createElement('canvas');
      cache.keep(canvas, KEY, { x: 0, y: 0, k: 1 }, 3);
      expect(cache.canReuse(KEY, { x: 1, y: 0, k: 1 }, 1010)).to.equal(false);
    });
  });
});

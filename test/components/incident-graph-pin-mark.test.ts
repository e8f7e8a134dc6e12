import { expect } from '@open-wc/testing';
import { RING_GAP } from '../../src/components/incident-graph/draw-nodes.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';
import { mountGraph, nextFrames, pixelAt } from './incident-graph-helpers.js';

describe('<il-incident-graph> pinned nodes', () => {
  it('draws a pin on a pinned node', async () => {
    const graph = createFixtureGraph();
    const element = await mountGraph({ graph });
    element.camera = { x: 0, y: 0, k: 1 };
    const center = element.toScreen('ip-c2')!;
    element.camera = { x: 200 - center.x, y: 150 - center.y, k: 1 };
    await nextFrames();

    const node = element.display.byId.get('ip-c2')!;
    const offset = (node.radius + RING_GAP) * Math.SQRT1_2;
    const pin = { x: 200 - offset, y: 150 - offset };
    const before = pixelAt(element, pin);

    graph.setNodeAttribute('ip-c2', 'fixed', true);
    await nextFrames();
    expect(element.display.byId.get('ip-c2')!.pinned).to.equal(true);
    expect(pixelAt(element, pin)).to.not.deep.equal(before);

    graph.setNodeAttribute('ip-c2', 'fixed', false);
    await nextFrames();
    expect(pixelAt(element, pin)).to.deep.equal(before);
  });
});

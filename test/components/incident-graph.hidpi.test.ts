import { expect } from '@open-wc/testing';
import '../helpers/shared-data.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';
import { clickAt, HEIGHT, mountGraph, pagePosition, pixelAt, recordSelectionEvents, WIDTH } from './incident-graph-helpers.js';

// Runs in the high-DPI browser group, whose pages have a devicePixelRatio of 2.
describe('<il-incident-graph> at device scale factor 2', () => {
  // Outside that group (a run that names this file directly) the tests skip, and on CI they fail.
  before(function () {
    if (window.devicePixelRatio === 2) return;
    const message = `Expected devicePixelRatio 2 (got ${window.devicePixelRatio}). Run this file in the high-DPI group.`;
    if (window.__IL_CI__) throw new Error(message);
    console.warn(`Skipped: ${message}`);
    this.skip();
  });

  it('doubles the backing store', async () => {
    const element = await mountGraph({ graph: createFixtureGraph() });
    const canvas = element.shadowRoot!.querySelector('canvas')!;

    expect(canvas.clientWidth).to.equal(WIDTH);
    expect(canvas.clientHeight).to.equal(HEIGHT);
    expect(canvas.width).to.equal(WIDTH * 2);
    expect(canvas.height).to.equal(HEIGHT * 2);
  });

  it('draws nodes where toScreen puts them', async () => {
    const element = await mountGraph({ graph: createFixtureGraph() });
    const background = pixelAt(element, { x: 1, y: 1 });
    expect(pixelAt(element, element.toScreen('device-ws042')!)).to.not.deep.equal(background);
  });

  it('hits nodes in CSS pixels', async () => {
    const element = await mountGraph({ graph: createFixtureGraph() });
    const events = recordSelectionEvents(element);
    await clickAt(pagePosition(element, 'file-payload'));
    expect(events).to.deep.equal([{ entityIds: ['file-payload'], alertIds: [] }]);
  });
});

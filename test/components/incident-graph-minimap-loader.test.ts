import { expect } from '@open-wc/testing';
import { nothing } from 'lit';
import { EdgeTable, type DisplayModel, type NodeView } from '../../src/components/incident-graph/display-model.js';
import { MINIMAP_NODE_THRESHOLD, MinimapLoader, type MinimapLoaderHost } from '../../src/components/incident-graph/minimap-loader.js';

/** Returns a display model of `count` nodes on a row. Only the node count matters here. */
function displayOf(count: number): DisplayModel {
  const nodes = Array.from({ length: count }, (_, index) => ({ id: `n${index}`, x: index * 40, y: 0, radius: 16 }) as NodeView);
  return { nodes, edges: EdgeTable.empty(), byId: new Map(nodes.map((node) => [node.id, node])), alertCount: 0, entityCount: count };
}

/** Returns a host whose `requestUpdate` resolves `updated`, as the element re-renders once the code has loaded. */
function hostOf(display: DisplayModel): { host: MinimapLoaderHost; updated: Promise<void> } {
  let resolveUpdated!: () => void;
  const updated = new Promise<void>((resolve) => (resolveUpdated = resolve));
  const host = {
    localName: 'il-incident-graph',
    display,
    surface: { width: 640, height: 400 },
    zoomCamera: { camera: { x: 0, y: 0, k: 1 }, panBy: () => {} },
    scheduleFrame: () => {},
    drawMinimap: () => {},
    requestUpdate: () => resolveUpdated(),
  };
  return { host, updated };
}

describe('incident graph minimap loader', () => {
  it('hides the minimap of a small graph', () => {
    const { host } = hostOf(displayOf(3));
    const loader = new MinimapLoader(host);

    expect(loader.shown(false)).to.be.false;
    expect(loader.render(false)).to.equal(nothing);
    expect(loader.ready(false)).to.be.true;
  });

  it('shows the minimap of a large graph', () => {
    const { host } = hostOf(displayOf(MINIMAP_NODE_THRESHOLD + 1));
    expect(new MinimapLoader(host).shown(false)).to.be.true;
  });

  it('shows a requested minimap', () => {
    const { host } = hostOf(displayOf(3));
    expect(new MinimapLoader(host).shown(true)).to.be.true;
  });

  it('renders the canvas once loaded', async () => {
    const { host, updated } = hostOf(displayOf(3));
    const loader = new MinimapLoader(host);

    if (loader.render(true) === nothing) await updated;

    expect(loader.ready(true)).to.be.true;
    expect(loader.render(true)).to.not.equal(nothing);
  });

  it('renders at once when loaded', async () => {
    // An earlier test may have loaded the code already, and then nothing waits for an update.
    const first = hostOf(displayOf(3));
    if (new MinimapLoader(first.host).render(true) === nothing) await first.updated;
    const { host } = hostOf(displayOf(3));
    const loader = new MinimapLoader(host);

    expect(loader.render(true)).to.not.equal(nothing);
    expect(loader.ready(true)).to.be.true;
  });
});

import { expect } from '@open-wc/testing';
import { nothing } from 'lit';
import { EdgeTable, type DisplayModel, type NodeView } from '../../src/components/incident-graph/display-model.js';
import { MINIMAP_NODE_THRESHOLD, MinimapLoader, type MinimapLoaderHost } from '../../src/components/incident-graph/minimap-loader.js';
import { DEFERRED_LAYER_MIN_NODES, Minimap } from '../../src/components/incident-graph/minimap.js';
import { readPalette } from '../../src/components/incident-graph/palette.js';

/** Returns a display model of `count` nodes on a row, or on a column. */
function displayOf(count: number, column = false): DisplayModel {
  const nodes = Array.from({ length: count }, (_, index) => ({ id: `n${index}`, x: column ? 0 : index * 40, y: column ? index * 40 : 0, radius: 16 }) as NodeView);
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

describe('incident graph minimap dots', () => {
  /** Returns the minimap's pixels that differ from its first one, the background. */
  function dotPixels(canvas: HTMLCanvasElement): number {
    const pixels = new Uint32Array(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    return pixels.filter((pixel) => pixel !== pixels[0]).length;
  }

  it('defers a large model\'s first dots', async () => {
    // A frame of a running layout passes `reuse` to keep the dots it has. With none yet, the minimap of
    // 50,000 nodes was drawn within that frame's task, which then took 30 ms more.
    const { host } = hostOf(displayOf(DEFERRED_LAYER_MIN_NODES + 1));
    const minimap = new Minimap(host);
    const canvas = document.createElement('canvas');
    document.body.append(canvas);

    try {
      minimap.draw(canvas, readPalette(document.body), 1, { reuse: true });
      expect(dotPixels(canvas), 'dots drawn within the frame').to.equal(0);

      // The dots are written a slice per task, in as many tasks as their time needs.
      for (let task = 0; task < 20 && dotPixels(canvas) === 0; task++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(dotPixels(canvas), 'dots drawn in the tasks after').to.be.greaterThan(0);
    } finally {
      canvas.remove();
    }
  });

  it('keeps the old dots until the new ones are done', async () => {
    const { host } = hostOf(displayOf(DEFERRED_LAYER_MIN_NODES + 1));
    const minimap = new Minimap(host);
    const canvas = document.createElement('canvas');
    document.body.append(canvas);
    const palette = readPalette(document.body);
    const untilDrawn = async (drawn: () => boolean): Promise<void> => {
      for (let task = 0; task < 40 && !drawn(); task++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    /** True when the middle column of the minimap has more dot pixels than its middle row: a column of nodes. */
    const showsColumn = (): boolean => {
      const pixels = new Uint32Array(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
      let inColumn = 0;
      let inRow = 0;
      for (let y = 0; y < canvas.height; y++) if (pixels[y * canvas.width + canvas.width / 2] !== pixels[0]) inColumn++;
      for (let x = 0; x < canvas.width; x++) if (pixels[(canvas.height / 2) * canvas.width + x] !== pixels[0]) inRow++;
      return inColumn > inRow;
    };

    try {
      minimap.draw(canvas, palette, 1);
      await untilDrawn(() => dotPixels(canvas) > 0);
      expect(showsColumn(), 'the first model, a row').to.equal(false);

      // A model replaced before its dots were written gives way to the next one.
      (host as { display: DisplayModel }).display = displayOf(3 * DEFERRED_LAYER_MIN_NODES);
      minimap.draw(canvas, palette, 1);
      (host as { display: DisplayModel }).display = displayOf(3 * DEFERRED_LAYER_MIN_NODES, true);
      minimap.draw(canvas, palette, 1);
      expect(showsColumn(), 'the row, until the column is written').to.equal(false);

      await untilDrawn(showsColumn);
      expect(showsColumn(), 'the last model, a column').to.equal(true);
    } finally {
      canvas.remove();
    }
  });

  it('draws a small model\'s dots at once', () => {
    const { host } = hostOf(displayOf(DEFERRED_LAYER_MIN_NODES));
    const canvas = document.createElement('canvas');

    new Minimap(host).draw(canvas, readPalette(document.body), 1, { reuse: true });

    expect(dotPixels(canvas)).to.be.greaterThan(0);
  });
});

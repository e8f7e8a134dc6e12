import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import Graph from 'graphology';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { lastDrawStats } from '../../src/components/incident-graph/draw.js';
import { DEFERRED_LAYER_MIN_NODES } from '../../src/components/incident-graph/minimap.js';
import { MINIMAP_NODE_THRESHOLD } from '../../src/components/incident-graph/minimap-loader.js';
import type {
  IncidentEdgeAttributes,
  IncidentGraph,
  IncidentGraphAttributes,
  IncidentNodeAttributes,
} from '../../src/model/graph-types.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { mountGraph, nextFrames, pixelAt, recordSelectionEvents } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';

/** Entity radius in world units, as the layout and the drawing use it. */
const ENTITY_RADIUS = 16;

function listboxName(element: IncidentGraphElement): string | null {
  return element.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label');
}

/** Returns a graph of `count` entities on a grid with saved positions. */
function createGridGraph(count: number): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({
    multi: true,
    type: 'directed',
  });
  for (let index = 0; index < count; index++) {
    graph.addNode(`n${index}`, { kind: 'ip', label: `10.0.0.${index}`, x: (index % 20) * 60, y: Math.floor(index / 20) * 60 });
  }
  return graph;
}

describe('<il-incident-graph> view interaction', () => {
  describe('hit testing', () => {
    let scroller: HTMLElement | undefined;

    afterEach(() => {
      window.scrollTo(0, 0);
      scroller?.remove();
      scroller = undefined;
    });

    /** Mounts the graph inside a shadow root, below the fold, and scrolls the page by 300 px. */
    async function mountInShadowScrolled(): Promise<IncidentGraphElement> {
      scroller = document.createElement('div');
      scroller.style.cssText = 'height: 3000px; padding-top: 500px;';
      const host = document.createElement('div');
      scroller.append(host);
      document.body.append(scroller);
      const root = host.attachShadow({ mode: 'open' });
      const element = document.createElement('il-incident-graph') as IncidentGraphElement;
      element.style.cssText = 'width: 640px; height: 400px;';
      element.graph = createPositionedGraph();
      root.append(element);
      await element.layoutSettled;
      await element.rendered;
      window.scrollTo(0, 300);
      await nextFrames();
      return element;
    }

    for (const k of [1, 2]) {
      it(`is exact to 1 px at zoom ${k} in a scrolled shadow root`, async () => {
        const element = await mountInShadowScrolled();
        element.camera = { x: 300, y: 200, k };
        await nextFrames();
        expect(window.scrollY).to.equal(300);
        const events = recordSelectionEvents(element);
        const rect = element.getBoundingClientRect();
        // `device` sits at world (0, 0): its centre is at (300, 200) in the element.
        const radius = ENTITY_RADIUS * k;

        await sendMouse({ type: 'click', position: [Math.round(rect.left + 300 + radius + 1), Math.round(rect.top + 200)] });
        expect(events, 'click 1 px outside the node').to.deep.equal([]);

        await sendMouse({ type: 'click', position: [Math.round(rect.left + 300 + radius - 1), Math.round(rect.top + 200)] });
        expect(events, 'click 1 px inside the node').to.deep.equal([{ entityIds: ['device'], alertIds: [] }]);

        await sendMouse({ type: 'click', position: [Math.round(rect.left + 300), Math.round(rect.top + 200 - radius + 1)] });
        expect(events.length, 'click 1 px inside the top edge changes nothing more').to.equal(1);

        await sendMouse({ type: 'click', position: [Math.round(rect.left + 300), Math.round(rect.top + 200 - radius - 1)] });
        expect(events.at(-1), 'click 1 px above the top edge clears').to.deep.equal({ entityIds: [], alertIds: [] });
      });
    }
  });

  describe('search', () => {
    it('dims what does not match, ignoring case', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      element.search = 'WS-0';
      await element.updateComplete;
      await nextFrames();

      const dimmed = element.display.nodes.filter((node) => node.dimmed).map((node) => node.id);
      expect(dimmed).to.have.members(['alert-1', 'user', 'file', 'ip']);
      expect(element.display.byId.get('device')!.dimmed).to.be.false;

      element.search = 'ws-01';
      await element.updateComplete;
      await nextFrames();
      expect(element.display.byId.get('device')!.dimmed).to.be.false;
      expect(element.display.byId.get('user')!.dimmed).to.be.true;
    });

    it('matches ids as well as labels', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      element.search = 'ALERT-';
      await element.updateComplete;
      await nextFrames();

      expect(element.display.nodes.filter((node) => !node.dimmed).map((node) => node.id)).to.deep.equal(['alert-1']);
    });

    it('says in the name how many match', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const counts = 'Incident graph: 1 alert, 4 entities';
      expect(listboxName(element)).to.equal(counts);

      element.search = 'E';
      await element.updateComplete;
      // jdoe, invoice.docm, the alert's label and the id "device" contain an e; "ip" and 203.0.113.7 do not.
      expect(listboxName(element)).to.equal(`${counts}. 4 nodes match the search.`);

      element.search = 'jdoe';
      await element.updateComplete;
      expect(listboxName(element)).to.equal(`${counts}. 1 node matches the search.`);

      element.search = 'nothing like this';
      await element.updateComplete;
      expect(listboxName(element)).to.equal(`${counts}. No node matches the search.`);

      element.search = '  ';
      await element.updateComplete;
      expect(listboxName(element)).to.equal(counts);
    });

    it('reads the search attribute', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      element.setAttribute('search', 'invoice');
      await element.updateComplete;
      await nextFrames();

      expect(element.display.nodes.filter((node) => !node.dimmed).map((node) => node.id)).to.deep.equal(['file']);
    });

    it('draws a ring around matches', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      element.camera = { x: 300, y: 200, k: 1 };
      await nextFrames();
      // A point on the search ring of `device`, 16 + 3.5 + 8 = 27.5 world units from its centre.
      const onRing = { x: 300 + 27.5, y: 200 };
      const before = pixelAt(element, onRing);

      element.search = 'WS-01';
      await element.updateComplete;
      await nextFrames();

      expect(pixelAt(element, onRing)).to.not.deep.equal(before);
    });

    it('fires no event when the search is set', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const events = recordSelectionEvents(element);
      element.search = 'jdoe';
      await element.updateComplete;
      await nextFrames();
      expect(events).to.deep.equal([]);
    });
  });

  describe('minimap', () => {
    it('is absent for a small graph', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="minimap"]')).to.be.null;
    });

    it('shows with the minimap attribute', async () => {
      const element = await fixture<IncidentGraphElement>(html`
        <il-incident-graph minimap style=${styleProperties({ width: '640px', height: '400px' })} .graph=${createPositionedGraph()}></il-incident-graph>
      `);
      await element.rendered;
      await element.updateComplete;
      const minimap = element.shadowRoot!.querySelector<HTMLCanvasElement>('[part="minimap"]');
      expect(minimap).to.exist;
      expect(minimap!.clientWidth).to.equal(160);
      expect(minimap!.clientHeight).to.equal(120);
    });

    it('shows by itself above the node threshold', async () => {
      const element = await mountGraph({ graph: createGridGraph(MINIMAP_NODE_THRESHOLD + 1) });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="minimap"]')).to.exist;
    });

    it('draws itself without redrawing the main canvas', async () => {
      const element = await mountGraph({ graph: createGridGraph(MINIMAP_NODE_THRESHOLD + 1) });
      await element.rendered;
      const mainContext = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="canvas"]')!.getContext('2d')!;
      const statsAfterFirstFrame = lastDrawStats(mainContext);
      await element.updateComplete;
      await nextFrames();

      const minimap = element.shadowRoot!.querySelector<HTMLCanvasElement>('[part="minimap"]')!;
      const pixels = new Uint32Array(minimap.getContext('2d')!.getImageData(0, 0, minimap.width, minimap.height).data.buffer);
      const background = pixels[0];
      const drawn = pixels.filter((pixel) => pixel !== background).length;
      expect(drawn, 'pixels of the minimap other than its background').to.be.greaterThan(0);
      expect(lastDrawStats(mainContext), 'the main scene was not drawn again').to.equal(statsAfterFirstFrame);
    });

    it('draws a large graph after the first frame', async () => {
      const element = await mountGraph({ graph: createGridGraph(DEFERRED_LAYER_MIN_NODES + 500) });
      await element.rendered;
      await element.updateComplete;
      const minimap = element.shadowRoot!.querySelector<HTMLCanvasElement>('[part="minimap"]')!;
      const drawn = (): number => {
        const pixels = new Uint32Array(minimap.getContext('2d')!.getImageData(0, 0, minimap.width, minimap.height).data.buffer);
        return pixels.filter((pixel) => pixel !== pixels[0]).length;
      };

      // The dots are written a slice per task, in as many tasks as their time needs.
      for (let task = 0; task < 20 && drawn() === 0; task++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(drawn(), 'pixels of the minimap other than its background').to.be.greaterThan(0);
    });

    it('centres the main view where it is clicked', async () => {
      const element = await mountGraph({ graph: createGridGraph(MINIMAP_NODE_THRESHOLD + 1) });
      await element.updateComplete;
      await nextFrames();
      const minimap = element.shadowRoot!.querySelector<HTMLCanvasElement>('[part="minimap"]')!;
      const rect = minimap.getBoundingClientRect();
      const node = element.display.byId.get('n0')!;
      const start = element.camera;

      // The grid's first node, n0 at world (0, 0), lies at the minimap's top left inside its padding.
      const grid = { left: -16, top: -16, right: 19 * 60 + 16, bottom: 7 * 60 + 16 };
      const scale = Math.min(148 / (grid.right - grid.left), 108 / (grid.bottom - grid.top));
      const offsetX = 80 - ((grid.left + grid.right) / 2) * scale;
      const offsetY = 60 - ((grid.top + grid.bottom) / 2) * scale;
      const target = [Math.round(rect.left + offsetX), Math.round(rect.top + offsetY)] as [number, number];
      await sendMouse({ type: 'click', position: target });

      const world = { x: (target[0] - rect.left - offsetX) / scale, y: (target[1] - rect.top - offsetY) / scale };
      const camera = element.camera;
      expect(camera.k).to.equal(start.k);
      expect(world.x * camera.k + camera.x).to.be.closeTo(320, 1e-6);
      expect(world.y * camera.k + camera.y).to.be.closeTo(200, 1e-6);
      expect(node.id).to.equal('n0');
    });

    it('passes an audit with a search set', async () => {
      const element = await fixture<IncidentGraphElement>(html`
        <il-incident-graph minimap search="jdoe" style=${styleProperties({ width: '640px', height: '400px' })} .graph=${createPositionedGraph()}></il-incident-graph>
      `);
      await element.rendered;
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('draws the viewport rectangle', async () => {
      const element = await fixture<IncidentGraphElement>(html`
        <il-incident-graph minimap style=${styleProperties({ width: '640px', height: '400px' })} .graph=${createPositionedGraph()}></il-incident-graph>
      `);
      await element.rendered;
      await element.updateComplete;
      await nextFrames();
      const minimap = element.shadowRoot!.querySelector<HTMLCanvasElement>('[part="minimap"]')!;
      const context = minimap.getContext('2d')!;
      const data = context.getImageData(0, 0, minimap.width, minimap.height).data;
      const colours = new Set<string>();
      for (let index = 0; index < data.length; index += 4) colours.add(`${data[index]},${data[index + 1]},${data[index + 2]}`);

      // Background, node dots and the rectangle: more than the background alone.
      expect(colours.size).to.be.greaterThan(2);
    });
  });
});

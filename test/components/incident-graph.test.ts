import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { IncidentGraphElement as IncidentGraphClass, type IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { ForceLayout, layoutInputFromGraph, positionOf } from '../../src/layout/index.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import {
  createEmptyGraph,
  createFixtureGraph,
  createFixtureSnapshot,
  INCIDENT_START,
  LATE_NODE_IDS,
  MID_INCIDENT,
} from '../fixtures/graph-snapshot.js';
import { HEIGHT, mountGraph, nextFrames, pixelAt, WIDTH } from './incident-graph-helpers.js';

function fixtureSession(): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(createFixtureSnapshot());
  return session;
}

function positionsOf(element: IncidentGraphElement): Map<string, { x: number; y: number }> {
  return new Map(element.display.nodes.map((node) => [node.id, { x: node.x, y: node.y }]));
}

describe('<il-incident-graph>', () => {
  describe('accessibility', () => {
    it('passes an accessibility audit', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      await expect(element).to.be.accessible();
    });

    it('passes an audit when empty', async () => {
      const element = await mountGraph({ graph: createEmptyGraph() });
      await expect(element).to.be.accessible();
      expect(element.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('No alerts or entities to show.');
    });

    it('names the listbox with counts', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const listbox = element.shadowRoot!.querySelector('[role="listbox"]')!;
      expect(listbox.getAttribute('aria-label')).to.equal('Incident graph: 3 alerts, 12 entities');
      expect(listbox.getAttribute('tabindex')).to.equal('0');
    });

    it('mirrors nodes as labelled options', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const options = [...element.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent);

      expect(options).to.have.length(15);
      expect(options[0]).to.equal('Alert: Suspicious macro started PowerShell. High.');
      expect(options).to.include('IP address: 203.0.113.45. Malicious. Blocked.');
      expect(options).to.include('Process: explorer.exe. Verdict not provided. Not evidence.');
      expect(options).to.include('Mailbox: jdoe@contoso.example. No threats found.');
    });

    it('shows data text as text, not HTML', async () => {
      const graph = createFixtureGraph();
      const markup = '<img src=x onerror="window.__ilInjected = true"><b>bold</b>';
      graph.setNodeAttribute('ip-c2', 'label', markup);
      const element = await mountGraph({ graph });

      const options = [...element.shadowRoot!.querySelectorAll('[role="option"]')];
      const option = options.find((candidate) => candidate.textContent!.includes('<img'))!;
      expect(option.textContent).to.equal(`IP address: ${markup}. Malicious. Blocked.`);
      expect(option.querySelector('img, b')).to.equal(null);

      const point = element.toScreen('ip-c2')!;
      const viewport = element.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
      const rect = viewport.getBoundingClientRect();
      viewport.dispatchEvent(
        new PointerEvent('pointermove', { clientX: rect.left + point.x, clientY: rect.top + point.y, bubbles: true }),
      );
      await element.updateComplete;
      const tooltip = element.shadowRoot!.querySelector('[part="tooltip"]')!;
      expect(tooltip.textContent).to.equal(`IP address · ${markup} · Malicious`);
      expect(tooltip.querySelector('img, b')).to.equal(null);
      expect((window as { __ilInjected?: boolean }).__ilInjected).to.equal(undefined);
    });
  });

  describe('canvas', () => {
    it('sizes the backing store by devicePixelRatio', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const canvas = element.shadowRoot!.querySelector('canvas')!;

      expect(canvas.clientWidth).to.equal(WIDTH);
      expect(canvas.clientHeight).to.equal(HEIGHT);
      expect(canvas.width).to.equal(Math.round(WIDTH * window.devicePixelRatio));
      expect(canvas.height).to.equal(Math.round(HEIGHT * window.devicePixelRatio));
    });

    it('follows a resize', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.style.width = '300px';
      element.style.height = '200px';
      await new Promise((resolve) => setTimeout(resolve, 50));
      await nextFrames();

      const canvas = element.shadowRoot!.querySelector('canvas')!;
      expect(canvas.width).to.equal(Math.round(300 * window.devicePixelRatio));
      expect(canvas.height).to.equal(Math.round(200 * window.devicePixelRatio));
    });

    it('shows no blank canvas between a resize and its frame', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const background = pixelAt(element, { x: 2, y: 2 });
      element.style.setProperty('width', '300px');

      // The resize observer runs in the rendering step after the frame callbacks, and the frame
      // it requests comes one frame later. A task after the first frame reads what it showed.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      expect(pixelAt(element, { x: 2, y: 2 })).to.deep.equal(background);

      await nextFrames();
      const canvas = element.shadowRoot!.querySelector('canvas')!;
      expect(canvas.width).to.equal(Math.round(300 * window.devicePixelRatio));
      expect(pixelAt(element, { x: 2, y: 2 })).to.deep.equal(background);
    });

    it('draws nodes where toScreen puts them', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const background = pixelAt(element, { x: 2, y: 2 });
      const node = pixelAt(element, element.toScreen('device-ws042')!);
      expect(node).to.not.deep.equal(background);
    });

    it('renders and fits once a hidden container gets a size', async () => {
      const container = await fixture<HTMLDivElement>(html`
        <div style=${styleProperties({ display: 'none' })}>
          <il-incident-graph style=${styleProperties({ width: '400px', height: '300px' })} .graph=${createFixtureGraph()}></il-incident-graph>
        </div>
      `);
      const element = container.querySelector('il-incident-graph')!;
      await element.layoutSettled;
      await nextFrames();
      let rendered = false;
      void element.rendered.then(() => (rendered = true));
      await nextFrames();

      expect(rendered).to.be.false;
      expect(element.shadowRoot!.querySelector('canvas')!.width).to.equal(0);

      container.style.display = 'block';
      await element.rendered;
      for (const node of element.display.nodes) {
        const point = element.toScreen(node.id)!;
        expect(point.x, node.id).to.be.within(0, 400);
        expect(point.y, node.id).to.be.within(0, 300);
      }
    });
  });

  describe('automatic fit', () => {
    function spread(element: IncidentGraphElement): { width: number; height: number } {
      const points = element.display.nodes.map((node) => element.toScreen(node.id)!);
      const xs = points.map((point) => point.x);
      const ys = points.map((point) => point.y);
      return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    }

    it('fits again when the element grows', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.style.width = '200px';
      element.style.height = '150px';
      await nextFrames();
      await nextFrames();
      const small = spread(element);

      element.style.width = '800px';
      element.style.height = '600px';
      await nextFrames();
      await nextFrames();
      const large = spread(element);

      expect(large.width).to.be.greaterThan(small.width * 2);
      expect(large.height).to.be.greaterThan(small.height * 2);
    });

    it('fits in the part the view insets leave', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.style.width = '400px';
      element.style.height = '300px';
      element.viewInsets = { bottom: 120, left: 50 };
      await nextFrames();
      await nextFrames();
      for (const node of element.display.nodes) {
        const point = element.toScreen(node.id)!;
        expect(point.x, node.id).to.be.within(50, 400);
        expect(point.y, node.id).to.be.within(0, 180);
      }

      await element.fit({ nodeIds: ['ip-c2'] });
      const point = element.toScreen('ip-c2')!;
      expect(point.x, 'centred across the part left').to.be.closeTo(50 + 350 / 2, 1);
      expect(point.y, 'centred down the part left').to.be.closeTo(180 / 2, 1);
    });

    it('keeps a fit to some nodes on resize', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      await element.fit({ nodeIds: ['ip-c2'] });
      const fitted = element.camera;
      element.style.width = '300px';
      await nextFrames();
      await nextFrames();
      expect(element.camera).to.deep.equal(fitted);
    });

    it('fits a resize again after a fit to the whole graph', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      await element.fit({ nodeIds: ['ip-c2'] });
      await element.fit();
      const whole = element.camera;
      element.style.width = '300px';
      await nextFrames();
      await nextFrames();
      expect(element.camera.k).to.be.lessThan(whole.k);
    });

    it('keeps a camera the host set on resize', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.camera = { x: 10, y: 20, k: 1.5 };
      element.style.width = '300px';
      await nextFrames();
      await nextFrames();
      expect(element.camera).to.deep.equal({ x: 10, y: 20, k: 1.5 });
    });
  });

  describe('layout', () => {
    it('writes the seeded layout into the graph', async () => {
      const graph = createFixtureGraph();
      const expected = new ForceLayout(layoutInputFromGraph(createFixtureGraph({ reverse: true }))).runToCompletion();
      await mountGraph({ graph });

      graph.forEachNode((id, attributes) => {
        expect(attributes.x, id).to.equal(positionOf(expected, id)!.x);
        expect(attributes.y, id).to.equal(positionOf(expected, id)!.y);
      });
    });

    it('fires il-layout-end once', async () => {
      const element = document.createElement('il-incident-graph');
      element.graph = createFixtureGraph();
      const ends: Array<{ nodeCount: number; ticks: number }> = [];
      element.addEventListener('il-layout-end', (event) => ends.push(event.detail));
      const ended = oneEvent(element, 'il-layout-end');
      document.body.append(element);
      await ended;
      await element.layoutSettled;

      expect(ends).to.have.length(1);
      expect(ends[0]!.nodeCount).to.equal(15);
      expect(ends[0]!.ticks).to.be.greaterThan(0);
      element.remove();
    });

    it('keeps positions a host restored', async () => {
      const graph = createFixtureGraph();
      graph.forEachNode((id) => graph.mergeNodeAttributes(id, { x: id.length * 10, y: -id.length }));
      const element = await mountGraph({ graph });

      expect(graph.getNodeAttribute('ip-c2', 'x')).to.equal(50);
      expect(element.display.byId.get('ip-c2')).to.include({ x: 50, y: -5 });
    });

    it('lays out again on relayout()', async () => {
      const graph = createFixtureGraph();
      graph.forEachNode((id) => graph.mergeNodeAttributes(id, { x: 0, y: 0 }));
      const element = await mountGraph({ graph });
      await element.relayout();

      const expected = new ForceLayout(layoutInputFromGraph(createFixtureGraph())).runToCompletion();
      expect(graph.getNodeAttribute('ip-c2', 'x')).to.equal(positionOf(expected, 'ip-c2')!.x);
    });

    it('keeps a pinned node on relayout()', async () => {
      const graph = createFixtureGraph();
      const element = await mountGraph({ graph });
      graph.mergeNodeAttributes('ip-c2', { x: 321, y: -123, fixed: true });
      await element.relayout();

      expect(graph.getNodeAttribute('ip-c2', 'x')).to.equal(321);
      expect(graph.getNodeAttribute('ip-c2', 'y')).to.equal(-123);
    });
  });

  describe('sources', () => {
    it('draws a host graph mutation', async () => {
      const graph = createFixtureGraph();
      const element = await mountGraph({ graph });
      const before = positionsOf(element);

      graph.addNode('ip-late', { kind: 'ip', label: '198.51.100.7', verdict: 'malicious' });
      graph.addDirectedEdge('process-payload', 'ip-late', { type: 'communicatesWith', roles: [] });
      await element.layoutSettled;
      await nextFrames();

      expect(element.toScreen('ip-late')).to.not.equal(undefined);
      expect(element.display.edges.views().some((edge) => edge.target.id === 'ip-late')).to.be.true;
      const options = [...element.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent);
      expect(options).to.include('IP address: 198.51.100.7. Malicious.');
      for (const [id, position] of before) expect(positionsOf(element).get(id), id).to.deep.equal(position);
    });

    it('redraws when a host drops a node', async () => {
      const graph = createFixtureGraph();
      const element = await mountGraph({ graph });
      graph.dropNode('ip-c2');
      await nextFrames();
      expect(element.toScreen('ip-c2')).to.equal(undefined);
      expect(element.display.edges.views().some((edge) => edge.source.id === 'ip-c2' || edge.target.id === 'ip-c2')).to.be.false;
    });

    it('prefers the graph property over the session', async () => {
      const session = fixtureSession();
      const graph = createEmptyGraph();
      graph.addNode('only', { kind: 'user', label: 'Only user' });
      const element = await mountGraph({ graph, session });
      expect(element.display.nodes.map((node) => node.id)).to.deep.equal(['only']);

      element.graph = undefined;
      await element.updateComplete;
      await element.layoutSettled;
      await nextFrames();
      expect(element.display.nodes).to.have.length(15);
    });

    it('loads through adapter and incident-id', async () => {
      const snapshot = createFixtureSnapshot();
      const adapter = { loadIncident: async () => snapshot };
      const element = await fixture<IncidentGraphElement>(html`
        <il-incident-graph style=${styleProperties({ width: '400px', height: '300px' })} .adapter=${adapter} incident-id="incident-fixture"></il-incident-graph>
      `);
      await element.rendered;
      expect(element.display.nodes).to.have.length(15);
    });
  });

  describe('time cursor', () => {
    it('hides later nodes without moving the rest', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      const before = positionsOf(element);
      const edgeCount = element.display.edges.length;

      session.setTime(MID_INCIDENT);
      await nextFrames();
      for (const id of LATE_NODE_IDS) expect(element.toScreen(id), id).to.equal(undefined);
      expect(element.display.nodes).to.have.length(12);
      for (const edge of element.display.edges.views()) {
        expect(LATE_NODE_IDS as readonly string[]).to.not.include(edge.source.id);
        expect(LATE_NODE_IDS as readonly string[]).to.not.include(edge.target.id);
      }
      expect(element.display.edges.length).to.be.lessThan(edgeCount);
      const listbox = element.shadowRoot!.querySelector('[role="listbox"]')!;
      expect(listbox.getAttribute('aria-label')).to.equal('Incident graph: 2 alerts, 10 entities');

      session.setTime(session.timeBounds!.end);
      await nextFrames();
      expect(positionsOf(element)).to.deep.equal(before);
      expect(element.display.edges).to.have.length(edgeCount);
    });

    it('reuses the node views while the cursor moves', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      const view = element.display.byId.get('device-ws042');

      session.setTime(MID_INCIDENT);
      await nextFrames();
      expect(element.display.byId.get('device-ws042')).to.equal(view);
      session.setTime(session.timeBounds!.end);
      await nextFrames();
      expect(element.display.byId.get('device-ws042')).to.equal(view);
    });

    it('shows hidden nodes at their positions after a layout run', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      session.setTime(MID_INCIDENT);
      await nextFrames();

      await element.relayout();
      session.setTime(session.timeBounds!.end);
      await nextFrames();
      const graph = session.graph!;
      for (const id of LATE_NODE_IDS) {
        const node = element.display.byId.get(id)!;
        expect({ x: node.x, y: node.y }, id).to.deep.equal({ x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') });
      }
    });

    it('hides nodes outside the time range without moving the rest', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      const before = positionsOf(element);

      session.setRange({ start: session.timeBounds!.start, end: MID_INCIDENT });
      await nextFrames();
      for (const id of LATE_NODE_IDS) expect(element.toScreen(id), id).to.equal(undefined);
      expect(element.display.nodes).to.have.length(12);

      session.setRange(null);
      await nextFrames();
      expect(positionsOf(element)).to.deep.equal(before);
    });
  });

  describe('session before the upgrade', () => {
    it('binds the session graph in the first update', async () => {
      // An element in the page before its tag is defined, as with the script-tag bundle, whose
      // session is set while it is still undefined.
      const tag = 'il-incident-graph-upgraded-late';
      const host = await fixture<HTMLDivElement>(html`<div class="stage"></div>`);
      host.style.setProperty('width', `${WIDTH}px`);
      host.style.setProperty('height', `${HEIGHT}px`);
      const element = document.createElement(tag) as IncidentGraphElement;
      element.style.setProperty('display', 'block');
      element.style.setProperty('height', '100%');
      host.append(element);
      const session = fixtureSession();
      Object.assign(element, { session });

      customElements.define(tag, class extends IncidentGraphClass {});
      await element.updateComplete;
      expect(element.boundGraph === session.graph).to.equal(true);
      await element.layoutSettled;
      await element.rendered;
      expect(element.display.nodes.length).to.equal(session.graph!.order);
    });
  });

  describe('search by value', () => {
    it('finds an entity by a property value through the session', async () => {
      const session = new IncidentSession();
      const snapshot = createFixtureSnapshot();
      const index = snapshot.entities.findIndex((entity) => entity.id === 'file-payload');
      snapshot.entities[index] = { ...snapshot.entities[index]!, properties: { sha256: 'AB12CD34EF' } };
      session.setSnapshot(snapshot);
      const element = await mountGraph({ session });

      element.search = 'ab12cd';
      await element.updateComplete;
      await nextFrames();
      expect(element.display.byId.get('file-payload')!.dimmed).to.equal(false);
      expect(element.display.byId.get('device-ws042')!.dimmed).to.equal(true);
    });
  });

  describe('filters', () => {
    it('hide filtered nodes and their edges without moving the rest', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      const before = positionsOf(element);

      session.setFilters({ entityKinds: ['process', 'device'] });
      await nextFrames();
      expect(element.toScreen('ip-c2')).to.equal(undefined);
      expect(element.toScreen('process-payload')).to.not.equal(undefined);
      for (const edge of element.display.edges.views()) {
        expect(['process', 'device', 'alert']).to.include(edge.source.kind);
        expect(['process', 'device', 'alert']).to.include(edge.target.kind);
      }

      element.filters = { verdicts: ['malicious'] };
      await element.updateComplete;
      await nextFrames();
      expect(element.toScreen('ip-c2')).to.not.equal(undefined);
      expect(element.toScreen('process-winword')).to.equal(undefined);

      element.filters = undefined;
      session.setFilters(null);
      await element.updateComplete;
      await nextFrames();
      expect(positionsOf(element)).to.deep.equal(before);
    });
  });

  describe('properties', () => {
    it('fires no event for properties', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      let fired = 0;
      element.addEventListener('il-selection-change', () => fired++);

      element.camera = { x: 10, y: 20, k: 1.5 };
      element.session = fixtureSession();
      element.session.select({ entityIds: ['ip-c2'] });
      await element.updateComplete;
      await nextFrames();
      expect(fired).to.equal(0);
    });

    it('clamps the camera to the zoom limits', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.camera = { x: 5, y: 6, k: 100 };
      expect(element.camera).to.deep.equal({ x: 5, y: 6, k: 8 });
      element.camera = { x: 5, y: 6, k: 0.001 };
      expect(element.camera).to.deep.equal({ x: 5, y: 6, k: 0.1 });

      element.minZoom = 0.5;
      element.maxZoom = 2;
      await element.updateComplete;
      expect(element.camera.k).to.equal(0.5);
      element.camera = { x: 0, y: 0, k: 3 };
      expect(element.camera.k).to.equal(2);
    });

    it('lowers the smallest zoom so a very large graph fits', async () => {
      const graph = createFixtureGraph();
      let index = 0;
      graph.forEachNode((id) => graph.mergeNodeAttributes(id, { x: (index++ % 4) * 3000, y: Math.floor(index / 4) * 3000 }));
      const element = await mountGraph({ graph });

      expect(element.camera.k).to.be.lessThan(0.1);
      for (const node of element.display.nodes) {
        const point = element.toScreen(node.id)!;
        expect(point.x, node.id).to.be.within(0, WIDTH);
        expect(point.y, node.id).to.be.within(0, HEIGHT);
      }
      element.camera = { x: 0, y: 0, k: 0.001 };
      expect(element.camera.k).to.be.greaterThan(0.001);
    });

    it('reads zoom limits from attributes', async () => {
      const element = await fixture<IncidentGraphElement>(html`<il-incident-graph min-zoom="0.25" max-zoom="4"></il-incident-graph>`);
      expect(element.minZoom).to.equal(0.25);
      element.camera = { x: 0, y: 0, k: 9 };
      expect(element.camera.k).to.equal(4);
    });

    it('fits every visible node in the view', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.camera = { x: 3000, y: -2000, k: 0.2 };
      await element.fit();

      for (const node of element.display.nodes) {
        const point = element.toScreen(node.id)!;
        expect(point.x - node.radius * element.camera.k, node.id).to.be.at.least(0);
        expect(point.x + node.radius * element.camera.k, node.id).to.be.at.most(WIDTH);
        expect(point.y - node.radius * element.camera.k, node.id).to.be.at.least(0);
        expect(point.y + node.radius * element.camera.k, node.id).to.be.at.most(HEIGHT);
      }
    });

    it('fits the given nodes', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      await element.fit({ nodeIds: ['ip-c2'], padding: 0 });
      const point = element.toScreen('ip-c2')!;
      expect(point.x).to.be.closeTo(WIDTH / 2, 0.001);
      expect(point.y).to.be.closeTo(HEIGHT / 2, 0.001);
      expect(element.camera.k).to.equal(2);
    });
  });

  describe('highlight', () => {
    it('dims what a selected alert does not involve', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      session.select({ alertIds: ['alert-c2'] });
      await nextFrames();

      const dimmed = element.display.nodes.filter((node) => node.dimmed).map((node) => node.id);
      const kept = element.display.nodes.filter((node) => !node.dimmed).map((node) => node.id).sort();
      expect(kept).to.deep.equal(['alert-c2', 'device-ws042', 'dns-c2', 'ip-c2', 'process-payload']);
      expect(dimmed).to.include('alert-macro');
      expect(element.display.byId.get('alert-c2')!.selected).to.be.true;
      const resolves = element.display.edges.views().find((edge) => edge.type === 'resolvesTo')!;
      expect(resolves.dimmed).to.be.false;
      const parent = element.display.edges.views().find((edge) => edge.source.id === 'process-winword' && edge.type === 'parentProcess')!;
      expect(parent.dimmed).to.be.true;
    });

    it('keeps a selected entity with its alerts and neighbours', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      session.select({ entityIds: ['ip-c2'] });
      await nextFrames();

      const kept = element.display.nodes.filter((node) => !node.dimmed).map((node) => node.id).sort();
      expect(kept).to.deep.equal(['alert-c2', 'dns-c2', 'ip-c2', 'process-payload']);
    });

    it('dims nothing until the selection or a neighbour appears', async () => {
      const session = fixtureSession();
      const element = await mountGraph({ session });
      // The DNS name, its IP address and its alert all appear after the middle of the incident.
      session.select({ entityIds: ['dns-c2'] });
      session.setTime(MID_INCIDENT);
      await nextFrames();

      expect(element.display.nodes.length).to.be.greaterThan(0);
      expect(element.display.nodes.filter((node) => node.dimmed).map((node) => node.id)).to.deep.equal([]);
      expect(element.display.edges.views().filter((edge) => edge.dimmed).length).to.equal(0);

      session.setTime(INCIDENT_START + 24 * 60 * 60_000);
      await nextFrames();
      const kept = element.display.nodes.filter((node) => !node.dimmed).map((node) => node.id).sort();
      expect(kept).to.deep.equal(['alert-c2', 'dns-c2', 'ip-c2']);
    });
  });
});

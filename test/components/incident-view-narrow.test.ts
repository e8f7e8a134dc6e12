import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { REVEAL_MARGIN, cameraRevealingNode } from '../../src/components/incident-view/sheet-reveal.js';
import { styleProperties, type StyleProperties } from '../../src/components/shared/style-properties.js';
import { IncidentSession } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { EXTRA_FILE_IDS, GROUP_ID, groupedSession } from './incident-graph-grouping-fixture.js';

const PROCESS = 'process:ws-042:4242';
const DEVICE = 'device:ws-042';

/** The phone viewport the narrow layout is checked at. */
const PHONE = { width: 390, height: 844 };

/** A narrow view that grows to its content, sized as a phone page would size it. */
const GROWING: StyleProperties = {
  width: '366px',
  '--il-incident-view-height': 'auto',
  '--il-incident-view-graph-min-height': 'max(280px, 50vh)',
  '--il-incident-view-sheet-height': '45%',
};

async function narrowView(style: StyleProperties): Promise<IncidentView> {
  const session = new IncidentSession();
  session.setSnapshot(viewSnapshot());
  const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties(style)} .session=${session}></il-incident-view>`);
  await view.loaded;
  return view;
}

function part(view: IncidentView, name: string): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
}

function graphOf(view: IncidentView): IncidentGraphElement {
  return view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
}

/** Returns the node's centre in the viewport. */
function nodeInViewport(view: IncidentView, nodeId: string): { x: number; y: number } {
  const graph = graphOf(view);
  const point = graph.toScreen(nodeId)!;
  const box = graph.getBoundingClientRect();
  return { x: box.left + point.x, y: box.top + point.y };
}

/** Pans the graph so that the node's centre is at `y` in the viewport. */
async function moveNodeTo(view: IncidentView, nodeId: string, y: number): Promise<void> {
  const graph = graphOf(view);
  const camera = graph.camera;
  graph.camera = { ...camera, y: camera.y + y - nodeInViewport(view, nodeId).y };
  await graph.updateComplete;
}

/** Opens the sheet on the device, and returns the sheet's box. */
async function openSheet(view: IncidentView): Promise<DOMRect> {
  view.session!.select({ entityIds: [DEVICE] });
  await view.updateComplete;
  return part(view, 'pane').getBoundingClientRect();
}

describe('<il-incident-view> narrow', () => {
  before(async () => {
    await setViewport(PHONE);
  });

  afterEach(() => {
    window.scrollTo(0, 0);
  });

  describe('layout of auto height', () => {
    it('has no scroll container inside', async () => {
      const view = await narrowView(GROWING);
      const frame = view.shadowRoot!.querySelector<HTMLElement>('.frame')!;

      expect(getComputedStyle(frame).overflowY).to.equal('visible');
      expect(frame.scrollHeight, 'frame content height').to.be.at.most(frame.clientHeight + 1);
      expect(view.getBoundingClientRect().height, 'view height').to.be.greaterThan(PHONE.height);
    });

    it('reaches the timeline by scrolling the page', async () => {
      const view = await narrowView(GROWING);
      const timeline = part(view, 'timeline');

      timeline.scrollIntoView({ block: 'end' });
      await nextFrame();
      const box = timeline.getBoundingClientRect();
      expect(box.bottom, 'timeline bottom').to.be.at.most(PHONE.height + 0.5);
      expect(box.top, 'timeline top').to.be.at.least(-0.5);
      expect(view.shadowRoot!.querySelector<HTMLElement>('.frame')!.scrollTop).to.equal(0);
    });

    it('fixes the sheet to the viewport bottom', async () => {
      const view = await narrowView(GROWING);
      const sheet = await openSheet(view);

      expect(getComputedStyle(part(view, 'pane')).position).to.equal('fixed');
      expect(sheet.bottom, 'sheet bottom').to.be.closeTo(PHONE.height, 1);
      expect(sheet.height, 'sheet height').to.be.closeTo(PHONE.height * 0.45, 1);
    });

    it('lets the timeline scroll above the sheet', async () => {
      const view = await narrowView(GROWING);
      const sheet = await openSheet(view);

      window.scrollTo(0, document.documentElement.scrollHeight);
      await nextFrame();
      expect(part(view, 'timeline').getBoundingClientRect().bottom, 'timeline bottom').to.be.at.most(sheet.top + 1);
    });
  });

  describe('selected node and sheet', () => {
    it('pans a covered node above the sheet', async () => {
      const view = await narrowView(GROWING);
      const sheet = await openSheet(view);
      const graphBox = graphOf(view).getBoundingClientRect();
      await moveNodeTo(view, PROCESS, (sheet.top + Math.min(graphBox.bottom, sheet.bottom)) / 2);
      const before = graphOf(view).camera;

      view.session!.select({ entityIds: [PROCESS] });
      await view.updateComplete;

      const after = graphOf(view).camera;
      expect(nodeInViewport(view, PROCESS).y, 'node centre').to.be.at.most(sheet.top - REVEAL_MARGIN);
      expect(nodeInViewport(view, PROCESS).y, 'node centre').to.be.at.least(Math.max(graphBox.top, 0));
      expect(after.k, 'zoom').to.equal(before.k);
      expect(after.x, 'horizontal pan').to.equal(before.x);
    });

    it('scrolls the page to a graph under the sheet', async () => {
      const view = await narrowView(GROWING);
      // The page scrolled down until the graph's bottom meets the viewport's bottom, where the
      // sheet will cover all but the top of the graph.
      const graph = graphOf(view);
      window.scrollBy(0, graph.getBoundingClientRect().bottom - PHONE.height);
      const before = graph.getBoundingClientRect();
      expect(before.top, 'graph top before').to.be.greaterThan(PHONE.height * 0.55 - before.height / 2);

      const sheet = await openSheet(view);

      const graphBox = graph.getBoundingClientRect();
      expect(graphBox.top, 'graph top').to.be.closeTo(0, 1);
      expect(sheet.top - graphBox.top, 'graph above the sheet').to.be.greaterThan(graphBox.height / 2);
      expect(nodeInViewport(view, DEVICE).y, 'device centre').to.be.lessThan(sheet.top);
    });

    it('pans a covered alert node', async () => {
      const view = await narrowView(GROWING);
      const sheet = await openSheet(view);
      const alertId = view.session!.snapshot!.alerts[0]!.id;
      await moveNodeTo(view, alertId, sheet.top + REVEAL_MARGIN);

      view.session!.select({ alertIds: [alertId] });
      await view.updateComplete;

      expect(nodeInViewport(view, alertId).y, 'alert node centre').to.be.at.most(sheet.top - REVEAL_MARGIN);
    });

    it('pans the collapsed group of a selected member', async () => {
      const session = groupedSession();
      const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties(GROWING)} .session=${session}></il-incident-view>`);
      await view.loaded;
      session.select({ alertIds: [session.snapshot!.alerts[0]!.id] });
      await view.updateComplete;
      const sheet = part(view, 'pane').getBoundingClientRect();
      await moveNodeTo(view, GROUP_ID, sheet.top + REVEAL_MARGIN);

      session.select({ entityIds: [EXTRA_FILE_IDS[0]!] });
      await view.updateComplete;

      expect(graphOf(view).toScreen(EXTRA_FILE_IDS[0]!), 'the member has no node of its own').to.equal(undefined);
      expect(nodeInViewport(view, GROUP_ID).y, 'group node centre').to.be.at.most(sheet.top - REVEAL_MARGIN);
    });

    it('keeps the camera for a node in view', async () => {
      const view = await narrowView(GROWING);
      const sheet = await openSheet(view);
      const graphBox = graphOf(view).getBoundingClientRect();
      await moveNodeTo(view, PROCESS, (Math.max(graphBox.top, 0) + sheet.top) / 2);
      const before = graphOf(view).camera;

      view.session!.select({ entityIds: [PROCESS] });
      await view.updateComplete;

      expect(graphOf(view).camera).to.deep.equal(before);
    });

    it('pans in a fixed-height view', async () => {
      // A low sheet, so that most of the graph stays above it and the frame does not scroll.
      const view = await narrowView({ width: '366px', height: '700px', '--il-incident-view-sheet-height': '30%' });
      const sheet = await openSheet(view);
      const graphBox = graphOf(view).getBoundingClientRect();
      expect(graphBox.bottom, 'graph bottom').to.be.greaterThan(sheet.top + REVEAL_MARGIN);
      await moveNodeTo(view, PROCESS, (sheet.top + Math.min(graphBox.bottom, sheet.bottom)) / 2);

      view.session!.select({ entityIds: [PROCESS] });
      await view.updateComplete;

      expect(nodeInViewport(view, PROCESS).y, 'node centre').to.be.at.most(sheet.top - REVEAL_MARGIN);
    });

    it('scrolls a covered graph above the sheet', async () => {
      // In a view this short the header rows reach below the sheet's top, so the open sheet
      // covers the whole graph until the frame scrolls.
      const view = await narrowView({ width: '366px', height: '560px' });
      const frame = view.shadowRoot!.querySelector<HTMLElement>('.frame')!;
      const graph = graphOf(view);
      const before = graph.getBoundingClientRect();
      const sheet = await openSheet(view);
      expect(before.top, 'graph top before').to.be.greaterThan(sheet.top);

      const graphBox = graph.getBoundingClientRect();
      expect(graphBox.top, 'graph top').to.be.closeTo(frame.getBoundingClientRect().top, 1);
      expect(graph.viewInsets?.bottom, 'covered height').to.be.closeTo(Math.min(graphBox.bottom, sheet.bottom) - sheet.top, 1);
      expect(nodeInViewport(view, DEVICE).y, 'device centre').to.be.lessThan(sheet.top);
    });

    it('fits the selection above the sheet', async () => {
      // A sheet tall enough to cover part of the graph after the page scrolls it to the top.
      const view = await narrowView({ ...GROWING, '--il-incident-view-sheet-height': '60%' });
      const sheet = await openSheet(view);
      const graph = graphOf(view);
      const graphBox = graph.getBoundingClientRect();
      expect(graph.viewInsets?.bottom, 'covered height').to.be.closeTo(Math.min(graphBox.bottom, sheet.bottom) - sheet.top, 1);

      await graph.fitSelection();
      const centre = nodeInViewport(view, DEVICE);
      expect(centre.y, 'node centre').to.be.closeTo((graphBox.top + sheet.top) / 2, 1);

      view.session!.select({});
      await view.updateComplete;
      expect(graph.viewInsets, 'insets with the sheet closed').to.equal(undefined);
    });

    it('keeps the camera beside a side pane', async () => {
      await setViewport({ width: 1280, height: 800 });
      try {
        const view = await narrowView({ width: '1200px', height: '700px' });
        await moveNodeTo(view, PROCESS, graphOf(view).getBoundingClientRect().bottom - 10);
        const before = graphOf(view).camera;

        view.session!.select({ entityIds: [PROCESS] });
        await view.updateComplete;

        expect(graphOf(view).camera).to.deep.equal(before);
      } finally {
        await setViewport(PHONE);
      }
    });
  });
});

describe('<il-incident-view> gesture handling', () => {
  before(async () => {
    await setViewport(PHONE);
  });

  it('makes the graph cooperative while the view is narrow', async () => {
    const view = await narrowView({ width: '899px', height: '600px' });
    await nextFrame();
    await view.updateComplete;
    expect(graphOf(view).getAttribute('gesture-handling')).to.equal('cooperative');

    view.style.width = '900px';
    await nextFrame();
    await view.updateComplete;
    expect(graphOf(view).hasAttribute('gesture-handling')).to.equal(false);

    view.style.width = '366px';
    await nextFrame();
    await view.updateComplete;
    expect(graphOf(view).getAttribute('gesture-handling')).to.equal('cooperative');
  });

  it('lets the wheel scroll a narrow view', async () => {
    const view = await narrowView({ width: '366px', height: '600px' });
    await nextFrame();
    await view.updateComplete;
    const graph = graphOf(view);
    const camera = graph.camera;
    const viewport = graph.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
    const box = viewport.getBoundingClientRect();

    const wheel = new WheelEvent('wheel', { deltaY: 120, clientX: box.left + 50, clientY: box.top + 50, bubbles: true, composed: true, cancelable: true });
    viewport.dispatchEvent(wheel);

    expect(wheel.defaultPrevented).to.equal(false);
    expect(graph.camera).to.deep.equal(camera);
  });
});

describe('cameraRevealingNode', () => {
  const camera = { x: 10, y: 20, k: 0.5 };
  const layout = { graphTop: 100, visibleTop: 0, sheetTop: 500, sheetBottom: 844 };

  it('centres a covered node above the sheet', () => {
    const result = cameraRevealingNode({ camera, nodeY: 450, ...layout });
    expect(result).to.deep.equal({ x: 10, y: 20 + 300 - 550, k: 0.5 });
  });

  it('returns undefined for a node clear of the sheet', () => {
    expect(cameraRevealingNode({ camera, nodeY: 500 - 100 - REVEAL_MARGIN, ...layout })).to.equal(undefined);
  });

  it('returns undefined below the sheet', () => {
    expect(cameraRevealingNode({ camera, nodeY: 900, ...layout })).to.equal(undefined);
  });

  it('uses the visible top of a scrolled graph', () => {
    const result = cameraRevealingNode({ camera, nodeY: 650, ...layout, graphTop: -100, visibleTop: 0 });
    expect(result).to.deep.equal({ x: 10, y: 20 + 250 - 550, k: 0.5 });
  });
});

import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { mountGraph, nextFrames, pagePosition, recordSelectionEvents } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';

/** The camera every test here starts from: world (0, 0) at (120, 100) CSS pixels, no zoom. */
const START_CAMERA = { x: 120, y: 100, k: 1 };

async function mountPositioned(): Promise<IncidentGraphElement> {
  const element = await mountGraph({ graph: createPositionedGraph() });
  element.camera = START_CAMERA;
  await nextFrames();
  return element;
}

function elementOrigin(element: IncidentGraphElement): [number, number] {
  const rect = element.getBoundingClientRect();
  return [rect.left, rect.top];
}

/** Presses at `from`, moves to `to` in a few steps and releases there. */
async function dragBetween(from: [number, number], to: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (const step of [0.25, 0.5, 0.75, 1]) {
    await sendMouse({
      type: 'move',
      position: [Math.round(from[0] + (to[0] - from[0]) * step), Math.round(from[1] + (to[1] - from[1]) * step)],
    });
  }
  await sendMouse({ type: 'up' });
}

describe('<il-incident-graph> pointer interaction', () => {
  afterEach(async () => {
    await sendKeys({ up: 'Shift' });
  });

  describe('drag to pin', () => {
    it('moves and pins a dragged node', async () => {
      const element = await mountPositioned();
      const graph = element.graph!;
      const start = pagePosition(element, 'device');

      await dragBetween(start, [start[0] + 40, start[1] + 30]);

      expect(graph.getNodeAttribute('device', 'x')).to.equal(40);
      expect(graph.getNodeAttribute('device', 'y')).to.equal(30);
      expect(graph.getNodeAttribute('device', 'fixed')).to.be.true;
    });

    it('keeps the grab offset while dragging', async () => {
      const element = await mountPositioned();
      const graph = element.graph!;
      const [x, y] = pagePosition(element, 'user');

      await dragBetween([x + 5, y - 4], [x + 65, y + 16]);

      expect(graph.getNodeAttribute('user', 'x')).to.equal(260);
      expect(graph.getNodeAttribute('user', 'y')).to.equal(20);
    });

    it('does not pan while dragging a node', async () => {
      const element = await mountPositioned();
      const start = pagePosition(element, 'device');

      await dragBetween(start, [start[0] + 80, start[1] + 60]);

      expect(element.camera).to.deep.equal(START_CAMERA);
    });

    it('selects nothing at the end of a drag', async () => {
      const element = await mountPositioned();
      const events = recordSelectionEvents(element);
      const start = pagePosition(element, 'device');

      await dragBetween(start, [start[0] + 40, start[1] + 40]);

      expect(events).to.deep.equal([]);
    });

    it('still selects on a click without movement', async () => {
      const element = await mountPositioned();
      const events = recordSelectionEvents(element);

      await sendMouse({ type: 'click', position: pagePosition(element, 'file') });

      expect(events).to.deep.equal([{ entityIds: ['file'], alertIds: [] }]);
      expect(element.graph!.getNodeAttribute('file', 'fixed')).to.be.undefined;
    });

    it('pans when dragging empty space', async () => {
      const element = await mountPositioned();
      const [left, top] = elementOrigin(element);

      await dragBetween([left + 500, top + 350], [left + 540, top + 330]);

      expect(element.camera).to.deep.equal({ x: 160, y: 80, k: 1 });
    });

    it('releases a pinned node on double-click', async () => {
      const element = await mountPositioned();
      const graph = element.graph!;
      graph.mergeNodeAttributes('ip', { fixed: true });
      const [x, y] = pagePosition(element, 'ip');
      const viewport = element.shadowRoot!.querySelector('[part="viewport"]')!;

      // sendMouse has no double-click, so the event is dispatched at the node's position.
      viewport.dispatchEvent(new MouseEvent('dblclick', { clientX: x, clientY: y, bubbles: true, composed: true }));

      expect(graph.getNodeAttribute('ip', 'fixed')).to.be.false;
      expect(graph.getNodeAttribute('ip', 'x')).to.equal(200);
      expect(graph.getNodeAttribute('ip', 'y')).to.equal(150);
    });

    it('puts the node back on Escape', async () => {
      const element = await mountPositioned();
      const graph = element.graph!;
      const events = recordSelectionEvents(element);
      const start = pagePosition(element, 'file');

      await sendMouse({ type: 'move', position: start });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [start[0] + 50, start[1] + 20] });
      expect(graph.getNodeAttribute('file', 'x')).to.equal(50);
      await sendKeys({ press: 'Escape' });
      await sendMouse({ type: 'move', position: [start[0] + 90, start[1] + 40] });
      await sendMouse({ type: 'up' });

      expect(graph.getNodeAttribute('file', 'x')).to.equal(0);
      expect(graph.getNodeAttribute('file', 'y')).to.equal(150);
      expect(graph.getNodeAttributes('file')).to.not.have.property('fixed');
      expect(element.camera).to.deep.equal(START_CAMERA);
      expect(events).to.deep.equal([]);
    });

    it('says a pinned node is pinned', async () => {
      const element = await mountPositioned();
      element.graph!.mergeNodeAttributes('user', { fixed: true });
      await nextFrames();
      await element.updateComplete;

      const texts = [...element.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent);
      expect(texts).to.include('User: jdoe. Suspicious. Pinned.');
    });
  });

  describe('box selection', () => {
    it('selects the nodes inside a Shift+drag rectangle', async () => {
      const element = await mountPositioned();
      const events = recordSelectionEvents(element);
      const [left, top] = elementOrigin(element);

      // World (-30, -30) to (130, 180) contains device, file and the alert, but not user or ip.
      await sendKeys({ down: 'Shift' });
      await dragBetween([left + 90, top + 70], [left + 250, top + 280]);
      await sendKeys({ up: 'Shift' });

      expect(events).to.deep.equal([{ entityIds: ['device', 'file'], alertIds: ['alert-1'] }]);
      expect(element.camera).to.deep.equal(START_CAMERA);
    });

    it('adds the box to the current selection', async () => {
      const element = await mountPositioned();
      await sendMouse({ type: 'click', position: pagePosition(element, 'ip') });
      const events = recordSelectionEvents(element);
      const [left, top] = elementOrigin(element);

      await sendKeys({ down: 'Shift' });
      await dragBetween([left + 290, top + 70], [left + 360, top + 130]);
      await sendKeys({ up: 'Shift' });

      expect(events).to.deep.equal([{ entityIds: ['ip', 'user'], alertIds: [] }]);
    });

    it('shows the rectangle while drawing', async () => {
      const element = await mountPositioned();
      const [left, top] = elementOrigin(element);

      await sendKeys({ down: 'Shift' });
      await sendMouse({ type: 'move', position: [Math.round(left + 400), Math.round(top + 300)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round(left + 450), Math.round(top + 340)] });
      await element.updateComplete;

      const box = element.shadowRoot!.querySelector<HTMLElement>('[part="selection-box"]');
      expect(box).to.exist;
      expect(box!.style.width).to.equal('50px');
      expect(box!.style.height).to.equal('40px');

      await sendMouse({ type: 'up' });
      await sendKeys({ up: 'Shift' });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="selection-box"]')).to.be.null;
    });

    it('selects nothing after Escape', async () => {
      const element = await mountPositioned();
      const events = recordSelectionEvents(element);
      const [left, top] = elementOrigin(element);

      await sendKeys({ down: 'Shift' });
      await sendMouse({ type: 'move', position: [Math.round(left + 90), Math.round(top + 70)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round(left + 250), Math.round(top + 280)] });
      await sendKeys({ press: 'Escape' });
      await sendMouse({ type: 'up' });
      await sendKeys({ up: 'Shift' });
      await element.updateComplete;

      expect(events).to.deep.equal([]);
      expect(element.shadowRoot!.querySelector('[part="selection-box"]')).to.be.null;
    });

    it('fires nothing for an empty rectangle', async () => {
      const element = await mountPositioned();
      const events = recordSelectionEvents(element);
      const [left, top] = elementOrigin(element);

      await sendKeys({ down: 'Shift' });
      await dragBetween([left + 400, top + 300], [left + 450, top + 340]);
      await sendKeys({ up: 'Shift' });

      expect(events).to.deep.equal([]);
    });
  });

  describe('zoom', () => {
    it('zooms around the pointer with the wheel', async () => {
      const element = await mountPositioned();
      const viewport = element.shadowRoot!.querySelector('[part="viewport"]')!;
      const [left, top] = elementOrigin(element);
      const pointer = { x: 300, y: 200 };
      const before = element.camera;
      const worldBefore = { x: (pointer.x - before.x) / before.k, y: (pointer.y - before.y) / before.k };

      viewport.dispatchEvent(
        new WheelEvent('wheel', { clientX: left + pointer.x, clientY: top + pointer.y, deltaY: -100, bubbles: true, cancelable: true }),
      );

      const after = element.camera;
      expect(after.k).to.be.greaterThan(1);
      expect((pointer.x - after.x) / after.k).to.be.closeTo(worldBefore.x, 1e-9);
      expect((pointer.y - after.y) / after.k).to.be.closeTo(worldBefore.y, 1e-9);
    });

    it('zooms no further than max-zoom with the wheel', async () => {
      const element = await mountPositioned();
      element.maxZoom = 1.5;
      await element.updateComplete;
      const viewport = element.shadowRoot!.querySelector('[part="viewport"]')!;
      const [left, top] = elementOrigin(element);

      for (let step = 0; step < 10; step++) {
        viewport.dispatchEvent(
          new WheelEvent('wheel', { clientX: left + 300, clientY: top + 200, deltaY: -200, bubbles: true, cancelable: true }),
        );
      }

      expect(element.camera.k).to.equal(1.5);
    });
  });
});

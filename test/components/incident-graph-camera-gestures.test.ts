import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { mountGraph, nextFrames, pagePosition, recordSelectionEvents } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';
import { touch, viewportOf, wheel, worldAt } from './incident-graph-gesture-helpers.js';

/** The camera every test here starts from: world (0, 0) at (120, 100) CSS pixels, no zoom. */
const START_CAMERA = { x: 120, y: 100, k: 1 };

async function mountPositioned(): Promise<IncidentGraphElement> {
  const element = await mountGraph({ graph: createPositionedGraph() });
  element.camera = START_CAMERA;
  await nextFrames();
  return element;
}

/** Presses the left mouse button at `from`, moves to `to` in one step and releases there. */
async function mouseDrag(from: [number, number], to: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: to });
  await sendMouse({ type: 'up' });
}

/** Returns a page position `offset` CSS pixels from the element's top left corner. */
function pageAt(element: IncidentGraphElement, offset: { x: number; y: number }): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + offset.x), Math.round(rect.top + offset.y)];
}

describe('<il-incident-graph> camera gestures', () => {
  afterEach(async () => {
    await sendKeys({ up: 'Control' });
  });

  describe('touch', () => {
    it('pinches around the midpoint', async () => {
      const element = await mountPositioned();
      const first = worldAt(element, { x: 300, y: 300 });
      const second = worldAt(element, { x: 400, y: 300 });

      touch(element, 'pointerdown', 1, { x: 300, y: 300 });
      touch(element, 'pointerdown', 2, { x: 400, y: 300 });
      touch(element, 'pointermove', 1, { x: 250, y: 300 });
      touch(element, 'pointermove', 2, { x: 450, y: 300 });

      const camera = element.camera;
      expect(camera.k).to.equal(2);
      expect(worldAt(element, { x: 250, y: 300 })).to.deep.equal(first);
      expect(worldAt(element, { x: 450, y: 300 })).to.deep.equal(second);

      touch(element, 'pointerup', 1, { x: 250, y: 300 });
      touch(element, 'pointerup', 2, { x: 450, y: 300 });
      expect(element.camera).to.deep.equal(camera);
    });

    it('pinches no further than max-zoom', async () => {
      const element = await mountPositioned();
      element.maxZoom = 1.5;
      await element.updateComplete;
      await nextFrames();

      touch(element, 'pointerdown', 1, { x: 300, y: 300 });
      touch(element, 'pointerdown', 2, { x: 320, y: 300 });
      touch(element, 'pointermove', 2, { x: 500, y: 300 });

      expect(element.camera.k).to.equal(1.5);
    });

    it('pans with one finger past the threshold', async () => {
      const element = await mountPositioned();

      touch(element, 'pointerdown', 1, { x: 500, y: 350 });
      touch(element, 'pointermove', 1, { x: 506, y: 350 });
      expect(element.camera).to.deep.equal(START_CAMERA);

      touch(element, 'pointermove', 1, { x: 540, y: 330 });
      touch(element, 'pointerup', 1, { x: 540, y: 330 });
      expect(element.camera).to.deep.equal({ x: 160, y: 80, k: 1 });
    });

    it('pans on with the finger left after a pinch', async () => {
      const element = await mountPositioned();

      touch(element, 'pointerdown', 1, { x: 300, y: 300 });
      touch(element, 'pointerdown', 2, { x: 400, y: 300 });
      touch(element, 'pointermove', 2, { x: 500, y: 300 });
      touch(element, 'pointerup', 2, { x: 500, y: 300 });
      const afterPinch = element.camera;
      touch(element, 'pointermove', 1, { x: 330, y: 320 });

      expect(element.camera).to.deep.equal({ x: afterPinch.x + 30, y: afterPinch.y + 20, k: afterPinch.k });
    });

    it('stops on pointercancel', async () => {
      const element = await mountPositioned();

      touch(element, 'pointerdown', 1, { x: 500, y: 350 });
      touch(element, 'pointermove', 1, { x: 540, y: 350 });
      touch(element, 'pointercancel', 1, { x: 540, y: 350 });
      touch(element, 'pointermove', 1, { x: 600, y: 350 });

      expect(element.camera).to.deep.equal({ x: 160, y: 100, k: 1 });
    });

    it('does not pan while a finger drags a node', async () => {
      const element = await mountPositioned();
      const node = element.toScreen('ip')!;

      touch(element, 'pointerdown', 1, node);
      touch(element, 'pointerdown', 2, { x: 500, y: 350 });
      touch(element, 'pointermove', 2, { x: 560, y: 350 });

      expect(element.camera).to.deep.equal(START_CAMERA);
      touch(element, 'pointercancel', 1, node);
    });
  });

  describe('wheel', () => {
    it('zooms ten times faster with Ctrl (trackpad pinch)', async () => {
      const element = await mountPositioned();
      const point = { x: 300, y: 200 };
      const world = worldAt(element, point);

      const event = wheel(element, point, { deltaY: -10, ctrlKey: true });

      expect(event.defaultPrevented).to.be.true;
      expect(element.camera.k).to.be.closeTo(2 ** 0.2, 1e-12);
      expect(worldAt(element, point).x).to.be.closeTo(world.x, 1e-9);
      expect(worldAt(element, point).y).to.be.closeTo(world.y, 1e-9);
    });

    it('zooms by lines in line mode', async () => {
      const element = await mountPositioned();

      wheel(element, { x: 300, y: 200 }, { deltaY: -3, deltaMode: WheelEvent.DOM_DELTA_LINE });

      expect(element.camera.k).to.be.closeTo(2 ** 0.15, 1e-12);
    });

    it('zooms out with a positive delta', async () => {
      const element = await mountPositioned();

      wheel(element, { x: 300, y: 200 }, { deltaY: 100 });

      expect(element.camera.k).to.be.closeTo(2 ** -0.2, 1e-12);
    });

    it('keeps the page from scrolling at a limit', async () => {
      const element = await mountPositioned();
      element.maxZoom = 1;
      await element.updateComplete;
      await nextFrames();

      const event = wheel(element, { x: 300, y: 200 }, { deltaY: -100 });

      expect(event.defaultPrevented).to.be.true;
      expect(element.camera).to.deep.equal(START_CAMERA);
    });
  });

  describe('mouse', () => {
    it('clicks when moved under threshold', async () => {
      const element = await mountPositioned();
      await sendMouse({ type: 'click', position: pagePosition(element, 'file') });
      const events = recordSelectionEvents(element);

      await mouseDrag(pageAt(element, { x: 500, y: 350 }), pageAt(element, { x: 502, y: 351 }));

      expect(element.camera).to.deep.equal(START_CAMERA);
      expect(events).to.deep.equal([{ entityIds: [], alertIds: [] }]);
    });

    it('keeps the selection after a pan', async () => {
      const element = await mountPositioned();
      await sendMouse({ type: 'click', position: pagePosition(element, 'file') });
      const events = recordSelectionEvents(element);

      await mouseDrag(pageAt(element, { x: 500, y: 350 }), pageAt(element, { x: 520, y: 350 }));

      expect(element.camera).to.deep.equal({ x: 140, y: 100, k: 1 });
      expect(events).to.deep.equal([]);
    });

    it('selects on the next click after a pan', async () => {
      const element = await mountPositioned();
      await mouseDrag(pageAt(element, { x: 500, y: 350 }), pageAt(element, { x: 520, y: 350 }));
      const events = recordSelectionEvents(element);

      await sendMouse({ type: 'click', position: pagePosition(element, 'user') });

      expect(events).to.deep.equal([{ entityIds: ['user'], alertIds: [] }]);
    });

    it('does not pan with the right button', async () => {
      const element = await mountPositioned();
      const from = pageAt(element, { x: 500, y: 350 });

      await sendMouse({ type: 'move', position: from });
      await sendMouse({ type: 'down', button: 'right' });
      await sendMouse({ type: 'move', position: [from[0] + 40, from[1] + 20] });
      await sendMouse({ type: 'up', button: 'right' });

      expect(element.camera).to.deep.equal(START_CAMERA);
    });

    it('does not pan with Ctrl held', async () => {
      const element = await mountPositioned();

      await sendKeys({ down: 'Control' });
      await mouseDrag(pageAt(element, { x: 500, y: 350 }), pageAt(element, { x: 540, y: 370 }));
      await sendKeys({ up: 'Control' });

      expect(element.camera).to.deep.equal(START_CAMERA);
    });

    it('does not zoom on double-click', async () => {
      const element = await mountPositioned();
      const [clientX, clientY] = pageAt(element, { x: 500, y: 350 });

      viewportOf(element).dispatchEvent(new MouseEvent('dblclick', { clientX, clientY, bubbles: true, composed: true }));

      expect(element.camera).to.deep.equal(START_CAMERA);
    });

    it('pans on when the pointer leaves the element', async () => {
      const element = await mountPositioned();
      const rect = element.getBoundingClientRect();
      const from = pageAt(element, { x: 600, y: 350 });

      await mouseDrag(from, [Math.round(rect.right + 30), from[1]]);

      expect(element.camera.x).to.equal(START_CAMERA.x + Math.round(rect.right + 30) - from[0]);
    });
  });
});

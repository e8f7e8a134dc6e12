import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { HINT_MS } from '../../src/components/incident-graph/gesture-hint.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { mountGraph, nextFrames } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';
import { touch, viewportOf, wheel, worldAt } from './incident-graph-gesture-helpers.js';

/** World (0, 0) at (120, 100) CSS pixels, no zoom: the device node is at (120, 100). */
const START_CAMERA = { x: 120, y: 100, k: 1 };

async function mountCooperative(): Promise<IncidentGraphElement> {
  const element = await mountGraph({ graph: createPositionedGraph() });
  element.gestureHandling = 'cooperative';
  element.camera = START_CAMERA;
  await element.updateComplete;
  await nextFrames();
  return element;
}

function hintOf(element: IncidentGraphElement): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>('[part="gesture-hint"]');
}

/** Dispatches a touchmove with one touch per point on the viewport and returns it. */
function touchMove(element: IncidentGraphElement, points: Array<{ x: number; y: number }>): TouchEvent {
  const viewport = viewportOf(element);
  const rect = element.getBoundingClientRect();
  const touches = points.map(
    (point, identifier) => new Touch({ identifier, target: viewport, clientX: rect.left + point.x, clientY: rect.top + point.y }),
  );
  const event = new TouchEvent('touchmove', { touches, changedTouches: touches, bubbles: true, composed: true, cancelable: true });
  viewport.dispatchEvent(event);
  return event;
}

describe('<il-incident-graph> cooperative gestures', () => {
  it('reflects gesture-handling and touch-action', async () => {
    const element = await mountGraph({ graph: createPositionedGraph() });
    expect(getComputedStyle(viewportOf(element)).touchAction).to.equal('none');

    element.gestureHandling = 'cooperative';
    await element.updateComplete;

    expect(element.getAttribute('gesture-handling')).to.equal('cooperative');
    expect(getComputedStyle(viewportOf(element)).touchAction).to.equal('pan-x pan-y');
  });

  it('leaves the wheel to the page and shows how to zoom', async () => {
    const element = await mountCooperative();

    const event = wheel(element, { x: 300, y: 200 }, { deltaY: -100, deltaMode: 0 });
    await element.updateComplete;

    expect(event.defaultPrevented).to.equal(false);
    expect(element.camera).to.deep.equal(START_CAMERA);
    const hint = hintOf(element)!;
    expect(hint.textContent).to.equal('Use Ctrl + scroll to zoom the graph');
    expect(hint.getAttribute('aria-hidden')).to.equal('true');
  });

  it('zooms with Ctrl or Cmd and the wheel', async () => {
    const element = await mountCooperative();
    const locus = worldAt(element, { x: 300, y: 200 });

    const withCtrl = wheel(element, { x: 300, y: 200 }, { deltaY: -100, deltaMode: 0, ctrlKey: true });
    expect(withCtrl.defaultPrevented).to.equal(true);
    const zoomed = element.camera.k;
    expect(zoomed).to.be.closeTo(2 ** 0.2, 1e-9);
    expect(worldAt(element, { x: 300, y: 200 }).x).to.be.closeTo(locus.x, 1e-9);

    const withCmd = wheel(element, { x: 300, y: 200 }, { deltaY: 100, deltaMode: 0, metaKey: true });
    expect(withCmd.defaultPrevented).to.equal(true);
    expect(element.camera.k).to.be.closeTo(zoomed * 2 ** -0.2, 1e-9);
    await element.updateComplete;
    expect(hintOf(element)).to.equal(null);
  });

  it('centres the hint in the visible part', async () => {
    const element = await mountCooperative();
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
    try {
      const box = element.getBoundingClientRect();
      // Scrolls the top 200 px of the graph out of view.
      window.scrollTo(0, window.scrollY + box.top + 200);
      wheel(element, { x: 300, y: 300 }, { deltaY: 50, deltaMode: 0 });
      await element.updateComplete;

      const graphBox = element.getBoundingClientRect();
      const text = hintOf(element)!.querySelector('.gesture-hint-text')!.getBoundingClientRect();
      const visibleBottom = Math.min(graphBox.bottom, window.innerHeight);
      expect(text.top + text.height / 2).to.be.closeTo(visibleBottom / 2, 1);
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('centres the hint in a scrolling frame', async () => {
    const element = await mountCooperative();
    const frame = document.createElement('div');
    frame.style.height = '240px';
    frame.style.overflowY = 'auto';
    element.before(frame);
    frame.append(element);
    try {
      await nextFrames();
      // The frame hides the graph's top 60 px and, below its own bottom, the graph's last 100.
      frame.scrollTop = 60;
      wheel(element, { x: 300, y: 300 }, { deltaY: 50, deltaMode: 0 });
      await element.updateComplete;

      const frameBox = frame.getBoundingClientRect();
      const text = hintOf(element)!.querySelector('.gesture-hint-text')!.getBoundingClientRect();
      expect(text.top + text.height / 2).to.be.closeTo((frameBox.top + frameBox.bottom) / 2, 1);
    } finally {
      frame.replaceWith(element);
    }
  });

  it('hides the hint after HINT_MS', async () => {
    const element = await mountCooperative();

    wheel(element, { x: 300, y: 200 }, { deltaY: 50, deltaMode: 0 });
    await element.updateComplete;
    expect(hintOf(element)).to.not.equal(null);

    await new Promise((resolve) => setTimeout(resolve, HINT_MS / 2));
    wheel(element, { x: 300, y: 200 }, { deltaY: 50, deltaMode: 0 });
    await new Promise((resolve) => setTimeout(resolve, HINT_MS * 0.75));
    await element.updateComplete;
    expect(hintOf(element), 'a second wheel keeps the hint up').to.not.equal(null);

    await new Promise((resolve) => setTimeout(resolve, HINT_MS * 0.5));
    await element.updateComplete;
    expect(hintOf(element)).to.equal(null);
  });

  it('leaves a lone finger to the page', async () => {
    const element = await mountCooperative();

    // From empty space, then from the device node at (120, 100).
    touch(element, 'pointerdown', 1, { x: 500, y: 350 });
    touch(element, 'pointermove', 1, { x: 540, y: 300 });
    touch(element, 'pointercancel', 1, { x: 540, y: 300 });
    touch(element, 'pointerdown', 2, { x: 120, y: 100 });
    touch(element, 'pointermove', 2, { x: 160, y: 60 });
    touch(element, 'pointerup', 2, { x: 160, y: 60 });
    await element.updateComplete;

    expect(element.camera).to.deep.equal(START_CAMERA);
    expect(element.boundGraph!.getNodeAttributes('device')).to.include({ x: 0, y: 0 });
    expect(element.boundGraph!.getNodeAttribute('device', 'fixed')).to.not.equal(true);
    expect(hintOf(element)!.textContent).to.equal('Use two fingers to move the graph');
  });

  it('shows no hint below the threshold', async () => {
    const element = await mountCooperative();

    touch(element, 'pointerdown', 1, { x: 500, y: 350 });
    touch(element, 'pointermove', 1, { x: 505, y: 352 });
    touch(element, 'pointerup', 1, { x: 505, y: 352 });
    await element.updateComplete;

    expect(hintOf(element)).to.equal(null);
  });

  it('pinches and pans with two fingers', async () => {
    const element = await mountCooperative();
    const first = worldAt(element, { x: 300, y: 300 });
    const second = worldAt(element, { x: 400, y: 300 });

    touch(element, 'pointerdown', 1, { x: 300, y: 300 });
    touch(element, 'pointermove', 1, { x: 302, y: 300 });
    touch(element, 'pointerdown', 2, { x: 400, y: 300 });
    touch(element, 'pointermove', 1, { x: 252, y: 300 });
    touch(element, 'pointermove', 2, { x: 450, y: 300 });

    // The first finger's press point was moved by 2 px before the second came, and its locus
    // is where it was when the pinch began.
    expect(element.camera.k).to.be.closeTo(198 / 98, 1e-9);
    expect(worldAt(element, { x: 450, y: 300 }).x).to.be.closeTo(second.x, 1e-9);
    expect(worldAt(element, { x: 252, y: 300 }).x).to.be.closeTo(first.x + 2, 1e-9);

    touch(element, 'pointerup', 2, { x: 450, y: 300 });
    const afterPinch = element.camera;
    touch(element, 'pointermove', 1, { x: 272, y: 320 });
    expect(element.camera).to.deep.equal({ x: afterPinch.x + 20, y: afterPinch.y + 20, k: afterPinch.k });
    touch(element, 'pointerup', 1, { x: 272, y: 320 });
  });

  it('prevents scrolling under two fingers', async () => {
    const element = await mountCooperative();

    expect(touchMove(element, [{ x: 300, y: 300 }]).defaultPrevented).to.equal(false);
    expect(touchMove(element, [{ x: 300, y: 300 }, { x: 400, y: 300 }]).defaultPrevented).to.equal(true);

    element.gestureHandling = undefined;
    await element.updateComplete;
    expect(touchMove(element, [{ x: 300, y: 300 }, { x: 400, y: 300 }]).defaultPrevented).to.equal(false);
  });

  it('still pans with a mouse drag', async () => {
    const element = await mountCooperative();
    const rect = element.getBoundingClientRect();

    await sendMouse({ type: 'move', position: [Math.round(rect.left + 500), Math.round(rect.top + 350)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(rect.left + 540), Math.round(rect.top + 330)] });
    await sendMouse({ type: 'up' });

    expect(element.camera).to.deep.equal({ x: 160, y: 80, k: 1 });
  });
});

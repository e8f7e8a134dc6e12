/** Synthetic pointer and wheel events at points of `il-incident-graph`, for the camera gesture tests. */

import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';

/** Returns the element's focusable drawing area, where the gestures are listened to. */
export function viewportOf(element: IncidentGraphElement): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
}

/** Returns the world point drawn at a point of the element. */
export function worldAt(element: IncidentGraphElement, point: { x: number; y: number }): { x: number; y: number } {
  const { x, y, k } = element.camera;
  return { x: (point.x - x) / k, y: (point.y - y) / k };
}

/**
 * Dispatches a touch pointer event at a point of the element. Synthetic pointers cannot be
 * captured, so this checks the gesture math and bookkeeping, not the browser's capture.
 */
export function touch(
  element: IncidentGraphElement,
  type: 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel',
  pointerId: number,
  point: { x: number; y: number },
): void {
  const rect = element.getBoundingClientRect();
  viewportOf(element).dispatchEvent(
    new PointerEvent(type, {
      pointerId,
      pointerType: 'touch',
      isPrimary: pointerId === 1,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerdown' || type === 'pointermove' ? 1 : 0,
      clientX: rect.left + point.x,
      clientY: rect.top + point.y,
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
}

/** Dispatches a wheel event at a point of the element and returns it. */
export function wheel(element: IncidentGraphElement, point: { x: number; y: number }, init: WheelEventInit): WheelEvent {
  const rect = element.getBoundingClientRect();
  const event = new WheelEvent('wheel', {
    clientX: rect.left + point.x,
    clientY: rect.top + point.y,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  viewportOf(element).dispatchEvent(event);
  return event;
}

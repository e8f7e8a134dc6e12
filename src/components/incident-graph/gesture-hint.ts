/**
 * The hint of a cooperative `il-incident-graph`, shown over the graph when it leaves a gesture
 * to the page: how to zoom after the wheel scrolled the page, how to pan after a lone finger
 * did. It shows until `HINT_MS` after the last such gesture, and is hidden from assistive
 * technology, since the keyboard moves the graph without it. Its text sits on a box of its own
 * in the middle of the part of the graph that shows, which scrolling moves.
 */

import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '../shared/strings.js';
import { styleProperties } from '../shared/style-properties.js';
import type { PageGesture } from './zoom-camera.js';

/** Time, in milliseconds, the hint stays after the last gesture left to the page. */
export const HINT_MS = 1500;

/** True on Apple systems, where the hint names Cmd (⌘) instead of Ctrl. */
const APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

export class GestureHint implements ReactiveController {
  /** The gesture the hint is about, while it shows. */
  gesture: PageGesture | undefined;
  /** Distance of the text's centre from the top of the graph, in CSS pixels. */
  centreY = 0;

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Shows the hint for a gesture left to the page, or keeps it up while such gestures go on. */
  show(gesture: PageGesture): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), HINT_MS);
    const centreY = visibleCentreY(this.host);
    if (gesture === this.gesture && Math.abs(centreY - this.centreY) < 1) return;
    this.gesture = gesture;
    this.centreY = centreY;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.hide();
  }

  render(): unknown {
    if (!this.gesture) return nothing;
    let key = 'graph.hint.touch';
    if (this.gesture === 'wheel') key = APPLE ? 'graph.hint.wheelApple' : 'graph.hint.wheel';
    const style = styleProperties({ top: `${this.centreY}px` });
    return html`<div part="gesture-hint" class="gesture-hint" aria-hidden="true"><span class="gesture-hint-text" style=${style}>${msg(key)}</span></div>`;
  }

  private hide(): void {
    clearTimeout(this.timer);
    if (!this.gesture) return;
    this.gesture = undefined;
    this.host.requestUpdate();
  }
}

/**
 * Returns the middle of the part of `element` that shows, from the element's top: the part
 * inside the viewport and inside every ancestor that clips, such as a scrolling frame.
 */
function visibleCentreY(element: HTMLElement): number {
  const box = element.getBoundingClientRect();
  let top = Math.max(box.top, 0);
  let bottom = Math.min(box.bottom, window.innerHeight);
  for (let ancestor = composedParent(element); ancestor; ancestor = composedParent(ancestor)) {
    if (getComputedStyle(ancestor).overflowY === 'visible') continue;
    const clip = ancestor.getBoundingClientRect();
    top = Math.max(top, clip.top);
    bottom = Math.min(bottom, clip.bottom);
  }

  // An element wholly out of view has nothing visible, and the text goes in its middle.
  if (bottom <= top) return box.height / 2;
  return (top + bottom) / 2 - box.top;
}

/** Returns the parent of an element in the flattened tree, across shadow roots and slots. */
function composedParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

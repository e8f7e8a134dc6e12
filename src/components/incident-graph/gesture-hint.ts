/**
 * The hint of a cooperative `il-incident-graph`, shown over the graph when it leaves a gesture
 * to the page: how to zoom after the wheel scrolled the page, how to pan after a lone finger
 * did. It shows until `HINT_MS` after the last such gesture, and is hidden from assistive
 * technology, since the keyboard moves the graph without it.
 */

import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '../shared/strings.js';
import type { PageGesture } from './zoom-camera.js';

/** Time, in milliseconds, the hint stays after the last gesture left to the page. */
export const HINT_MS = 1500;

/** True on Apple systems, where the hint names Cmd (⌘) instead of Ctrl. */
const APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

export class GestureHint implements ReactiveController {
  /** The gesture the hint is about, while it shows. */
  gesture: PageGesture | undefined;

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Shows the hint for a gesture left to the page, or keeps it up while such gestures go on. */
  show(gesture: PageGesture): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), HINT_MS);
    if (gesture === this.gesture) return;
    this.gesture = gesture;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.hide();
  }

  render(): unknown {
    if (!this.gesture) return nothing;
    let key = 'graph.hint.touch';
    if (this.gesture === 'wheel') key = APPLE ? 'graph.hint.wheelApple' : 'graph.hint.wheel';
    return html`<div part="gesture-hint" class="gesture-hint" aria-hidden="true">${msg(key)}</div>`;
  }

  private hide(): void {
    clearTimeout(this.timer);
    if (!this.gesture) return;
    this.gesture = undefined;
    this.host.requestUpdate();
  }
}

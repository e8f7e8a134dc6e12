/**
 * `NarrowController`: whether `il-incident-view` has its narrow layout, for what the styles'
 * container query cannot set, such as the graph's gesture handling. The view is narrow below
 * the same width as in the query, measured on the same content box.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Widest content box, in CSS pixels, of a narrow view: the styles' `@container (max-width: 899px)`. */
export const NARROW_MAX_WIDTH = 899;

export class NarrowController implements ReactiveController {
  /** True while the view's content box is at most `NARROW_MAX_WIDTH` wide. */
  narrow = false;

  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const narrow = entry.contentRect.width <= NARROW_MAX_WIDTH;
      if (narrow === this.narrow) return;
      this.narrow = narrow;
      this.host.requestUpdate();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

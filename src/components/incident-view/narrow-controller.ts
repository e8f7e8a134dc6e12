/**
 * `NarrowController`: whether `il-incident-view` has its narrow layout, for what the styles'
 * container query cannot set, such as the graph's gesture handling. The view is narrow below
 * the same width as in the query. The width is read from a probe of no height across the
 * view (`.width-probe`), since a view of auto height changes height while its parts resize
 * themselves, and observing the view itself then left notifications undelivered in a frame.
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

  hostUpdated(): void {
    if (this.observer) return;
    const probe = this.host.shadowRoot?.querySelector('.width-probe');
    if (!probe) return;
    this.observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const narrow = entry.contentRect.width <= NARROW_MAX_WIDTH;
      if (narrow === this.narrow) return;
      this.narrow = narrow;
      this.host.requestUpdate();
    });
    this.observer.observe(probe);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

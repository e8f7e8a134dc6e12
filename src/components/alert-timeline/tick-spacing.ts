/**
 * Room per tick label on the alert timeline's axis. The number of ticks is the axis width over
 * this spacing, and the spacing starts at `TICK_SPACING`. Labels get longer as the axis zooms
 * in (`09:12:05.250` is more than twice as wide as `09:12`), and the font is the host's. So
 * after each render with a new window, width or zone the controller measures the labels, and
 * while two overlap it widens the spacing and renders again, before the browser paints. A zoom,
 * resize or zone change starts again from `TICK_SPACING`, and a pan keeps the spacing it had.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** CSS pixels per tick label to start from: enough for `09:12` and most dates. */
export const TICK_SPACING = 110;

// Labels closer than this many CSS pixels count as overlapping, so neighbours stay apart.
const MIN_GAP = 8;

// Each widening multiplies the spacing by this factor.
const WIDEN_FACTOR = 1.25;

export interface TickSpacingOptions {
  /** The rendered tick label elements. */
  ticks: () => readonly Element[];
  /** A key of the window's span, the axis width and the zone: a change resets the spacing. */
  scaleKey: () => string;
  /** A key of everything the labels depend on, the window's start too: a change measures again. */
  key: () => string;
  /** The axis width in CSS pixels, or 0 before it was measured. */
  width: () => number;
}

export class TickSpacing implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: TickSpacingOptions;
  private currentSpacing = TICK_SPACING;
  private spacingKey: string | undefined;
  private measureKey: string | undefined;
  // The key whose labels were measured and fit, so an update with the same key measures nothing.
  private fittedKey: string | undefined;

  constructor(host: ReactiveControllerHost, options: TickSpacingOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** CSS pixels per tick label for the coming render. */
  get spacing(): number {
    return this.currentSpacing;
  }

  /** Starts again from `TICK_SPACING` when the span, width or zone changed. */
  hostUpdate(): void {
    this.measureKey = this.options.key();
    const scaleKey = this.options.scaleKey();
    if (scaleKey === this.spacingKey) return;
    this.spacingKey = scaleKey;
    this.fittedKey = undefined;
    this.currentSpacing = TICK_SPACING;
  }

  /** Measures the labels once per key, and widens the spacing while two of them overlap. */
  hostUpdated(): void {
    const key = this.measureKey;
    if (key === undefined || key === this.fittedKey) return;

    // Two ticks is the least an axis shows, so the spacing stops growing at half the width.
    const width = this.options.width();
    if (!(width > 0) || !this.overlaps() || this.currentSpacing * WIDEN_FACTOR > width / 2) {
      this.fittedKey = key;
      return;
    }

    this.currentSpacing *= WIDEN_FACTOR;
    this.host.requestUpdate();
  }

  private overlaps(): boolean {
    // Sorted by position, because a right-to-left page lays the axis out from the right.
    const rects = this.options
      .ticks()
      .map((tick) => tick.getBoundingClientRect())
      .sort((a, b) => a.left - b.left);
    for (let index = 1; index < rects.length; index++) {
      if (rects[index]!.left - rects[index - 1]!.right < MIN_GAP) return true;
    }
    return false;
  }
}

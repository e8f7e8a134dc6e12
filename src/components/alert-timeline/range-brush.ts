/**
 * Range selection on the alert timeline: a drag from one time to another selects the window
 * between them, and a press without a drag clears it. A scrub controller tracks the pointer,
 * so moves are coalesced to one per animation frame.
 */

import type { ReactiveControllerHost } from 'lit';
import type { EpochMs } from '../../model/types.js';
import type { TimeRange } from '../../session/session.js';
import type { FrameClock } from './playback-clock.js';
import { ScrubController } from './scrub-controller.js';

export interface RangeBrushOptions {
  /** Returns the time at a fraction of the surface's width, or undefined without an axis. */
  timeAt: (position: number) => EpochMs | undefined;
  clock: () => FrameClock;
  /** Called with each range a user drags out, and with null when a press clears it. */
  onChange: (range: TimeRange | null) => void;
}

export class RangeBrush {
  private readonly options: RangeBrushOptions;
  private readonly tracker: ScrubController;
  private surface: HTMLElement | undefined;
  private anchor: EpochMs | undefined;
  private moved = false;

  constructor(host: ReactiveControllerHost, options: RangeBrushOptions) {
    this.options = options;
    this.tracker = new ScrubController(host, {
      surface: () => this.surface,
      timeAt: options.timeAt,
      clock: options.clock,
      onStart: () => (this.moved = false),
      onSeek: (time) => this.extendTo(time),
      onEnd: () => this.finish(),
    });
  }

  /** Starts a selection from a press on `surface`, and returns false when none started. */
  start(event: PointerEvent, surface: HTMLElement | undefined): boolean {
    const rect = surface?.getBoundingClientRect();
    if (!surface || !rect || !(rect.width > 0)) return false;

    // The anchor is read here, because the tracker reports only the last position of a frame.
    const position = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    this.anchor = this.options.timeAt(position);
    this.surface = surface;
    if (this.anchor !== undefined && this.tracker.start(event)) return true;

    this.surface = undefined;
    this.anchor = undefined;
    return false;
  }

  private extendTo(time: EpochMs): void {
    if (this.anchor === undefined || time === this.anchor) return;
    this.moved = true;
    this.options.onChange({ start: this.anchor, end: time });
  }

  private finish(): void {
    if (!this.moved) this.options.onChange(null);
    this.anchor = undefined;
    this.surface = undefined;
  }
}

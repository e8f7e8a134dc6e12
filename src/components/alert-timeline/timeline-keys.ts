/**
 * Keyboard commands of the alert timeline: the keys of the time cursor's slider and the roving
 * focus among the markers. DOM-free: the element maps an event's `key` through these functions
 * and calls `preventDefault` when one handled it.
 */

import type { EpochMs } from '../../model/types.js';
import type { TimeRange } from '../../session/session.js';
import { ZOOM_STEP } from './axis-view.js';

// PageUp and PageDown move the time cursor by this fraction of the visible window.
const PAGE_FRACTION = 0.1;

/** The state that the slider keys read, and the actions they call. */
export interface SliderKeyTarget {
  /** The time cursor. */
  time: EpochMs;
  /** The incident's time bounds. */
  bounds: TimeRange;
  /** The session's range, or null without one. */
  range: TimeRange | null;
  /** The visible window of the axis. */
  view: TimeRange;
  step(direction: 1 | -1): void;
  seek(time: EpochMs): void;
  /** Zooms by `factor` (above 1 zooms in) around the time cursor. */
  zoom(factor: number): void;
  showAll(): void;
  changeRange(range: TimeRange | null): void;
}

/**
 * Applies a key pressed on the slider, and returns false for a key it does not handle. Left and
 * Down step to the previous alert time, Right and Up to the next. PageDown and PageUp move by a
 * tenth of the visible window, and Home and End go to the ends. + (or =) and - zoom around the
 * cursor, and 0 shows the whole incident. [ and ] set the start and end of the range at the
 * cursor. Escape clears the range, but only when there is one.
 */
export function applySliderKey(key: string, target: SliderKeyTarget): boolean {
  const { time, bounds, range } = target;
  const page = (target.view.end - target.view.start) * PAGE_FRACTION;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      target.step(-1);
      return true;
    case 'ArrowRight':
    case 'ArrowUp':
      target.step(1);
      return true;
    case 'PageDown':
      target.seek(time - page);
      return true;
    case 'PageUp':
      target.seek(time + page);
      return true;
    case 'Home':
      target.seek(bounds.start);
      return true;
    case 'End':
      target.seek(bounds.end);
      return true;
    case '+':
    case '=':
      target.zoom(ZOOM_STEP);
      return true;
    case '-':
      target.zoom(1 / ZOOM_STEP);
      return true;
    case '0':
      target.showAll();
      return true;
    case '[':
      target.changeRange({ start: time, end: Math.max(time, range?.end ?? bounds.end) });
      return true;
    case ']':
      target.changeRange({ start: Math.min(time, range?.start ?? bounds.start), end: time });
      return true;
    case 'Escape':
      if (!range) return false;
      target.changeRange(null);
      return true;
    default:
      return false;
  }
}

/**
 * Returns the index of the marker that a key moves focus to from `index`, among `count`
 * markers, or undefined for a key that does not move focus. Right and Down go to the next,
 * Left and Up to the previous, Home and End to the first and last. Focus stops at the ends.
 */
export function markerIndexAfterKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

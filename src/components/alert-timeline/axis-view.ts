/**
 * The visible window of the alert timeline's axis: zoom around a point and pan, kept inside the
 * incident's domain and no narrower than `MIN_VIEW_SPAN`. DOM-free.
 */

import type { EpochMs } from '../../model/types.js';
import type { TimeDomain } from './time-axis.js';

/** The narrowest window, in ms: one second, where tick labels show milliseconds. */
export const MIN_VIEW_SPAN = 1000;

/** Zoom factor of one keyboard or button step, and of 100 pixels of wheel movement. */
export const ZOOM_STEP = 2;

/**
 * Returns `view` zoomed by `factor` (above 1 zooms in) around the time at `anchor`, a fraction
 * of the window that stays at the same place on screen. The result stays inside `full`.
 */
export function zoomView(full: TimeDomain, view: TimeDomain, factor: number, anchor: number): TimeDomain {
  if (!(factor > 0)) return view;
  const span = view.end - view.start;
  const fullSpan = full.end - full.start;
  const nextSpan = Math.min(fullSpan, Math.max(Math.min(MIN_VIEW_SPAN, fullSpan), span / factor));
  const pivot = view.start + anchor * span;
  return clampView(full, { start: pivot - anchor * nextSpan, end: pivot - anchor * nextSpan + nextSpan });
}

/** Returns `view` moved by `fraction` of its width (positive moves later), inside `full`. */
export function panView(full: TimeDomain, view: TimeDomain, fraction: number): TimeDomain {
  const shift = (view.end - view.start) * fraction;
  return clampView(full, { start: view.start + shift, end: view.end + shift });
}

// Share of the window between a revealed time and the edge the window moved past it by.
const REVEAL_MARGIN = 0.1;

/**
 * Returns `view` itself when `time` is inside it, else `view` moved (not resized) so that
 * `time` sits a tenth in from the edge it left by. So playback that moves past the end pages
 * the window forward, with the time near its start.
 */
export function revealTime(full: TimeDomain, view: TimeDomain, time: EpochMs): TimeDomain {
  if (time >= view.start && time <= view.end) return view;
  const span = view.end - view.start;
  const start = time > view.end ? time - REVEAL_MARGIN * span : time - (1 - REVEAL_MARGIN) * span;
  return clampView(full, { start, end: start + span });
}

/** Returns `view` moved (never resized, unless wider than `full`) to lie inside `full`. */
export function clampView(full: TimeDomain, view: TimeDomain): TimeDomain {
  const span = Math.min(view.end - view.start, full.end - full.start);
  const start = Math.min(full.end - span, Math.max(full.start, view.start));
  return { start, end: start + span };
}

/** True when `view` shows all of `full`. */
export function showsAll(full: TimeDomain, view: TimeDomain): boolean {
  return view.start <= full.start && view.end >= full.end;
}

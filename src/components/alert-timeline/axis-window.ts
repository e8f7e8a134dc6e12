/**
 * The visible window of the alert timeline's axis as a reactive controller: zoom and pan from
 * the wheel, a touchpad or two-finger pinch, buttons and keys, and paging along with the time
 * cursor. The window math is in `axis-view.ts`.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EpochMs } from '../../model/types.js';
import { MIN_VIEW_SPAN, ZOOM_STEP, panView, revealTime, showsAll, zoomView } from './axis-view.js';
import { positionOf, type TimeDomain } from './time-axis.js';

// Wheel movement, in pixels, that zooms by one `ZOOM_STEP`.
const WHEEL_ZOOM_PIXELS = 100;

export interface AxisWindowOptions {
  /** The whole incident's axis domain, or undefined without times. */
  full: () => TimeDomain | undefined;
  /** The time cursor. */
  time: () => EpochMs | undefined;
  /** The element whose horizontal extent is the visible window. */
  plot: () => HTMLElement | undefined;
}

export class AxisWindow implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: AxisWindowOptions;
  // The zoomed window, or undefined while the whole incident shows, and the domain it was set
  // in: a new incident has a new domain, and then the window no longer applies.
  private view: TimeDomain | undefined;
  private viewDomain: TimeDomain | undefined;
  private followedTime: EpochMs | undefined;
  // Touch points of a two-finger pinch on the plot, by pointer id: their last client x.
  private readonly touches = new Map<number, number>();

  constructor(host: ReactiveControllerHost, options: AxisWindowOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The visible window: the zoomed one, or the whole incident. */
  get visible(): TimeDomain | undefined {
    return this.zoomed() ?? this.options.full();
  }

  get canZoomIn(): boolean {
    const visible = this.visible;
    return visible !== undefined && visible.end - visible.start > MIN_VIEW_SPAN;
  }

  get canZoomOut(): boolean {
    return this.zoomed() !== undefined;
  }

  /** Pages the window along when the time cursor moved out of it since the last update. */
  hostUpdate(): void {
    const time = this.options.time();
    if (time === this.followedTime) return;
    this.followedTime = time;

    const full = this.options.full();
    const view = this.zoomed();
    if (view && full && time !== undefined) this.view = revealTime(full, view, time);
  }

  /** Shows the whole incident again, for example when the incident changed. */
  reset(): void {
    this.set(undefined);
  }

  /** Zooms by `factor` (above 1 zooms in) around the time cursor, or the middle without one. */
  zoomAroundCursor(factor: number): void {
    const visible = this.visible;
    const time = this.options.time();
    if (!visible) return;
    const anchor = time === undefined ? 0.5 : Math.min(1, Math.max(0, positionOf(visible, time)));
    this.zoom(factor, anchor);
  }

  /** Shows `start` to `end` with a tenth of room on each side, at least the narrowest window. */
  zoomTo(start: EpochMs, end: EpochMs): void {
    const padding = Math.max((end - start) * 0.1, MIN_VIEW_SPAN / 2);
    const full = this.options.full();
    if (full) this.set(zoomView(full, { start: start - padding, end: end + padding }, 1, 0.5));
  }

  /**
   * Zooms or pans for a wheel event on the plot. A vertical wheel zooms around the pointer, and
   * so does a touchpad pinch, which browsers report as a wheel event with `ctrlKey`. A
   * horizontal wheel, or a vertical one with Shift, pans.
   */
  handleWheel(event: WheelEvent): void {
    const full = this.options.full();
    const visible = this.visible;
    const rect = this.options.plot()?.getBoundingClientRect();
    if (!full || !visible || !rect || !(rect.width > 0)) return;
    event.preventDefault();

    const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (horizontal && !event.ctrlKey) {
      const pixels = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
      this.set(panView(full, visible, pixels / rect.width));
      return;
    }

    const anchor = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    this.zoom(ZOOM_STEP ** (-event.deltaY / WHEEL_ZOOM_PIXELS), anchor);
  }

  /**
   * Follows touch points on the plot for a two-finger pinch. Returns true when this press is
   * the second finger, which starts a pinch: the caller then ends any scrub the first began.
   */
  touchStart(event: PointerEvent): boolean {
    if (event.pointerType !== 'touch') return false;
    const plot = this.options.plot();
    if (!plot) return false;

    this.touches.set(event.pointerId, event.clientX);
    if (this.touches.size === 1) {
      plot.addEventListener('pointermove', this.handleTouchMove);
      plot.addEventListener('pointerup', this.handleTouchEnd);
      plot.addEventListener('pointercancel', this.handleTouchEnd);
    }
    return this.touches.size === 2;
  }

  private readonly handleTouchMove = (event: PointerEvent): void => {
    const previous = this.touches.get(event.pointerId);
    if (previous === undefined || this.touches.size !== 2) return;
    const rect = this.options.plot()?.getBoundingClientRect();
    if (!rect || !(rect.width > 0)) return;

    // The distance between the fingers scales the window, around the finger that stays.
    const other = [...this.touches].find(([id]) => id !== event.pointerId)![1];
    const before = Math.abs(previous - other);
    const after = Math.abs(event.clientX - other);
    this.touches.set(event.pointerId, event.clientX);
    if (before < 1 || after < 1) return;
    this.zoom(after / before, Math.min(1, Math.max(0, (other - rect.left) / rect.width)));
  };

  private readonly handleTouchEnd = (event: PointerEvent): void => {
    this.touches.delete(event.pointerId);
    if (this.touches.size > 0) return;
    const plot = this.options.plot();
    plot?.removeEventListener('pointermove', this.handleTouchMove);
    plot?.removeEventListener('pointerup', this.handleTouchEnd);
    plot?.removeEventListener('pointercancel', this.handleTouchEnd);
  };

  private zoom(factor: number, anchor: number): void {
    const full = this.options.full();
    const visible = this.visible;
    if (full && visible) this.set(zoomView(full, visible, factor, anchor));
  }

  private zoomed(): TimeDomain | undefined {
    return this.viewDomain === this.options.full() ? this.view : undefined;
  }

  private set(view: TimeDomain | undefined): void {
    const full = this.options.full();
    const next = view && full && showsAll(full, view) ? undefined : view;
    if (next === this.zoomed()) return;
    this.view = next;
    this.viewDomain = full;
    this.host.requestUpdate();
  }
}

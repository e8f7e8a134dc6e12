/**
 * Keeps a canvas's backing store at its CSS size times `devicePixelRatio`, so drawing stays
 * sharp: it watches the host's size with a ResizeObserver and the pixel ratio with a
 * `(resolution: Xdppx)` media query, which stops matching when the window moves to another
 * screen or the page is zoomed.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CanvasSurface implements ReactiveController {
  /** Size of the drawing area in CSS pixels; 0 while hidden. */
  width = 0;
  height = 0;
  /** Backing store pixels per CSS pixel. */
  pixelRatio = 1;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly onResize: () => void;
  private canvas: HTMLCanvasElement | undefined;
  private measured: HTMLElement | undefined;
  private observer: ResizeObserver | undefined;
  private resolutionQuery: MediaQueryList | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, onResize: () => void) {
    this.host = host;
    this.onResize = onResize;
    host.addController(this);
  }

  /** Starts sizing `canvas` to the size of `measured`, the element it fills. */
  attach(canvas: HTMLCanvasElement, measured: HTMLElement): void {
    this.canvas = canvas;
    this.measured = measured;
    this.hostConnected();
  }

  hostConnected(): void {
    if (!this.canvas || this.observer) return;
    this.observer = new ResizeObserver(() => this.measure());
    this.observer.observe(this.host);
    this.watchPixelRatio();
    this.measure();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.resolutionQuery?.removeEventListener('change', this.handleResolutionChange);
    this.resolutionQuery = undefined;
  }

  /** Reads the size and pixel ratio again and resizes the backing store when they changed. */
  measure(): void {
    if (!this.canvas || !this.measured) return;
    const width = this.measured.clientWidth;
    const height = this.measured.clientHeight;
    const pixelRatio = window.devicePixelRatio || 1;
    const backingWidth = Math.round(width * pixelRatio);
    const backingHeight = Math.round(height * pixelRatio);
    const unchanged =
      width === this.width &&
      height === this.height &&
      pixelRatio === this.pixelRatio &&
      this.canvas.width === backingWidth &&
      this.canvas.height === backingHeight;
    if (unchanged) return;

    this.width = width;
    this.height = height;
    this.pixelRatio = pixelRatio;
    // Assigning a canvas's size clears it, so this happens only when the size changed.
    this.canvas.width = backingWidth;
    this.canvas.height = backingHeight;
    this.onResize();
  }

  private watchPixelRatio(): void {
    this.resolutionQuery?.removeEventListener('change', this.handleResolutionChange);
    this.resolutionQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.resolutionQuery.addEventListener('change', this.handleResolutionChange);
  }

  private readonly handleResolutionChange = (): void => {
    this.watchPixelRatio();
    this.measure();
  };
}

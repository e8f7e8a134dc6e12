/**
 * Keeps a canvas's backing store at its CSS size times `devicePixelRatio`, so drawing stays
 * sharp: it watches the host's size with a ResizeObserver and the pixel ratio with a
 * `(resolution: Xdppx)` media query, which stops matching when the window moves to another
 * screen or the page is zoomed. The backing store is resized only right before a frame is
 * painted (`applySize`), since resizing clears it: until then the browser shows the last
 * picture scaled rather than a blank canvas.
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
  /** True once the backing store has had a visible size, so it may hold a picture. */
  private sized = false;

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
    // A hidden canvas shows nothing, and one never drawn on has no picture to keep.
    if (width === 0 || height === 0 || !this.sized) this.applySize();
    this.onResize();
  }

  /**
   * Gives the backing store the size measured last, right before a frame is painted on it.
   * Assigning a canvas's size clears it, so this happens only when the size changed.
   */
  applySize(): void {
    if (!this.canvas) return;
    const backingWidth = Math.round(this.width * this.pixelRatio);
    const backingHeight = Math.round(this.height * this.pixelRatio);
    if (this.canvas.width !== backingWidth) this.canvas.width = backingWidth;
    if (this.canvas.height !== backingHeight) this.canvas.height = backingHeight;
    this.sized = this.width > 0 && this.height > 0;
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

/**
 * The animation frame loop of `il-incident-graph`: at most one frame pending at a time, the
 * `fit()` requests that wait for the next frame, and the `rendered` promise of the first frame
 * that shows the graph.
 */

import type { FitOptions } from './geometry.js';

/** A `fit()` call waiting for the next frame. */
export interface PendingFit {
  options: FitOptions;
  resolve: () => void;
}

export class FrameLoop {
  /** Resolves after the first frame that `markRendered` reports. */
  readonly rendered: Promise<void>;

  private readonly host: { readonly isConnected: boolean };
  private readonly draw: () => boolean | void;
  private handle = 0;
  private drawing = false;
  /** True while a continuation task is posted. */
  private continuing = false;
  private channel: MessageChannel | undefined;
  /** Counts `cancel` calls, so a draw can tell that it was cancelled meanwhile. */
  private cancels = 0;
  private pendingFits: PendingFit[] = [];
  private renderedResolved = false;
  private resolveRendered!: () => void;

  /** `draw` returns true when it wants another frame, to go on with work it left unfinished. */
  constructor(host: { readonly isConnected: boolean }, draw: () => boolean | void) {
    this.host = host;
    this.draw = draw;
    this.rendered = new Promise<void>((resolve) => (this.resolveRendered = resolve));
  }

  /**
   * Schedules one animation frame, unless one is pending or being drawn, a continuation task
   * will draw, or the host is detached.
   */
  schedule(): void {
    if (this.handle || this.drawing || this.continuing || !this.host.isConnected) return;
    this.handle = requestAnimationFrame(() => {
      this.handle = 0;
      this.run();
    });
  }

  /**
   * Starts a frame in a new task instead of at the next animation frame, for new data. Its model
   * can take longer to build than a frame lasts, so the build starts up to a frame sooner, and
   * the picture is painted when it ends. A pending animation frame is cancelled.
   */
  startSoon(): void {
    if (this.drawing || !this.host.isConnected) return;
    if (this.handle) cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.continue();
  }

  /** Cancels the pending frame, if any. */
  cancel(): void {
    if (this.handle) cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.continuing = false;
    this.cancels += 1;
    this.closeChannel();
  }

  /** Closes the continuation channel: a port with a message handler would keep the element alive. */
  private closeChannel(): void {
    this.channel?.port1.close();
    this.channel?.port2.close();
    this.channel = undefined;
  }

  /**
   * Draws, and when `draw` returns true, continues in a new task right away rather than at the
   * next animation frame. The work between is a slice of a build, so waiting for vsync would
   * leave the main thread idle for part of every frame. Input events still run between tasks.
   */
  private run(): void {
    const cancels = this.cancels;
    this.drawing = true;
    let again = false;
    try {
      again = this.draw() === true;
    } finally {
      this.drawing = false;
    }
    // A `cancel` during the draw stops the work from going on.
    if (!again || !this.host.isConnected || cancels !== this.cancels) {
      this.closeChannel();
      return;
    }
    this.continue();
  }

  /** Posts the task that draws next, unless one is posted already. */
  private continue(): void {
    if (this.continuing) return;
    this.continuing = true;
    this.channel ??= this.createChannel();
    this.channel.port2.postMessage(null);
  }

  private createChannel(): MessageChannel {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!this.continuing) return;
      this.continuing = false;
      // A frame requested meanwhile does the work itself.
      if (!this.handle) this.run();
    };
    return channel;
  }

  /** Queues a fit for the next frame and resolves once that frame is drawn. */
  requestFit(options: FitOptions): Promise<void> {
    return new Promise((resolve) => {
      this.pendingFits.push({ options, resolve });
      this.schedule();
    });
  }

  /** Returns the fits queued so far and empties the queue. The frame resolves them once drawn. */
  takeFits(): PendingFit[] {
    const fits = this.pendingFits;
    this.pendingFits = [];
    return fits;
  }

  /** True when fits wait for the next frame. */
  get hasPendingFits(): boolean {
    return this.pendingFits.length > 0;
  }

  /** True once `rendered` has resolved. */
  get isRendered(): boolean {
    return this.renderedResolved;
  }

  /** Resolves `rendered`, the first time only. */
  markRendered(): void {
    if (this.renderedResolved) return;
    this.renderedResolved = true;
    this.resolveRendered();
  }
}

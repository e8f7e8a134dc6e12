/**
 * Scrubbing: a press on the track or the playhead moves the time there, and a drag moves it
 * along, with the pointer captured so the drag continues outside the element. Moves are
 * coalesced to one seek per animation frame, and the release applies the last one at once.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EpochMs } from '../../model/types.js';
import type { FrameClock } from './playback-clock.js';

export interface ScrubOptions {
  /** The element whose horizontal extent is the time axis, or undefined before render. */
  surface: () => HTMLElement | undefined;
  /** Returns the time at a fraction of the surface's width, or undefined without an axis. */
  timeAt: (position: number) => EpochMs | undefined;
  clock: () => FrameClock;
  onStart: () => void;
  onSeek: (time: EpochMs) => void;
  onEnd: () => void;
}

export class ScrubController implements ReactiveController {
  private readonly options: ScrubOptions;
  private pointerId: number | undefined;
  private pendingTime: EpochMs | undefined;
  private frame: number | undefined;
  private frameClock: FrameClock | undefined;

  constructor(host: ReactiveControllerHost, options: ScrubOptions) {
    this.options = options;
    host.addController(this);
  }

  /** True while a pointer drags the time. */
  get dragging(): boolean {
    return this.pointerId !== undefined;
  }

  hostDisconnected(): void {
    this.finish();
  }

  /** Starts a scrub from a primary-button press, and returns false when it did not start. */
  start(event: PointerEvent): boolean {
    if (event.button !== 0 || this.pointerId !== undefined) return false;
    const surface = this.options.surface();
    const time = this.timeAtPointer(event);
    if (!surface || time === undefined) return false;

    this.pointerId = event.pointerId;
    // NOTE: capture fails for a pointer that is already gone, and then no drag starts.
    try {
      surface.setPointerCapture(event.pointerId);
    } catch {
      this.pointerId = undefined;
      return false;
    }
    surface.addEventListener('pointermove', this.handleMove);
    surface.addEventListener('pointerup', this.handleUp);
    surface.addEventListener('pointercancel', this.handleUp);
    surface.addEventListener('lostpointercapture', this.handleUp);

    this.options.onStart();
    this.request(time);
    return true;
  }

  private timeAtPointer(event: PointerEvent): EpochMs | undefined {
    const surface = this.options.surface();
    if (!surface) return undefined;
    const rect = surface.getBoundingClientRect();
    if (!(rect.width > 0)) return undefined;

    const position = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    return this.options.timeAt(position);
  }

  private request(time: EpochMs): void {
    this.pendingTime = time;
    if (this.frame !== undefined) return;
    this.frameClock = this.options.clock();
    this.frame = this.frameClock.requestFrame(this.flush);
  }

  private readonly flush = (): void => {
    this.frame = undefined;
    const time = this.pendingTime;
    this.pendingTime = undefined;
    if (time !== undefined) this.options.onSeek(time);
  };

  private readonly handleMove = (event: PointerEvent): void => {
    if (event.pointerId !== this.pointerId) return;
    const time = this.timeAtPointer(event);
    if (time !== undefined) this.request(time);
  };

  private readonly handleUp = (event: PointerEvent): void => {
    if (event.pointerId !== this.pointerId) return;
    if (event.type === 'pointerup') {
      const time = this.timeAtPointer(event);
      if (time !== undefined) this.pendingTime = time;
    }
    this.finish();
  };

  /** Ends a drag under way, as a release would, for example when a second finger starts a pinch. */
  end(): void {
    this.finish();
  }

  private finish(): void {
    if (this.frame !== undefined) this.frameClock?.cancelFrame(this.frame);
    this.frame = undefined;

    const surface = this.options.surface();
    const pointerId = this.pointerId;
    this.pointerId = undefined;
    if (surface) {
      surface.removeEventListener('pointermove', this.handleMove);
      surface.removeEventListener('pointerup', this.handleUp);
      surface.removeEventListener('pointercancel', this.handleUp);
      surface.removeEventListener('lostpointercapture', this.handleUp);
      if (pointerId !== undefined && surface.hasPointerCapture(pointerId)) {
        surface.releasePointerCapture(pointerId);
      }
    }
    if (pointerId === undefined) return;

    this.flush();
    this.options.onEnd();
  }
}

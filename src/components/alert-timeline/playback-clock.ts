/**
 * The playback clock of the alert timeline. DOM-free: it reads wall time and schedules frames
 * through an injectable `FrameClock`, so it runs in Node and under a fake clock in tests.
 *
 * Playback never accumulates per-frame deltas, which would drift with irregular frames.
 * Each play, seek and rate change sets an anchor `(anchorWall, anchorTime)`, and every frame
 * computes the incident time from it:
 *
 *     time = anchorTime + (now() - anchorWall) * rate
 *
 * clamped to the end of the incident, where the clock stops by itself.
 */

import type { EpochMs } from '../../model/types.js';

/** Wall time and frame scheduling. `now` returns milliseconds on any monotonic base. */
export interface FrameClock {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

/**
 * The browser's clock: `performance.now` and `requestAnimationFrame`. Where there is no
 * `requestAnimationFrame` (Node), frames are timers of about 16 ms.
 */
export const browserFrameClock: FrameClock = {
  now: () => performance.now(),
  requestFrame: (callback) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => callback())
      : (setTimeout(callback, 16) as unknown as number),
  cancelFrame: (handle) => {
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(handle);
    else clearTimeout(handle);
  },
};

/** Wall-clock milliseconds that speed 1 takes to play a whole incident, by default. */
export const DEFAULT_PLAYBACK_DURATION = 20_000;

/**
 * The speed value of the "one alert per second" mode: playback jumps from one alert time to
 * the next once per wall-clock second, however far apart the alerts are.
 */
export const ONE_ALERT_PER_SECOND = 0;

/** Speeds the speed menu offers, in menu order. */
export const PLAYBACK_SPEEDS: readonly number[] = [1, 2, 5, 10, ONE_ALERT_PER_SECOND];

/** Wall-clock milliseconds between two alerts in the "one alert per second" mode. */
export const ALERT_STEP_INTERVAL = 1000;

/**
 * Returns the playback rate in incident milliseconds per wall-clock millisecond: at speed 1
 * the whole `span` plays in `duration` ms, and speed multiplies that rate.
 */
export function playbackRate(span: number, duration: number, speed: number): number {
  if (!(span > 0) || !(duration > 0) || !(speed > 0)) return 0;
  return (span / duration) * speed;
}

export interface PlaybackClockOptions {
  clock?: FrameClock;
  /** Called on every frame with the new time and the time of the previous frame. */
  onFrame: (time: EpochMs, previous: EpochMs) => void;
  /** Called once when the time reaches `end`, after the last `onFrame`. */
  onEnd: (time: EpochMs) => void;
}

/** Advances a time from `start` towards `end` at `rate`, one animation frame at a time. */
export class PlaybackClock {
  clock: FrameClock;
  private readonly onFrame: PlaybackClockOptions['onFrame'];
  private readonly onEnd: PlaybackClockOptions['onEnd'];

  private anchorWall = 0;
  private anchorTime: EpochMs = 0;
  private currentRate = 0;
  private endTime: EpochMs = 0;
  private lastTime: EpochMs = 0;
  private frame: number | undefined;
  // Incremented by every play and stop, so a frame can tell whether a callback stopped it.
  private generation = 0;

  constructor(options: PlaybackClockOptions) {
    this.clock = options.clock ?? browserFrameClock;
    this.onFrame = options.onFrame;
    this.onEnd = options.onEnd;
  }

  /** True between `play` and `stop`, or until the time reaches the end. */
  get running(): boolean {
    return this.frame !== undefined;
  }

  /** The time of the last frame, or of the last play, seek or re-anchor. */
  get time(): EpochMs {
    return this.lastTime;
  }

  get rate(): number {
    return this.currentRate;
  }

  /** The anchor in effect: the wall time and incident time that frames count from. */
  get anchor(): { wall: number; time: EpochMs } {
    return { wall: this.anchorWall, time: this.anchorTime };
  }

  /** Starts advancing from `time` towards `end` at `rate` incident ms per wall ms. */
  play(time: EpochMs, end: EpochMs, rate: number): void {
    this.endTime = end;
    this.currentRate = rate;
    this.generation++;
    this.setAnchor(time);
    this.schedule();
  }

  /** Stops advancing. The time stays where the last frame put it. */
  stop(): void {
    this.generation++;
    if (this.frame === undefined) return;
    this.clock.cancelFrame(this.frame);
    this.frame = undefined;
  }

  /** Moves the time. A running clock continues from there. */
  seek(time: EpochMs): void {
    this.setAnchor(time);
  }

  /** Changes the rate from now on, without a jump in time. */
  setRate(rate: number): void {
    this.setAnchor(this.running ? this.timeAt(this.clock.now()) : this.lastTime);
    this.currentRate = rate;
  }

  /** Changes the end time, for example when the incident's bounds change. */
  setEnd(end: EpochMs): void {
    this.endTime = end;
  }

  /**
   * Anchors at the time of the last frame. Called when a hidden page becomes visible again:
   * frames stopped while it was hidden, and without this the next frame would jump by the
   * whole hidden interval.
   */
  reanchor(): void {
    this.setAnchor(this.lastTime);
  }

  /** Returns the time the anchor formula gives at wall time `wall`, clamped to the end. */
  timeAt(wall: number): EpochMs {
    const time = this.anchorTime + (wall - this.anchorWall) * this.currentRate;
    return Math.min(this.endTime, time);
  }

  private setAnchor(time: EpochMs): void {
    this.anchorWall = this.clock.now();
    this.anchorTime = time;
    this.lastTime = time;
  }

  private schedule(): void {
    if (this.frame !== undefined) this.clock.cancelFrame(this.frame);
    this.frame = this.clock.requestFrame(this.tick);
  }

  private readonly tick = (): void => {
    this.frame = undefined;
    const previous = this.lastTime;
    const time = this.timeAt(this.clock.now());
    this.lastTime = time;
    const ended = time >= this.endTime;
    const generation = this.generation;

    // Schedule before calling out, so that a callback that stops the clock cancels this frame.
    if (!ended) this.schedule();
    this.onFrame(time, previous);
    if (ended && generation === this.generation) this.onEnd(time);
  };
}

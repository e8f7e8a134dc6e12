/**
 * A manual `FrameClock` for the alert timeline's tests: wall time moves only when a test
 * advances it, and frame callbacks run only when a test runs a frame.
 */

import type { FrameClock } from '../../src/components/alert-timeline/playback-clock.js';

export class FakeFrameClock implements FrameClock {
  wall = 1_000;
  private nextHandle = 1;
  private readonly callbacks = new Map<number, () => void>();

  now(): number {
    return this.wall;
  }

  requestFrame(callback: () => void): number {
    const handle = this.nextHandle++;
    this.callbacks.set(handle, callback);
    return handle;
  }

  cancelFrame(handle: number): void {
    this.callbacks.delete(handle);
  }

  /** Number of frame callbacks waiting to run. */
  get pending(): number {
    return this.callbacks.size;
  }

  /** Advances wall time by `milliseconds`, then runs the callbacks requested so far. */
  frame(milliseconds = 16): void {
    this.wall += milliseconds;
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of due) callback();
  }
}

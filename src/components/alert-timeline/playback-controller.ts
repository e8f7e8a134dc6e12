/**
 * Connects the playback clock to the session and fires the timeline's user events. The element
 * calls `play`, `pause` and `seek` for what a user did. Everything else reaches the controller
 * as session changes through `sessionChanged`, which never fires an event.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EpochMs } from '../../model/types.js';
import type { IncidentSession, SessionKey } from '../../session/session.js';
import { PlayStateChangeEvent, TimeChangeEvent } from '../shared/events.js';
import {
  DEFAULT_PLAYBACK_DURATION,
  PlaybackClock,
  playbackRate,
  type FrameClock,
} from './playback-clock.js';
import { countTimesPassed } from './time-axis.js';

export interface PlaybackHost extends ReactiveControllerHost, HTMLElement {
  /** Wall-clock ms that speed 1 takes to play the whole incident. */
  duration: number;
}

export interface TimelinePlaybackOptions {
  session: () => IncidentSession | undefined;
  /** Distinct alert times, ascending: playback fires a time change when it passes one. */
  alertTimes: () => readonly EpochMs[];
  clock?: FrameClock;
}

export class TimelinePlayback implements ReactiveController {
  private readonly host: PlaybackHost;
  private readonly options: TimelinePlaybackOptions;
  private readonly clock: PlaybackClock;

  // True while this controller writes to the session, so that its own writes, which reach it
  // again as session changes, are not taken for another component's.
  private writing = false;
  // True when a user started the running playback: only then do frames fire events.
  private userStarted = false;
  // True while a user drags the playhead: the clock pauses, but the session still plays.
  private pausedForDrag = false;
  // Set when playback started elsewhere: the session's time then, and whether the first frame
  // has passed. See `probeOtherDriver`.
  private probe: { time: EpochMs | undefined; armed: boolean } | undefined;

  constructor(host: PlaybackHost, options: TimelinePlaybackOptions) {
    this.host = host;
    this.options = options;
    this.clock = new PlaybackClock({
      clock: options.clock,
      onFrame: (time, previous) => this.handleFrame(time, previous),
      onEnd: (time) => this.handleEnd(time),
    });
    host.addController(this);
  }

  /** True while the clock advances the session's time. */
  get running(): boolean {
    return this.clock.running;
  }

  get frameClock(): FrameClock {
    return this.clock.clock;
  }

  set frameClock(clock: FrameClock) {
    if (clock === this.clock.clock) return;
    const wasRunning = this.clock.running;
    this.clock.stop();
    this.clock.clock = clock;
    if (wasRunning) this.start(this.clock.time);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.handleVisibility);
    if (!this.clock.running) return;

    // Nothing drives the session once this element is gone, so it must not claim to play.
    this.clock.stop();
    const session = this.options.session();
    if (session) this.write(() => session.setPlayback(false));
  }

  /** Starts playback for a user. At the end of the incident, playback restarts from the start. */
  play(): void {
    const session = this.options.session();
    const bounds = session?.timeBounds;
    if (!session || !bounds || bounds.end <= bounds.start) return;

    if (session.time === undefined || session.time >= bounds.end) this.seek(bounds.start);
    this.write(() => session.setPlayback(true, session.speed));
    this.userStarted = true;
    this.probe = undefined;
    this.start(session.time ?? bounds.start);
    this.host.dispatchEvent(new PlayStateChangeEvent({ playing: true, speed: session.speed }));
  }

  /** Pauses playback for a user. */
  pause(): void {
    const session = this.options.session();
    if (!session) return;

    this.clock.stop();
    this.userStarted = false;
    this.write(() => session.setPlayback(false, session.speed));
    this.host.dispatchEvent(new PlayStateChangeEvent({ playing: false, speed: session.speed }));
  }

  /** Moves the time for a user, and fires a time change when the session's time moved. */
  seek(time: EpochMs): void {
    const session = this.options.session();
    if (!session) return;

    const before = session.time;
    this.write(() => session.setTime(time));
    if (session.time === undefined || session.time === before) return;

    this.host.dispatchEvent(new TimeChangeEvent({ time: session.time }));
    if (!this.clock.running) return;

    // A seek to the end finishes playback now, rather than on the next frame with a second
    // time change for the same time.
    if (session.timeBounds && session.time >= session.timeBounds.end) this.pause();
    else this.clock.seek(session.time);
  }

  /** Pauses the clock while a user drags the playhead, without changing the play state. */
  hold(): void {
    if (this.pausedForDrag) return;
    this.pausedForDrag = true;
    this.clock.stop();
  }

  /** Resumes the clock after a drag, from the time the drag left. */
  release(): void {
    if (!this.pausedForDrag) return;
    this.pausedForDrag = false;
    const session = this.options.session();
    if (session?.playing && session.time !== undefined) this.start(session.time);
  }

  /** Re-reads the rate, after the host's `duration` or the session's speed changed. */
  updateRate(): void {
    if (this.clock.running) this.clock.setRate(this.rate());
  }

  /** Follows a change another component or the host made to the session. */
  sessionChanged(keys: ReadonlySet<SessionKey>, session: IncidentSession): void {
    if (this.writing) return;

    if (keys.has('snapshot')) {
      this.clock.stop();
      this.userStarted = false;
    }

    if (keys.has('time') && this.clock.running && session.time !== undefined) {
      this.clock.seek(session.time);
    }

    if (keys.has('playback')) {
      if (!session.playing) {
        this.clock.stop();
        this.userStarted = false;
      } else if (!this.clock.running && !this.pausedForDrag && session.time !== undefined) {
        // The host or another component started playback: drive it unless another element
        // already does, and fire nothing.
        this.userStarted = false;
        this.probe = { time: session.time, armed: false };
        this.start(session.time);
      } else {
        this.updateRate();
      }
    }
  }

  /** Follows the element switching to another session, or to none. */
  sessionReplaced(session: IncidentSession | undefined): void {
    this.clock.stop();
    this.userStarted = false;
    this.probe = undefined;
    if (session?.playing && session.time !== undefined) {
      this.probe = { time: session.time, armed: false };
      this.start(session.time);
    }
  }

  private start(time: EpochMs): void {
    const bounds = this.options.session()?.timeBounds;
    if (!bounds) return;
    this.clock.play(time, bounds.end, this.rate());
  }

  private rate(): number {
    const session = this.options.session();
    const bounds = session?.timeBounds;
    if (!session || !bounds) return 0;

    // A rate of 0 would play forever, so an invalid duration or speed falls back to the default.
    const duration = this.host.duration > 0 ? this.host.duration : DEFAULT_PLAYBACK_DURATION;
    const speed = session.speed > 0 ? session.speed : 1;
    return playbackRate(bounds.end - bounds.start, duration, speed);
  }

  private handleFrame(time: EpochMs, previous: EpochMs): void {
    const session = this.options.session();
    if (!session) {
      this.clock.stop();
      return;
    }

    if (this.probe && !this.probeOtherDriver(session)) return;

    this.write(() => session.setTime(time));
    const atEnd = session.timeBounds !== undefined && time >= session.timeBounds.end;
    if (!this.userStarted || atEnd || session.time === undefined) return;

    // NOTE: one event per frame however many alerts the frame passed. The end fires its own.
    if (countTimesPassed(this.options.alertTimes(), previous, time) > 0) {
      this.host.dispatchEvent(new TimeChangeEvent({ time: session.time }));
    }
  }

  /**
   * Decides whether this element drives a playback it did not start. Another timeline on the
   * same session (the one a user pressed play on) may drive it already, and two drivers would
   * re-anchor each other and lose alert passes. So the first frame only watches. If by the
   * second frame someone else moved the time, this element stops its clock and follows.
   * Returns true when this element drives.
   */
  private probeOtherDriver(session: IncidentSession): boolean {
    const probe = this.probe!;
    if (!probe.armed) {
      probe.armed = true;
      return false;
    }

    this.probe = undefined;
    if (session.time === probe.time) return true;
    this.clock.stop();
    return false;
  }

  private handleEnd(time: EpochMs): void {
    const session = this.options.session();
    const byUser = this.userStarted;
    this.userStarted = false;
    if (!session) return;

    if (this.probe) {
      // The end came during the first frame, which wrote nothing: write it now, unless another
      // element drives this playback.
      const drives = session.time === this.probe.time;
      this.probe = undefined;
      if (!drives) return;
      this.write(() => session.setTime(time));
    }

    this.write(() => session.setPlayback(false, session.speed));
    if (!byUser) return;
    this.host.dispatchEvent(new TimeChangeEvent({ time: session.time ?? time }));
    this.host.dispatchEvent(new PlayStateChangeEvent({ playing: false, speed: session.speed }));
  }

  private readonly handleVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.clock.running) this.clock.reanchor();
  };

  private write(change: () => void): void {
    this.writing = true;
    try {
      change();
    } finally {
      this.writing = false;
    }
  }
}

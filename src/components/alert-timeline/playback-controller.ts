/**
 * Connects the playback clock to the session and fires the timeline's user events. The element
 * calls `play`, `pause`, `seek` and `setSpeed` for what a user did. Everything else reaches the
 * controller as session changes through `sessionChanged`, which never fires an event.
 *
 * The clock counts in one of two units. At a numeric speed it counts incident milliseconds.
 * At `ONE_ALERT_PER_SECOND` it counts alert steps: step k is the k-th distinct alert time,
 * step -1 is before the first alert, and one step passes per `ALERT_STEP_INTERVAL` of wall
 * time. `toClock` and `fromClock` convert, so both modes share the anchored, drift-free clock.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EpochMs } from '../../model/types.js';
import type { IncidentSession, SessionKey } from '../../session/session.js';
import { PlayStateChangeEvent, TimeChangeEvent } from '../shared/events.js';
import {
  ALERT_STEP_INTERVAL,
  DEFAULT_PLAYBACK_DURATION,
  ONE_ALERT_PER_SECOND,
  PlaybackClock,
  playbackRate,
  type FrameClock,
} from './playback-clock.js';
import { countTimesAtOrBefore, countTimesPassed } from './time-axis.js';

export interface PlaybackHost extends ReactiveControllerHost, HTMLElement {
  /** Wall-clock ms that speed 1 takes to play the whole incident. */
  duration: number;
}

export interface TimelinePlaybackOptions {
  session: () => IncidentSession | undefined;
  /** Distinct alert times, ascending: playback fires a time change when it passes one. */
  alertTimes: () => readonly EpochMs[];
  clock?: FrameClock;
  /** True when playback at the end starts again from the start instead of stopping. */
  loop?: () => boolean;
  /**
   * True when the viewer prefers reduced motion. Continuous playback then moves the time
   * cursor in steps, from one alert time to the next, instead of sweeping it.
   */
  reducedMotion?: () => boolean;
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
  // True while the clock counts alert steps rather than milliseconds.
  private stepping = false;

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
    const time = this.options.session()?.time;
    if (wasRunning && time !== undefined) this.start(time);
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
    this.moveTime(session, time);
    if (session.time === undefined || session.time === before) return;

    this.host.dispatchEvent(new TimeChangeEvent({ time: session.time }));
    if (!this.clock.running) return;

    // A seek to the end finishes playback now, rather than on the next frame with a second
    // time change for the same time.
    if (session.timeBounds && session.time >= session.timeBounds.end) this.pause();
    else this.clock.seek(this.toClock(session.time));
  }

  /** Moves the time for a user to the next alert time after the cursor (`1`) or the previous one (`-1`), else to that end. */
  step(direction: 1 | -1): void {
    const session = this.options.session();
    const bounds = session?.timeBounds;
    if (!session || !bounds) return;

    const time = session.time ?? bounds.end;
    const times = this.options.alertTimes();
    const index = countTimesAtOrBefore(times, time);
    if (direction > 0) this.seek(times[index] ?? bounds.end);
    else this.seek((times[index - 1] === time ? times[index - 2] : times[index - 1]) ?? bounds.start);
  }

  /** Changes the speed for a user, and reports it. */
  setSpeed(speed: number): void {
    const session = this.options.session();
    if (!session || speed === session.speed || !(speed >= 0)) return;

    this.write(() => session.setPlayback(session.playing, speed));
    this.followSpeed(session);
    this.host.dispatchEvent(new PlayStateChangeEvent({ playing: session.playing, speed }));
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
    const session = this.options.session();
    if (session) this.followSpeed(session);
  }

  private followSpeed(session: IncidentSession): void {
    if (!this.clock.running) return;
    // Switching between milliseconds and alert steps changes the clock's unit: restart it
    // from the session's time in the new unit.
    if ((session.speed === ONE_ALERT_PER_SECOND) !== this.stepping && session.time !== undefined) {
      this.start(session.time);
    } else {
      this.clock.setRate(this.rate());
    }
  }

  /** Follows a change another component or the host made to the session. */
  sessionChanged(keys: ReadonlySet<SessionKey>, session: IncidentSession): void {
    if (this.writing) return;

    if (keys.has('snapshot')) {
      this.clock.stop();
      this.userStarted = false;
    }

    if (keys.has('time') && this.clock.running && session.time !== undefined) {
      this.clock.seek(this.toClock(session.time));
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
    const session = this.options.session();
    const bounds = session?.timeBounds;
    if (!session || !bounds) return;

    this.stepping = session.speed === ONE_ALERT_PER_SECOND;
    this.clock.play(this.toClock(time), this.toClock(bounds.end), this.rate());
  }

  /** Converts an incident time to the clock's unit: itself, or its alert step. */
  private toClock(time: EpochMs): number {
    if (!this.stepping) return time;
    const times = this.options.alertTimes();
    const bounds = this.options.session()?.timeBounds;
    const index = countTimesAtOrBefore(times, time) - 1;
    // The end of the incident is one step after the last alert, unless that alert is the end.
    if (bounds && time >= bounds.end && times[times.length - 1] !== bounds.end) return times.length;
    return index;
  }

  /** Converts a clock value back to an incident time, or undefined before the first alert. */
  private fromClock(value: number): EpochMs | undefined {
    if (!this.stepping) return value;
    const times = this.options.alertTimes();
    const index = Math.floor(value);
    if (index < 0) return undefined;
    return times[index] ?? this.options.session()?.timeBounds?.end;
  }

  private rate(): number {
    const session = this.options.session();
    const bounds = session?.timeBounds;
    if (!session || !bounds) return 0;
    if (session.speed === ONE_ALERT_PER_SECOND) return 1 / ALERT_STEP_INTERVAL;

    // A rate of 0 would play forever, so an invalid duration or speed falls back to the default.
    const duration = this.host.duration > 0 ? this.host.duration : DEFAULT_PLAYBACK_DURATION;
    const speed = session.speed > 0 ? session.speed : 1;
    return playbackRate(bounds.end - bounds.start, duration, speed);
  }

  private handleFrame(value: number, previousValue: number): void {
    const session = this.options.session();
    if (!session) {
      this.clock.stop();
      return;
    }

    if (this.probe && !this.probeOtherDriver(session)) return;

    const time = this.frameTime(session, value, previousValue);
    if (time === undefined) return;

    const before = session.time;
    this.moveTime(session, time);
    const atEnd = session.timeBounds !== undefined && time >= session.timeBounds.end;
    if (!this.userStarted || atEnd || session.time === undefined || before === undefined) return;

    // NOTE: one event per frame however many alerts the frame passed. The end fires its own.
    if (countTimesPassed(this.options.alertTimes(), before, session.time) > 0) {
      this.host.dispatchEvent(new TimeChangeEvent({ time: session.time }));
    }
  }

  /**
   * Returns the time a frame writes, or undefined when it writes nothing: in alert steps until
   * the next step is reached, and under reduced motion until the next alert time is reached.
   */
  private frameTime(session: IncidentSession, value: number, previousValue: number): EpochMs | undefined {
    const end = session.timeBounds?.end;
    if (this.stepping) {
      return Math.floor(value) > Math.floor(previousValue) ? this.fromClock(value) : undefined;
    }

    if (!this.options.reducedMotion?.() || end === undefined || value >= end) return value;
    const times = this.options.alertTimes();
    const reached = times[countTimesAtOrBefore(times, value) - 1];
    if (reached === undefined || session.time === undefined || reached <= session.time) return undefined;
    return reached;
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

  private handleEnd(value: number): void {
    const session = this.options.session();
    const byUser = this.userStarted;
    const time = session?.timeBounds?.end ?? this.fromClock(value) ?? value;
    if (!session) {
      this.userStarted = false;
      return;
    }

    if (this.probe) {
      // The end came during the first frame, which wrote nothing: write it now, unless another
      // element drives this playback.
      const drives = session.time === this.probe.time;
      this.probe = undefined;
      if (!drives) {
        this.userStarted = false;
        return;
      }
      this.moveTime(session, time);
    }

    if (this.options.loop?.() && session.timeBounds) {
      this.restartLoop(session, session.timeBounds.start, byUser);
      return;
    }

    this.userStarted = false;
    this.write(() => session.setPlayback(false, session.speed));
    if (!byUser) return;
    this.host.dispatchEvent(new TimeChangeEvent({ time: session.time ?? time }));
    this.host.dispatchEvent(new PlayStateChangeEvent({ playing: false, speed: session.speed }));
  }

  /** Starts the next round of a looping playback from `start`, without changing the play state. */
  private restartLoop(session: IncidentSession, start: EpochMs, byUser: boolean): void {
    this.moveTime(session, start);
    this.start(start);
    if (byUser) this.host.dispatchEvent(new TimeChangeEvent({ time: start }));
  }

  private readonly handleVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.clock.running) this.clock.reanchor();
  };

  /**
   * Writes a time to the session with the start of its step: the alert time before the last
   * alert time at or before `time`, so the records of that last alert are new. Before the
   * first alert nothing is new, and at the first alert everything shown is.
   */
  private moveTime(session: IncidentSession, time: EpochMs): void {
    const times = this.options.alertTimes();
    const clamped = session.timeBounds
      ? Math.min(session.timeBounds.end, Math.max(session.timeBounds.start, time))
      : time;
    const reached = countTimesAtOrBefore(times, clamped);
    const stepStart = reached === 0 ? clamped : (times[reached - 2] ?? -Infinity);
    this.write(() => session.setTime(time, stepStart));
  }

  private write(change: () => void): void {
    this.writing = true;
    try {
      change();
    } finally {
      this.writing = false;
    }
  }
}

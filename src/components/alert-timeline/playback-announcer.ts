/**
 * Text of the alert timeline's polite live region. While playing, it announces the time and the
 * latest alert at most once per `ANNOUNCE_INTERVAL` of wall time. It also announces where
 * playback paused or ended. Announcing every frame would flood a screen reader.
 */

import type { EpochMs } from '../../model/types.js';
import type { IncidentSession, SessionKey } from '../../session/session.js';
import { msg } from '../shared/strings.js';
import { partitionPoint, type AlertMarker } from './time-axis.js';

/** Wall-clock ms between two announcements while playing. */
export const ANNOUNCE_INTERVAL = 2000;

export interface AnnouncerOptions {
  /** Wall time in ms, on the playback clock's base. */
  now: () => number;
  /** Markers in time order. */
  markers: () => readonly AlertMarker[];
  format: (time: EpochMs) => string;
}

export class PlaybackAnnouncer {
  /** The text the live region shows. */
  text = '';
  private readonly options: AnnouncerOptions;
  private lastAnnounced = -Infinity;

  constructor(options: AnnouncerOptions) {
    this.options = options;
  }

  /** Updates `text` for a session change, and returns true when it changed. */
  update(keys: ReadonlySet<SessionKey>, session: IncidentSession): boolean {
    const time = session.time;
    if (time === undefined) return false;

    if (keys.has('playback') && !session.playing && this.lastAnnounced > -Infinity) {
      const atEnd = session.timeBounds !== undefined && time >= session.timeBounds.end;
      const formatted = this.options.format(time);
      this.lastAnnounced = -Infinity;
      return this.set(atEnd ? msg('timeline.announceEnd', { time: formatted }) : msg('timeline.announcePaused', { time: formatted }));
    }

    if (!keys.has('time') || !session.playing) return false;
    const now = this.options.now();
    if (now - this.lastAnnounced < ANNOUNCE_INTERVAL) return false;
    this.lastAnnounced = now;

    const markers = this.options.markers();
    const latest = markers[countMarkersAtOrBefore(markers, time) - 1];
    const formatted = this.options.format(time);
    return this.set(
      latest
        ? msg('timeline.announceAlert', { time: formatted, title: latest.alert.title })
        : msg('timeline.announceTime', { time: formatted }),
    );
  }

  private set(text: string): boolean {
    if (text === this.text) return false;
    this.text = text;
    return true;
  }
}

/** Counts the markers (in time order) at or before `time`, by binary search. */
function countMarkersAtOrBefore(markers: readonly AlertMarker[], time: EpochMs): number {
  return partitionPoint(markers, (marker) => marker.time <= time);
}

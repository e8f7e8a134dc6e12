/**
 * The events that several elements fire. Each reports a user's action (or, for load state and
 * data issues, work the library did), bubbles and crosses shadow roots.
 */

import type { DataIssue, EpochMs } from '../../model/types.js';
import type { LoadState, Selection, TimeRange } from '../../session/session.js';

const init = { bubbles: true, composed: true } as const;

export type SelectionChangeDetail = Selection;

/** A user changed the selection. */
export class SelectionChangeEvent extends CustomEvent<SelectionChangeDetail> {
  static readonly eventName = 'il-selection-change';
  constructor(detail: SelectionChangeDetail) {
    super(SelectionChangeEvent.eventName, { ...init, detail });
  }
}

export interface TimeChangeDetail {
  time: EpochMs;
}

/** A user moved the time cursor, by scrubbing or by playback they started. */
export class TimeChangeEvent extends CustomEvent<TimeChangeDetail> {
  static readonly eventName = 'il-time-change';
  constructor(detail: TimeChangeDetail) {
    super(TimeChangeEvent.eventName, { ...init, detail });
  }
}

export type RangeChangeDetail = TimeRange | null;

/** A user selected or cleared a time window. */
export class RangeChangeEvent extends CustomEvent<RangeChangeDetail> {
  static readonly eventName = 'il-range-change';
  constructor(detail: RangeChangeDetail) {
    super(RangeChangeEvent.eventName, { ...init, detail });
  }
}

export interface PlayStateChangeDetail {
  playing: boolean;
  speed: number;
}

/** A user started or paused playback, or changed its speed. */
export class PlayStateChangeEvent extends CustomEvent<PlayStateChangeDetail> {
  static readonly eventName = 'il-play-state-change';
  constructor(detail: PlayStateChangeDetail) {
    super(PlayStateChangeEvent.eventName, { ...init, detail });
  }
}

export interface LoadStateChangeDetail {
  loadState: LoadState;
  error?: unknown;
}

/** The element's incident started loading, finished loading or failed. */
export class LoadStateChangeEvent extends CustomEvent<LoadStateChangeDetail> {
  static readonly eventName = 'il-load-state-change';
  constructor(detail: LoadStateChangeDetail) {
    super(LoadStateChangeEvent.eventName, { ...init, detail });
  }
}

export interface DataIssueDetail {
  issues: readonly DataIssue[];
}

/** Mapping or validation found problems in the incident's data. */
export class DataIssueEvent extends CustomEvent<DataIssueDetail> {
  static readonly eventName = 'il-data-issue';
  constructor(detail: DataIssueDetail) {
    super(DataIssueEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-selection-change': SelectionChangeEvent;
    'il-time-change': TimeChangeEvent;
    'il-range-change': RangeChangeEvent;
    'il-play-state-change': PlayStateChangeEvent;
    'il-load-state-change': LoadStateChangeEvent;
    'il-data-issue': DataIssueEvent;
  }
}

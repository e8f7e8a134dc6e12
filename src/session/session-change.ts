/**
 * The change event of a session, apart from the session itself, so elements can listen to a
 * session without loading its code.
 */

/** Names of the session state that a change can touch. */
export type SessionKey =
  | 'loadState'
  | 'snapshot'
  | 'time'
  | 'range'
  | 'playback'
  | 'selection'
  | 'issues'
  | 'entities'
  | 'pendingActions'
  | 'filters';

/** Fired by a session, not composed: it never reaches the DOM. */
export class SessionChangeEvent extends Event {
  static readonly type = 'change';

  constructor(readonly keys: ReadonlySet<SessionKey>) {
    super(SessionChangeEvent.type);
  }
}

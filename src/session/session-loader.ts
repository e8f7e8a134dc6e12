/**
 * The session class for elements that create a session of their own from an adapter. The
 * session module registers its class here when it runs, so an element finds the class at once
 * when anything on the page imported that module, and imports it on first use otherwise. An
 * element given a graph or a shared session thus never loads the session's code.
 */

import type { IncidentSession } from './session.js';

export type SessionClass = new () => IncidentSession;

let registered: SessionClass | undefined;
let loading: Promise<SessionClass> | undefined;

/** Records the session class. Called by the session module itself. */
export function registerSessionClass(sessionClass: SessionClass): void {
  registered ??= sessionClass;
}

/** Returns the session class when its module has run, else undefined. */
export function sessionClassNow(): SessionClass | undefined {
  return registered;
}

/** Imports the session module once and returns its class. */
export function loadSessionClass(): Promise<SessionClass> {
  if (registered) return Promise.resolve(registered);
  loading ??= import('./session.js').then(({ IncidentSession }) => registered ?? IncidentSession);
  return loading;
}

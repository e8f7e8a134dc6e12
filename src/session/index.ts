export { IncidentSession, SessionChangeEvent } from './session.js';
export type { LoadState, Selection, SessionKey, TimeRange } from './session.js';
export { sessionContext } from './context.js';

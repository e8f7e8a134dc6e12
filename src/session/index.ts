export { IncidentSession, SessionChangeEvent } from './session.js';
export type {
  EntityUpdate,
  LoadState,
  PendingActionUpdate,
  Selection,
  SessionKey,
  TimeRange,
} from './session.js';
export { sessionContext } from './context.js';
export { filtersAreEmpty, nodePassesFilters, NOT_PROVIDED, type IncidentFilters } from './filters.js';

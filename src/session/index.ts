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
export { entityMatchesSearch, normalizeSearch } from './search.js';
export { filtersAreEmpty, nodePassesFilters, NOT_PROVIDED, type IncidentFilters } from './filters.js';

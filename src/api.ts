/**
 * The public API of incident-lens apart from the element classes: the model, the format
 * mappers, the adapter, the session, the layout, and the elements' events, strings and helpers.
 * The package entry adds the element classes; the script-tag bundle, which loads each element
 * from a chunk, adds only their types.
 */

export * from './model/index.js';
export * from './formats/index.js';
export * from './adapter/index.js';
export * from './session/index.js';
export * from './layout/index.js';

export type { AlertQueueFilters, AlertSortKey, SortDirection } from './components/alert-queue/queue-model.js';
export type { AssetCategory } from './components/asset-list/asset-columns.js';
export {
  BulkActionCompleteEvent,
  BulkActionErrorEvent,
  BulkActionRequestEvent,
  type BulkActionCompleteDetail,
  type BulkActionErrorDetail,
  type BulkActionRequestDetail,
  type BulkActionWork,
} from './components/asset-list/events.js';
export type { FlyoutMode } from './components/entity-flyout/entity-flyout.js';
export {
  ActionCompleteEvent,
  ActionErrorEvent,
  ActionRequestEvent,
  FlyoutCloseEvent,
  type ActionCompleteDetail,
  type ActionErrorDetail,
  type ActionRequestDetail,
  type ActionWork,
  type FlyoutCloseDetail,
  type FlyoutCloseReason,
  type PendingDecisionWork,
  type RunActionWork,
} from './components/entity-flyout/events.js';
export type { EvidenceShow } from './components/evidence-list/evidence-list.js';
export {
  HuntCompleteEvent,
  LinkToIncidentEvent,
  type HuntCompleteDetail,
  type LinkToIncidentDetail,
} from './components/hunt-results/events.js';
export {
  FiltersChangeEvent,
  GroupingChangeEvent,
  GroupsExpandEvent,
  SearchChangeEvent,
  type FiltersChangeDetail,
  type GroupingChangeDetail,
  type GroupsExpandDetail,
  type SearchChangeDetail,
} from './components/incident-filters/events.js';
export {
  GroupToggleEvent,
  LayoutEndEvent,
  LayoutProgressEvent,
  type GroupToggleDetail,
  type LayoutEndDetail,
  type LayoutProgressDetail,
} from './components/incident-graph/events.js';
export { TabChangeEvent, type TabChangeDetail } from './components/incident-view/events.js';
export { INCIDENT_VIEW_TABS, type IncidentViewTab } from './components/incident-view/tabs.js';
export {
  viewStateFromFragment,
  viewStateToFragment,
  type IncidentViewState,
  type ViewFilters,
} from './components/incident-view/view-state.js';
export type { GraphImageFormat } from './components/incident-view/view-export.js';

export {
  DataIssueEvent,
  LoadStateChangeEvent,
  PlayStateChangeEvent,
  RangeChangeEvent,
  SelectionChangeEvent,
  TimeChangeEvent,
  type DataIssueDetail,
  type LoadStateChangeDetail,
  type PlayStateChangeDetail,
  type RangeChangeDetail,
  type SelectionChangeDetail,
  type TimeChangeDetail,
} from './components/shared/events.js';
export { getStrings, msg, registerStrings, setStrings } from './components/shared/strings.js';
export { getTimeZone, setTimeZone, type DisplayZone } from './components/shared/locale.js';
export type { ThemeName } from './components/shared/theme.js';
export { VERSION } from './components/shared/define-element.js';

/**
 * The public API of incident-lens. Importing this module registers no element: import
 * `incident-lens/il-<element>.js` (or `define-all.js`) for that, or load the script-tag bundle.
 */

export * from './model/index.js';
export * from './formats/index.js';
export * from './adapter/index.js';
export * from './session/index.js';
export * from './layout/index.js';

export { AlertQueue } from './components/alert-queue/alert-queue.js';
export type { AlertQueueFilters, AlertSortKey, SortDirection } from './components/alert-queue/queue-model.js';
export { AlertTimeline } from './components/alert-timeline/alert-timeline.js';
export { AssetList } from './components/asset-list/asset-list.js';
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
export { EntityFlyout, type FlyoutMode } from './components/entity-flyout/entity-flyout.js';
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
export { EvidenceList, type EvidenceShow } from './components/evidence-list/evidence-list.js';
export { HuntResults } from './components/hunt-results/hunt-results.js';
export {
  HuntCompleteEvent,
  LinkToIncidentEvent,
  type HuntCompleteDetail,
  type LinkToIncidentDetail,
} from './components/hunt-results/events.js';
export { IncidentFiltersElement } from './components/incident-filters/incident-filters.js';
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
export { IncidentGraphElement } from './components/incident-graph/incident-graph.js';
export {
  LayoutEndEvent,
  LayoutProgressEvent,
  type LayoutEndDetail,
  type LayoutProgressDetail,
} from './components/incident-graph/events.js';
export { IncidentSummary } from './components/incident-summary/incident-summary.js';
export { IncidentView } from './components/incident-view/incident-view.js';
export { TabChangeEvent, type TabChangeDetail } from './components/incident-view/events.js';
export { INCIDENT_VIEW_TABS, type IncidentViewTab } from './components/incident-view/tabs.js';
export {
  viewStateFromFragment,
  viewStateToFragment,
  type IncidentViewState,
  type ViewFilters,
} from './components/incident-view/view-state.js';
export type { GraphImageFormat } from './components/incident-view/view-export.js';
export { Investigations } from './components/investigations/investigations.js';
export { VerdictBadge } from './components/verdict-badge/verdict-badge.js';

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

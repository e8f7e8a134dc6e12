/**
 * Entry of dist/incident-lens.bundle.js, the script-tag build: `<script type="module">` or
 * `import` from a URL. It exports the public API except the element classes, and loads the
 * code of each element from a chunk under dist/bundle/ when an element with its tag first
 * appears in the document (see autoload/autoloader.ts). `defineElements` defines elements
 * ahead of use, `discover` finds them in shadow roots and detached trees, and
 * `customElements.whenDefined(tag)` resolves with an element's class once it is defined.
 */

import { startAutoloader } from './autoload/autoloader.js';

export { defineElements, discover } from './autoload/autoloader.js';
export { ELEMENT_TAGS, type ElementTag } from './autoload/element-chunks.js';

export * from './model/index.js';
export * from './formats/index.js';
export * from './adapter/index.js';
export * from './session/index.js';
export * from './layout/index.js';

// The element classes are types here: each class is in its element's chunk, and
// `customElements.whenDefined(tag)` resolves with it.
export type { AlertQueue } from './components/alert-queue/alert-queue.js';
export type { AlertTimeline } from './components/alert-timeline/alert-timeline.js';
export type { AssetList } from './components/asset-list/asset-list.js';
export type { EntityFlyout } from './components/entity-flyout/entity-flyout.js';
export type { EvidenceList } from './components/evidence-list/evidence-list.js';
export type { HuntResults } from './components/hunt-results/hunt-results.js';
export type { IncidentFiltersElement } from './components/incident-filters/incident-filters.js';
export type { IncidentGraphElement } from './components/incident-graph/incident-graph.js';
export type { IncidentSummary } from './components/incident-summary/incident-summary.js';
export type { IncidentView } from './components/incident-view/incident-view.js';
export type { Investigations } from './components/investigations/investigations.js';
export type { VerdictBadge } from './components/verdict-badge/verdict-badge.js';

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
  LayoutEndEvent,
  LayoutProgressEvent,
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

startAutoloader();

/**
 * The public API of incident-lens. Importing this module registers no element: import
 * `incident-lens/il-<element>.js` (or `define-all.js`) for that, or load the script-tag bundle.
 */

export * from './api.js';

export { AlertQueue } from './components/alert-queue/alert-queue.js';
export { AlertTimeline } from './components/alert-timeline/alert-timeline.js';
export { AssetList } from './components/asset-list/asset-list.js';
export { EntityFlyout } from './components/entity-flyout/entity-flyout.js';
export { EvidenceList } from './components/evidence-list/evidence-list.js';
export { HuntResults } from './components/hunt-results/hunt-results.js';
export { IncidentFiltersElement } from './components/incident-filters/incident-filters.js';
export { IncidentGraphElement } from './components/incident-graph/incident-graph.js';
export { IncidentSummary } from './components/incident-summary/incident-summary.js';
export { IncidentView } from './components/incident-view/incident-view.js';
export { Investigations } from './components/investigations/investigations.js';
export { VerdictBadge } from './components/verdict-badge/verdict-badge.js';

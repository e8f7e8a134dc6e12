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

export * from './api.js';

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

startAutoloader();

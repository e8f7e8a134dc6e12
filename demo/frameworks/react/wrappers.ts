/**
 * React 19 components for every incident-lens element, made with `@lit/react`. Each wrapper
 * sets its React props as element properties (so `adapter`, `session` and `graph` arrive as
 * objects, never as attribute strings) and maps each `il-` event to an `onIl…` prop typed with
 * the event's class. Importing this module registers the elements.
 *
 * The module imports the sources by path; a copy published with the package would import
 * `incident-lens/il-<element>.js` instead and list React as a peer dependency.
 */

import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AlertQueue } from '../../../src/components/alert-queue/define.js';
import { AlertTimeline } from '../../../src/components/alert-timeline/define.js';
import { AssetList } from '../../../src/components/asset-list/define.js';
import type { BulkActionCompleteEvent, BulkActionErrorEvent, BulkActionRequestEvent } from '../../../src/components/asset-list/events.js';
import { EntityFlyout } from '../../../src/components/entity-flyout/define.js';
import type { ActionCompleteEvent, ActionErrorEvent, ActionRequestEvent, FlyoutCloseEvent } from '../../../src/components/entity-flyout/events.js';
import { EvidenceList } from '../../../src/components/evidence-list/define.js';
import { HuntResults } from '../../../src/components/hunt-results/define.js';
import type { HuntCompleteEvent, LinkToIncidentEvent } from '../../../src/components/hunt-results/events.js';
import { IncidentFiltersElement } from '../../../src/components/incident-filters/define.js';
import type { FiltersChangeEvent, GroupingChangeEvent, GroupsExpandEvent, SearchChangeEvent } from '../../../src/components/incident-filters/events.js';
import { IncidentGraphElement } from '../../../src/components/incident-graph/define.js';
import type { GroupToggleEvent, LayoutEndEvent, LayoutProgressEvent } from '../../../src/components/incident-graph/events.js';
import { IncidentSummary } from '../../../src/components/incident-summary/define.js';
import { IncidentView } from '../../../src/components/incident-view/define.js';
import type { TabChangeEvent } from '../../../src/components/incident-view/events.js';
import { Investigations } from '../../../src/components/investigations/define.js';
import type {
  DataIssueEvent,
  LoadStateChangeEvent,
  PlayStateChangeEvent,
  RangeChangeEvent,
  SelectionChangeEvent,
  TimeChangeEvent,
} from '../../../src/components/shared/events.js';
import { VerdictBadge } from '../../../src/components/verdict-badge/define.js';

const selectionEvents = {
  onIlSelectionChange: 'il-selection-change' as EventName<SelectionChangeEvent>,
};

const actionEvents = {
  onIlActionRequest: 'il-action-request' as EventName<ActionRequestEvent>,
  onIlActionComplete: 'il-action-complete' as EventName<ActionCompleteEvent>,
  onIlActionError: 'il-action-error' as EventName<ActionErrorEvent>,
};

/** `<il-incident-view>`: the whole investigation page. */
export const IlIncidentView = createComponent({
  react: React,
  tagName: 'il-incident-view',
  elementClass: IncidentView,
  events: {
    ...selectionEvents,
    onIlTabChange: 'il-tab-change' as EventName<TabChangeEvent>,
    onIlLoadStateChange: 'il-load-state-change' as EventName<LoadStateChangeEvent>,
    onIlDataIssue: 'il-data-issue' as EventName<DataIssueEvent>,
    onIlTimeChange: 'il-time-change' as EventName<TimeChangeEvent>,
    onIlPlayStateChange: 'il-play-state-change' as EventName<PlayStateChangeEvent>,
    onIlLayoutEnd: 'il-layout-end' as EventName<LayoutEndEvent>,
    onIlGroupToggle: 'il-group-toggle' as EventName<GroupToggleEvent>,
    onIlFlyoutClose: 'il-flyout-close' as EventName<FlyoutCloseEvent>,
  },
  displayName: 'IlIncidentView',
});

/** `<il-incident-graph>`: the attack-story graph. */
export const IlIncidentGraph = createComponent({
  react: React,
  tagName: 'il-incident-graph',
  elementClass: IncidentGraphElement,
  events: {
    ...selectionEvents,
    onIlLayoutEnd: 'il-layout-end' as EventName<LayoutEndEvent>,
    onIlLayoutProgress: 'il-layout-progress' as EventName<LayoutProgressEvent>,
    onIlGroupToggle: 'il-group-toggle' as EventName<GroupToggleEvent>,
  },
  displayName: 'IlIncidentGraph',
});

/** `<il-alert-timeline>`: the alert timeline player. */
export const IlAlertTimeline = createComponent({
  react: React,
  tagName: 'il-alert-timeline',
  elementClass: AlertTimeline,
  events: {
    ...selectionEvents,
    onIlTimeChange: 'il-time-change' as EventName<TimeChangeEvent>,
    onIlRangeChange: 'il-range-change' as EventName<RangeChangeEvent>,
    onIlPlayStateChange: 'il-play-state-change' as EventName<PlayStateChangeEvent>,
  },
  displayName: 'IlAlertTimeline',
});

/** `<il-entity-flyout>`: the selected entity's details and actions. */
export const IlEntityFlyout = createComponent({
  react: React,
  tagName: 'il-entity-flyout',
  elementClass: EntityFlyout,
  events: {
    ...selectionEvents,
    ...actionEvents,
    onIlFlyoutClose: 'il-flyout-close' as EventName<FlyoutCloseEvent>,
  },
  displayName: 'IlEntityFlyout',
});

/** `<il-hunt-results>`: hunting queries for one entity and their rows. */
export const IlHuntResults = createComponent({
  react: React,
  tagName: 'il-hunt-results',
  elementClass: HuntResults,
  events: {
    onIlHuntComplete: 'il-hunt-complete' as EventName<HuntCompleteEvent>,
    onIlLinkToIncident: 'il-link-to-incident' as EventName<LinkToIncidentEvent>,
  },
  displayName: 'IlHuntResults',
});

/** `<il-incident-summary>`: kill chain, scope, evidence and incident information. */
export const IlIncidentSummary = createComponent({
  react: React,
  tagName: 'il-incident-summary',
  elementClass: IncidentSummary,
  events: selectionEvents,
  displayName: 'IlIncidentSummary',
});

/** `<il-alert-queue>`: the incident's alerts in a sortable, filterable table. */
export const IlAlertQueue = createComponent({
  react: React,
  tagName: 'il-alert-queue',
  elementClass: AlertQueue,
  events: selectionEvents,
  displayName: 'IlAlertQueue',
});

/** `<il-asset-list>`: devices, users, mailboxes and apps, with bulk actions. */
export const IlAssetList = createComponent({
  react: React,
  tagName: 'il-asset-list',
  elementClass: AssetList,
  events: {
    ...selectionEvents,
    onIlBulkActionRequest: 'il-bulk-action-request' as EventName<BulkActionRequestEvent>,
    onIlBulkActionComplete: 'il-bulk-action-complete' as EventName<BulkActionCompleteEvent>,
    onIlBulkActionError: 'il-bulk-action-error' as EventName<BulkActionErrorEvent>,
  },
  displayName: 'IlAssetList',
});

/** `<il-investigations>`: automated investigations and their pending actions. */
export const IlInvestigations = createComponent({
  react: React,
  tagName: 'il-investigations',
  elementClass: Investigations,
  events: { ...selectionEvents, ...actionEvents },
  displayName: 'IlInvestigations',
});

/** `<il-evidence-list>`: every entity with its verdict and remediation status. */
export const IlEvidenceList = createComponent({
  react: React,
  tagName: 'il-evidence-list',
  elementClass: EvidenceList,
  events: { ...selectionEvents, ...actionEvents },
  displayName: 'IlEvidenceList',
});

/** `<il-incident-filters>`: the noise-control bar. */
export const IlIncidentFilters = createComponent({
  react: React,
  tagName: 'il-incident-filters',
  elementClass: IncidentFiltersElement,
  events: {
    onIlFiltersChange: 'il-filters-change' as EventName<FiltersChangeEvent>,
    onIlSearchChange: 'il-search-change' as EventName<SearchChangeEvent>,
    onIlGroupingChange: 'il-grouping-change' as EventName<GroupingChangeEvent>,
    onIlGroupsExpand: 'il-groups-expand' as EventName<GroupsExpandEvent>,
  },
  displayName: 'IlIncidentFilters',
});

/** `<il-verdict-badge>`: a verdict and remediation status as icon and text. */
export const IlVerdictBadge = createComponent({
  react: React,
  tagName: 'il-verdict-badge',
  elementClass: VerdictBadge,
  displayName: 'IlVerdictBadge',
});

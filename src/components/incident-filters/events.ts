/** Events of `<il-incident-filters>`. */

import type { IncidentFilters } from '../../session/filters.js';

const init = { bubbles: true, composed: true } as const;

export interface FiltersChangeDetail {
  /** The filters now in effect, as the session stores them. */
  filters: IncidentFilters;
}

/** The user changed a noise-control filter, and the session's `filters` already contain the change. */
export class FiltersChangeEvent extends CustomEvent<FiltersChangeDetail> {
  static readonly eventName = 'il-filters-change';
  constructor(detail: FiltersChangeDetail) {
    super(FiltersChangeEvent.eventName, { ...init, detail });
  }
}

export interface SearchChangeDetail {
  /** The search text as typed. Empty clears the search. */
  search: string;
}

/** The user typed in the search box. A host forwards `search` to the graph and the lists. */
export class SearchChangeEvent extends CustomEvent<SearchChangeDetail> {
  static readonly eventName = 'il-search-change';
  constructor(detail: SearchChangeDetail) {
    super(SearchChangeEvent.eventName, { ...init, detail });
  }
}

export interface GroupingChangeDetail {
  /** True to group same-kind entities of one alert, false to draw every entity on its own. */
  grouped: boolean;
}

/**
 * The user turned grouping on or off. A host sets the graph's `groupThreshold` (its default to
 * group, 0 not to).
 */
export class GroupingChangeEvent extends CustomEvent<GroupingChangeDetail> {
  static readonly eventName = 'il-grouping-change';
  constructor(detail: GroupingChangeDetail) {
    super(GroupingChangeEvent.eventName, { ...init, detail });
  }
}

export interface GroupsExpandDetail {
  /** True to expand every group, false to collapse them all. */
  expanded: boolean;
}

/** A user request to expand or collapse every group. A host calls the graph's `expandAll()` or `collapseAll()`. */
export class GroupsExpandEvent extends CustomEvent<GroupsExpandDetail> {
  static readonly eventName = 'il-groups-expand';
  constructor(detail: GroupsExpandDetail) {
    super(GroupsExpandEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-filters-change': FiltersChangeEvent;
    'il-search-change': SearchChangeEvent;
    'il-grouping-change': GroupingChangeEvent;
    'il-groups-expand': GroupsExpandEvent;
  }
}

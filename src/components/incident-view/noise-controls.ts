/**
 * Connects the noise-control bar (`il-incident-filters`) to the rest of the incident view. The
 * bar writes its facet filters into the session itself, which the graph and the lists follow.
 * Search and grouping are view state, so this controller keeps the search text for the graph
 * and the lists, passes grouping changes on to the graph element, and passes the bar the number of
 * the graph's groups and of those expanded.
 */

import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { IncidentSession } from '../../session/session.js';
import type { ThemeName } from '../shared/theme.js';
import type { IncidentViewTab } from './tabs.js';

/** The grouping methods and properties of `il-incident-graph` that the bar drives. */
export interface GroupingTarget extends HTMLElement {
  groupThreshold: number;
  readonly groups: readonly { readonly expanded: boolean }[];
  expandAll(): void;
  collapseAll(): void;
}

/** Number of groups in the graph and number of them expanded. */
export interface GroupCounts {
  total: number;
  expanded: number;
}

/** Tabs whose content follows the session's filters and the search text. */
const FILTERED_TABS: ReadonlySet<IncidentViewTab> = new Set(['story', 'assets', 'evidence']);

export class NoiseControls implements ReactiveController {
  /** The text of the bar's search box, for the graph and the lists. */
  search = '';

  /** True while the user has turned grouping off. */
  ungrouped = false;

  /** Counts of the graph's groups as last read by `syncGroups`. Undefined before the first read. */
  groupCounts: GroupCounts | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly graph: () => GroupingTarget | null;

  /** The graph's group threshold before grouping was turned off, restored when it is turned on. */
  private groupedThreshold: number | undefined;

  constructor(host: ReactiveControllerHost, graph: () => GroupingTarget | null) {
    this.host = host;
    this.graph = graph;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Returns true when the tab's content follows the bar. */
  appliesTo(tab: IncidentViewTab): boolean {
    return FILTERED_TABS.has(tab);
  }

  /**
   * Renders the bar for a tab it applies to, in the view's forced theme if any. The grouping
   * controls show only where the graph shows.
   */
  render(session: IncidentSession, tab: IncidentViewTab, theme: ThemeName | undefined): TemplateResult | typeof nothing {
    if (!this.appliesTo(tab)) return nothing;
    return html`
      <il-incident-filters
        part="filters"
        theme=${ifDefined(theme)}
        .session=${session}
        .search=${this.search}
        ?ungrouped=${this.ungrouped}
        ?no-grouping=${tab !== 'story'}
        group-count=${ifDefined(this.groupCounts?.total)}
        expanded-group-count=${ifDefined(this.groupCounts?.expanded)}
        @il-search-change=${this.handleSearch}
        @il-grouping-change=${this.handleGrouping}
        @il-groups-expand=${this.handleExpand}
      ></il-incident-filters>
    `;
  }

  /**
   * Reads the graph's groups again and renders the bar when their counts changed. The graph
   * fires `il-group-toggle` only for the user's double-click or Enter, and no event when a
   * layout or a host call such as `expandAll()` changes its groups. So the view calls this on
   * `il-layout-end`, on `il-group-toggle` and after the bar's own grouping buttons.
   */
  readonly syncGroups = (): void => {
    const graph = this.graph();
    if (!graph) return;
    const groups = graph.groups;
    const next = { total: groups.length, expanded: groups.filter((group) => group.expanded).length };
    if (next.total === this.groupCounts?.total && next.expanded === this.groupCounts.expanded) return;
    this.groupCounts = next;
    this.host.requestUpdate();
  };

  private readonly handleSearch = (event: CustomEvent<{ search: string }>): void => {
    this.search = event.detail.search;
    this.host.requestUpdate();
  };

  private readonly handleGrouping = (event: CustomEvent<{ grouped: boolean }>): void => {
    const graph = this.graph();
    this.ungrouped = !event.detail.grouped;
    if (graph && this.ungrouped) {
      this.groupedThreshold = graph.groupThreshold;
      graph.groupThreshold = 0;
    } else if (graph && this.groupedThreshold !== undefined) {
      graph.groupThreshold = this.groupedThreshold;
    }
    this.syncGroups();
    this.host.requestUpdate();
  };

  private readonly handleExpand = (event: CustomEvent<{ expanded: boolean }>): void => {
    const graph = this.graph();
    if (event.detail.expanded) graph?.expandAll();
    else graph?.collapseAll();
    this.syncGroups();
  };
}

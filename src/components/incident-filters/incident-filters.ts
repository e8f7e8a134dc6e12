import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import { filtersAreEmpty, type IncidentFilters } from '../../session/filters.js';
import type { IncidentSession } from '../../session/session.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { FiltersChangeEvent, GroupingChangeEvent, GroupsExpandEvent, SearchChangeEvent } from './events.js';
import { FACETS, facetOptions, type Facet, type FacetOption } from './facets.js';
import { FILTER_STRINGS } from './filter-strings.js';
import { incidentFiltersStyles } from './incident-filters.styles.js';

// A call, not a side-effect import, so that bundlers honouring `sideEffects` keep it.
registerStrings(FILTER_STRINGS);

/**
 * The noise-control bar: a search box and one menu per facet (entity kind, verdict,
 * remediation status, evidence role, alert severity) whose checked options restrict what the
 * graph and the lists show. A facet with nothing checked shows everything. Each menu lists the
 * values the incident has, with the number of entities (alerts, for severity) of each.
 *
 * Filters live in the session: a change calls `session.setFilters`, so `il-incident-graph`,
 * `il-asset-list` and `il-evidence-list` on the same session follow at once. The search text
 * is not session state: the bar fires `il-search-change` and a host sets `search` on the graph
 * and the lists. The grouping controls only fire events, because grouping is the graph's view
 * state: on `il-grouping-change` a host sets the graph's `groupThreshold` (0 turns grouping
 * off), and on `il-groups-expand` it calls `expandAll()` or `collapseAll()`. A host that
 * can read the graph's groups sets `groupCount` and `expandedGroupCount`. The bar then
 * disables "Expand all groups" when every group is expanded, "Collapse all groups" when every
 * group is collapsed, and both when there is no group. Without those counts both buttons stay
 * enabled, unless grouping is off, which disables both.
 *
 * Keyboard: every control is a native button, checkbox or text box in reading order, reached
 * with Tab. A disabled grouping button stays focusable (`aria-disabled`, so focus stays on it
 * after the click that disabled it), and its `title` gives the reason. A facet's button opens its menu with Enter or Space. Space toggles a checked
 * option. Escape closes the open menu and returns focus to its button. Opening one menu closes
 * the others, and so does a click outside the bar.
 *
 * Compact layout: while the bar itself is narrower than 600 px, it shows one row with the search
 * box and a "Filters" disclosure button. The width comes from a container query on the element,
 * so the page's width does not matter. The button names how many facets restrict something, as
 * in "Filters (2)", and shows or hides the facet menus, "Clear filters" and the grouping
 * controls beneath that row. Its `aria-expanded` is `true` while they show. Enter or Space on
 * the button toggles the controls and leaves focus on it. Escape on the button or inside the
 * opened controls first closes an open facet menu, and a second Escape hides the controls and
 * returns focus to the button. Escape in the search box leaves them open. At 600 px and wider
 * the button is not rendered and the bar lays out as above. To measure itself the bar has
 * inline-size containment, so its width comes from its container and never from its controls.
 * Inside a flex row or an inline-block, give it a width.
 *
 * @tagname il-incident-filters
 * @summary Noise controls shared by the graph and the lists: facet filters, search and grouping.
 *
 * @property {IncidentSession | undefined} session - The session whose filters the bar sets. Wins over `adapter` and context.
 * @property {IncidentDataAdapter | undefined} adapter - Loads an own session together with `incidentId`.
 * @property {string | undefined} incidentId - Incident the own session loads. Attribute `incident-id`.
 * @property {string} search - Text of the search box. Attribute `search`. Setting it fires nothing.
 * @property {boolean} ungrouped - The grouping toggle shows grouping as off. Attribute `ungrouped`, reflected.
 * @property {boolean} noGrouping - Hides the grouping controls, for a host without a graph. Attribute `no-grouping`.
 * @property {number | undefined} groupCount - Number of groups in the graph, collapsed or expanded. Undefined (the default) when the host has not set it, which leaves both buttons enabled. Attribute `group-count`.
 * @property {number | undefined} expandedGroupCount - Number of those groups that are expanded. Attribute `expanded-group-count`.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the element. Absent or any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
 *
 * @fires {FiltersChangeEvent} il-filters-change - The user checked or cleared a filter, and the session contains the new filters already. Detail: `FiltersChangeDetail`, `{ filters }`.
 * @fires {SearchChangeEvent} il-search-change - The user typed in the search box. Detail: `SearchChangeDetail`, `{ search }`.
 * @fires {GroupingChangeEvent} il-grouping-change - The user turned grouping on or off. Detail: `GroupingChangeDetail`, `{ grouped }`.
 * @fires {GroupsExpandEvent} il-groups-expand - The user asked to expand or collapse every group. Detail: `GroupsExpandDetail`, `{ expanded }`.
 *
 * @csspart bar - The row of controls.
 * @csspart search - The search box.
 * @csspart facet - Each facet's menu (a `details` element).
 * @csspart facet-button - Each facet's button, which names the facet and how many options are checked.
 * @csspart facet-menu - The options of an open facet.
 * @csspart option - Each option: checkbox, label and count.
 * @csspart clear-button - The "Clear filters" button.
 * @csspart grouping - The grouping controls.
 * @csspart filters-button - The "Filters" disclosure button of the compact layout, which is not rendered at 600 px and wider.
 *
 * @cssprop --il-incident-filters-background - Background of the bar. Defaults to `--il-color-surface`.
 * @cssprop --il-incident-filters-text-color - Text colour. Defaults to `--il-color-text`.
 * @cssprop --il-incident-filters-muted-color - Colour of counts and hints. Defaults to `--il-color-text-muted`.
 * @cssprop --il-incident-filters-border-color - Colour of borders. Defaults to `--il-color-border`.
 * @cssprop --il-incident-filters-active-color - Colour that marks a facet with checked options. Defaults to `--il-color-accent`.
 * @cssprop --il-incident-filters-menu-background - Background of an open menu. Defaults to `--il-color-surface-raised`.
 */
export class IncidentFiltersElement extends LitElement {
  static override styles = [themeTokens, incidentFiltersStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    search: { type: String },
    ungrouped: { type: Boolean, reflect: true },
    noGrouping: { type: Boolean, attribute: 'no-grouping' },
    groupCount: { type: Number, attribute: 'group-count' },
    expandedGroupCount: { type: Number, attribute: 'expanded-group-count' },
    theme: { reflect: true },
    filtersExpanded: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare search: string;
  declare ungrouped: boolean;
  declare noGrouping: boolean;
  declare groupCount: number | undefined;
  declare expandedGroupCount: number | undefined;
  declare theme: ThemeName | undefined;
  /** Whether the compact layout shows the controls under its "Filters" button. */
  declare private filtersExpanded: boolean;

  private readonly sessions: SessionController;
  private readonly format = new LocaleController(this);

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.search = '';
    this.ungrouped = false;
    this.noGrouping = false;
    this.groupCount = undefined;
    this.expandedGroupCount = undefined;
    this.theme = undefined;
    this.filtersExpanded = false;
    this.sessions = new SessionController(this, { keys: ['snapshot', 'loadState', 'entities', 'filters'] });
  }

  /** @internal The session in effect, whichever source it came from. */
  get resolvedSession(): IncidentSession | undefined {
    return this.sessions.session;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.handleOutsidePointer, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.handleOutsidePointer, true);
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const filters = session?.filters ?? {};
    const options = facetOptions(session?.snapshot, filters);
    const empty = filtersAreEmpty(filters);
    const activeFacets = FACETS.filter((facet) => (filters[facet]?.length ?? 0) > 0).length;

    return html`<div part="bar" class="bar" role="group" aria-label=${msg('filters.label')}>
      <label class="search">
        <span class="visually-hidden">${msg('filters.searchLabel')}</span>
        <input
          part="search"
          type="search"
          placeholder=${msg('filters.search')}
          .value=${this.search ?? ''}
          @input=${this.handleSearchInput}
        />
      </label>
      <button
        part="filters-button"
        type="button"
        class="filters-button"
        aria-expanded=${this.filtersExpanded ? 'true' : 'false'}
        aria-controls="filter-controls"
        ?data-active=${activeFacets > 0}
        @click=${this.toggleFiltersExpanded}
      >
        ${activeFacets === 0 ? msg('filters.compactButton') : this.format.msg('filters.compactButtonCount', { count: activeFacets })}
      </button>
      <div id="filter-controls" class="controls" ?data-expanded=${this.filtersExpanded}>
        ${FACETS.map((facet) => this.renderFacet(facet, options[facet], filters))}
        <button part="clear-button" type="button" class="text-button" ?hidden=${empty} @click=${this.clearFilters}>
          ${msg('filters.clear')}
        </button>
        ${this.noGrouping ? nothing : this.renderGrouping()}
      </div>
    </div>`;
  }

  private renderFacet(facet: Facet, options: readonly FacetOption[], filters: IncidentFilters): TemplateResult {
    const selected: readonly string[] = filters[facet] ?? [];
    const name = msg(`filters.facet.${facet}`);
    const state =
      selected.length === 0 ? msg('filters.all') : this.format.msg('filters.someSelected', { count: selected.length, total: options.length });

    return html`<details part="facet" class="facet" data-facet=${facet} ?data-active=${selected.length > 0} @toggle=${this.handleToggle}>
      <summary part="facet-button" class="facet-button">
        <span class="visually-hidden">${msg('filters.buttonName', { facet: name, state })}</span>
        <span aria-hidden="true">${name}</span>
        <span class="facet-state" aria-hidden="true">${state}</span>
      </summary>
      <fieldset part="facet-menu" class="facet-menu">
        <legend class="visually-hidden">${name}</legend>
        ${options.length === 0 ? html`<p class="hint">${msg('filters.noOptions')}</p>` : nothing}
        ${options.map(
          (option) => html`<label part="option" class="option">
            <input
              type="checkbox"
              .checked=${selected.includes(option.value)}
              data-value=${option.value}
              @change=${(event: Event) => this.toggleOption(facet, option.value, (event.target as HTMLInputElement).checked)}
            />
            <span class="option-label">${option.label}</span>
            <span class="count">${this.format.number(option.count)}</span>
          </label>`,
        )}
        ${selected.length > 0
          ? html`<button type="button" class="text-button show-all" @click=${() => this.setFacet(facet, [])}>
              ${msg('filters.showAll')}
            </button>`
          : nothing}
      </fieldset>
    </details>`;
  }

  private renderGrouping(): TemplateResult {
    const expandReason = this.groupingButtonReason(true);
    const collapseReason = this.groupingButtonReason(false);
    return html`<div part="grouping" class="grouping">
      <button type="button" class="toggle" aria-pressed=${this.ungrouped ? 'false' : 'true'} @click=${this.toggleGrouping}>
        ${msg('filters.group')}
      </button>
      <button
        type="button"
        class="text-button"
        data-grouping="expand"
        aria-disabled=${expandReason ? 'true' : 'false'}
        title=${expandReason ?? nothing}
        @click=${() => this.expandGroups(true)}
      >
        ${msg('filters.expandAll')}
      </button>
      <button
        type="button"
        class="text-button"
        data-grouping="collapse"
        aria-disabled=${collapseReason ? 'true' : 'false'}
        title=${collapseReason ?? nothing}
        @click=${() => this.expandGroups(false)}
      >
        ${msg('filters.collapseAll')}
      </button>
    </div>`;
  }

  /**
   * Returns why "Expand all groups" (`expand` true) or "Collapse all groups" would do nothing,
   * or undefined when it would change something or the group counts are unknown.
   */
  private groupingButtonReason(expand: boolean): string | undefined {
    if (this.ungrouped) return msg('filters.groupingOff');
    const total = this.groupCount;
    if (total === undefined || !Number.isFinite(total)) return undefined;
    if (total <= 0) return msg('filters.noGroups');
    const expanded = this.expandedGroupCount ?? 0;
    if (expand && expanded >= total) return msg('filters.allExpanded');
    if (!expand && expanded <= 0) return msg('filters.allCollapsed');
    return undefined;
  }

  private toggleOption(facet: Facet, value: string, checked: boolean): void {
    const current: readonly string[] = this.sessions.session?.filters[facet] ?? [];
    const next = checked ? [...new Set([...current, value])] : current.filter((item) => item !== value);
    this.setFacet(facet, next);
  }

  private setFacet(facet: Facet, values: readonly string[]): void {
    const session = this.sessions.session;
    if (!session) return;
    const next: IncidentFilters = { ...session.filters, [facet]: values };
    if (values.length === 0) delete next[facet];
    this.applyFilters(session, next);
  }

  private readonly clearFilters = (): void => {
    const session = this.sessions.session;
    if (session) this.applyFilters(session, {});
    this.renderRoot.querySelector<HTMLInputElement>('[part~="search"]')?.focus();
  };

  private applyFilters(session: IncidentSession, filters: IncidentFilters): void {
    const before = JSON.stringify(session.filters);
    session.setFilters(filters);
    if (JSON.stringify(session.filters) === before) return;
    this.dispatchEvent(new FiltersChangeEvent({ filters: session.filters }));
  }

  private readonly handleSearchInput = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new SearchChangeEvent({ search: this.search }));
  };

  private readonly toggleGrouping = (): void => {
    this.ungrouped = !this.ungrouped;
    this.dispatchEvent(new GroupingChangeEvent({ grouped: !this.ungrouped }));
  };

  private readonly toggleFiltersExpanded = (): void => {
    this.filtersExpanded = !this.filtersExpanded;
  };

  private expandGroups(expanded: boolean): void {
    if (this.groupingButtonReason(expanded)) return;
    this.dispatchEvent(new GroupsExpandEvent({ expanded }));
  }

  /** Closes the other menus when one opens, so that one menu at most covers the page. */
  private readonly handleToggle = (event: Event): void => {
    const opened = event.target as HTMLDetailsElement;
    if (!opened.open) return;
    for (const details of this.facetMenus()) {
      if (details !== opened) details.open = false;
    }
  };

  private facetMenus(): HTMLDetailsElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLDetailsElement>('details.facet')];
  }

  /** Closes the open facet menu on Escape, or else the compact layout's expanded controls. */
  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const open = this.facetMenus().find((details) => details.open);
    if (open) {
      event.preventDefault();
      event.stopPropagation();
      open.open = false;
      open.querySelector('summary')?.focus();
      return;
    }

    // The button is rendered only in the compact layout, where the controls can be hidden.
    const button = this.renderRoot.querySelector<HTMLButtonElement>('.filters-button');
    const controls = this.renderRoot.querySelector('.controls');
    if (!this.filtersExpanded || !button || !controls || button.getClientRects().length === 0) return;
    const path = event.composedPath();
    if (!path.includes(controls) && !path.includes(button)) return;
    event.preventDefault();
    event.stopPropagation();
    this.filtersExpanded = false;
    button.focus();
  };

  private readonly handleOutsidePointer = (event: PointerEvent): void => {
    if (event.composedPath().includes(this)) return;
    for (const details of this.facetMenus()) details.open = false;
  };

  protected override firstUpdated(): void {
    this.renderRoot.addEventListener('keydown', this.handleKeydown as EventListener);
  }
}

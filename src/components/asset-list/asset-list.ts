import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { EntityRef, IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Entity } from '../../model/types.js';
import type { IncidentSession } from '../../session/session.js';
import { kindIcon } from '../entity-flyout/kind-icons.js';
import { sortEntities, verdictRank } from '../evidence-list/entity-order.js';
import { entityListStyles } from '../evidence-list/list-styles.js';
import { visibleEntities } from '../incident-filters/visible-entities.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import {
  ASSET_CATEGORIES,
  CATEGORY_COLUMNS,
  categoryOf,
  compareDetail,
  mailtoUrl,
  type AssetCategory,
  type AssetColumn,
  type AssetSort,
} from './asset-columns.js';
import { assetListStyles } from './asset-list.styles.js';
import { ASSET_STRINGS } from './asset-strings.js';
import { BulkActionController } from './bulk-actions.js';
import { renderBulkBar } from './render-bulk.js';

// A call, not a side-effect import, so that bundlers honouring `sideEffects` keep it.
registerStrings(ASSET_STRINGS);

/** Rows shown at first and added by "Show more", when `pageSize` is not set. */
export const DEFAULT_ASSET_PAGE_SIZE = 100;

/** The strongest verdict first, then by name. */
const DEFAULT_ASSET_SORT: AssetSort = { key: 'verdict', descending: false };

/**
 * The incident's assets by category: devices, users, mailboxes, apps (cloud and OAuth apps)
 * and cloud resources (with containers), each tab with its count. Each row shows the details
 * an analyst checks first for its category, as far as the entity's properties give them: a
 * device's risk and exposure levels and operating system, or a user's threat level, UPN,
 * account and contact details. Its verdict and remediation status follow. The strongest verdict
 * comes first, and each column header sorts by its column: risk, exposure and threat levels
 * from high to none, other details alphabetically, empty details last.
 *
 * The rows follow what `il-incident-graph` draws on the same session: the time cursor, the
 * time range and the noise-control filters apply, and `search` narrows them further. The
 * counts in the tabs are the rows each category shows. A category shows `pageSize` rows at first,
 * and "Show more" adds as many.
 *
 * Choosing a name selects that entity alone in the session. Checkboxes check entities for
 * bulk actions, across categories, and the header checkbox checks every row of the category,
 * including rows that "Show more" has not shown yet.
 * When the adapter (the `adapter` property, else the session's) has `listBulkActions` and
 * `runBulkAction`, a bar offers the actions for the checked entities that are shown. A
 * destructive action requests confirmation first. Each request carries an idempotency key per
 * intent, reused on a retry after the call rejected. Remediation statuses in the result
 * update the session's entities.
 *
 * Keyboard: the category tabs are one tab stop. Left and Right arrows move between them and
 * select, Home and End go to the first and last. Every other control is a native button,
 * checkbox or link in reading order. Column headers are buttons that sort by their column. The
 * header cell's `aria-sort` gives the order. Escape closes an open confirmation.
 *
 * @tagname il-asset-list
 * @summary Devices, users, mailboxes, apps and cloud resources of an incident, with counts,
 * first details, selection and bulk actions.
 *
 * @property {IncidentSession | undefined} session - The session to show. Wins over `adapter` and context.
 * @property {IncidentDataAdapter | undefined} adapter - Loads an own session together with `incidentId`, and runs bulk actions.
 * @property {string | undefined} incidentId - Incident the own session loads. Attribute `incident-id`.
 * @property {AssetCategory | undefined} category - The category shown: `devices`, `users`, `mailboxes`, `apps` or `cloudResources`. Attribute `category`. Unset, the first category with rows.
 * @property {string} search - Shows only assets whose name or id contains this text, ignoring case. Attribute `search`.
 * @property {number} pageSize - Rows shown at first and added by "Show more". Attribute `page-size`. Defaults to 100.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the element. Absent or any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user chose an asset. Detail: `SelectionChangeDetail`, `{ entityIds, alertIds }`.
 * @fires {BulkActionRequestEvent} il-bulk-action-request - The user started an action on the checked assets. Cancelable, with `respondWith(answer)`. Detail: `BulkActionRequestDetail`, `{ action, request, signal }`.
 * @fires {BulkActionCompleteEvent} il-bulk-action-complete - The adapter accepted the bulk action. Detail: `BulkActionCompleteDetail`, `{ action, request, result }`.
 * @fires {BulkActionErrorEvent} il-bulk-action-error - The bulk action failed. An aborted call fires nothing. Detail: `BulkActionErrorDetail`, `{ action, request, result?, error?, message }`.
 *
 * @csspart tabs - The row of category tabs.
 * @csspart tab - Each category tab.
 * @csspart panel - The table of the category shown.
 * @csspart table - The table.
 * @csspart row - Each asset's row.
 * @csspart entity-button - The button with each asset's name.
 * @csspart bulk-bar - The bar with the checked count and the bulk actions.
 * @csspart bulk-button - Each bulk action's button.
 * @csspart more-button - The "Show more" button.
 *
 * @cssprop --il-asset-list-background - Background. Defaults to `--il-color-surface`.
 * @cssprop --il-asset-list-text-color - Text colour. Defaults to `--il-color-text`.
 * @cssprop --il-asset-list-muted-color - Colour of counts, hints and missing details. Defaults to `--il-color-text-muted`.
 * @cssprop --il-asset-list-border-color - Colour of borders. Defaults to `--il-color-border`.
 * @cssprop --il-asset-list-header-background - Background of the table header, the bulk bar and buttons. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-asset-list-selected-background - Background of the selected asset's row. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-asset-list-accent-color - Colour of the selected tab's underline. Defaults to `--il-color-accent`.
 * @cssprop --il-asset-list-danger-color - Colour of destructive actions and failures. Defaults to `--il-color-malicious`.
 */
export class AssetList extends LitElement {
  static override styles = [themeTokens, assetListStyles, entityListStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    category: { type: String },
    search: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    theme: { reflect: true },
    checked: { state: true },
    shownCount: { state: true },
    sort: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare category: AssetCategory | undefined;
  declare search: string;
  declare pageSize: number;
  declare theme: ThemeName | undefined;

  /** Ids of the entities checked for bulk actions. */
  declare private checked: ReadonlySet<string>;
  /** Rows shown. Grows by `pageSize` with "Show more". */
  declare private shownCount: number;
  declare private sort: AssetSort;

  private readonly sessions: SessionController;
  private readonly bulk: BulkActionController;
  private readonly format = new LocaleController(this);
  private focusTabAfterUpdate = false;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.category = undefined;
    this.search = '';
    this.pageSize = DEFAULT_ASSET_PAGE_SIZE;
    this.theme = undefined;
    this.checked = new Set();
    this.shownCount = DEFAULT_ASSET_PAGE_SIZE;
    this.sort = DEFAULT_ASSET_SORT;
    this.sessions = new SessionController(this, {
      keys: ['snapshot', 'loadState', 'time', 'range', 'filters', 'selection', 'entities'],
      onSessionChange: () => {
        this.checked = new Set();
      },
    });
    this.bulk = new BulkActionController(this, this.format);
    this.addEventListener('keydown', this.handleKeydown);
  }

  /** @internal The session in effect, whichever source it came from. */
  get resolvedSession(): IncidentSession | undefined {
    return this.sessions.session;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageSize') || changed.has('category') || changed.has('search')) this.shownCount = this.validPageSize();

    this.sessions.resolve();
    const session = this.sessions.session;
    if (!session?.snapshot) {
      this.bulk.setScope(undefined);
      return;
    }
    this.bulk.setScope({ targets: this.targets(session), adapter: this.adapter ?? session.adapter, session });
  }

  protected override updated(): void {
    const focusRequest = this.bulk.takeFocusRequest();
    if (focusRequest) {
      const item = this.renderRoot.querySelector(`li[data-action-id="${CSS.escape(focusRequest.actionId)}"]`);
      item?.querySelector<HTMLElement>(focusRequest.control === 'cancel' ? '.cancel-button' : '[part~="bulk-button"]')?.focus();
    }

    if (!this.focusTabAfterUpdate) return;
    this.focusTabAfterUpdate = false;
    this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    if (!session?.snapshot) return html`<p class="hint" role="status">${this.loadMessage(session)}</p>`;

    const byCategory = this.assetsByCategory(session);
    const current = this.currentCategory(byCategory);
    const rows = byCategory.get(current) ?? [];
    const label = msg(`assets.category.${current}`);
    const targetCount = this.targets(session).length;

    return html`<section class="assets" aria-label=${msg('assets.label')}>
      <div part="tabs" class="tabs" role="tablist" aria-label=${msg('assets.categories')} @keydown=${this.handleTabKeydown}>
        ${ASSET_CATEGORIES.map((category) => {
          const selected = category === current;
          return html`<button
            part="tab"
            type="button"
            role="tab"
            id=${`tab-${category}`}
            data-category=${category}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${selected ? 0 : -1}
            @click=${() => this.showCategory(category)}
          >
            ${this.format.msg('assets.tab', { label: msg(`assets.category.${category}`), count: byCategory.get(category)?.length ?? 0 })}
          </button>`;
        })}
      </div>
      ${targetCount > 0 ? renderBulkBar(this.bulk, targetCount, this.clearChecked, this.format) : nothing}
      <div part="panel" id="panel" role="tabpanel" aria-labelledby=${`tab-${current}`}>
        ${rows.length === 0
          ? html`<p class="hint">${msg('assets.empty', { label: label.toLowerCase() })}</p>`
          : this.renderTable(current, label, rows, new Set(session.selection.entityIds))}
        ${rows.length > this.shownCount
          ? html`<button part="more-button" type="button" class="text-button more" @click=${this.showMore}>
              ${this.format.msg('assets.showMore', { count: Math.min(this.validPageSize(), rows.length - this.shownCount) })}
            </button>`
          : nothing}
      </div>
    </section>`;
  }

  private renderTable(category: AssetCategory, label: string, rows: readonly Entity[], selected: ReadonlySet<string>): TemplateResult {
    const columns = CATEGORY_COLUMNS[category];
    const checkedRows = rows.filter((entity) => this.checked.has(entity.id)).length;

    return html`<div class="table-wrap">
      <table part="table">
        <caption class="visually-hidden">${this.format.msg('assets.caption', { label, count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col" class="check-cell">
              <input
                type="checkbox"
                class="select-all"
                aria-label=${msg('assets.selectAll', { label: label.toLowerCase() })}
                .checked=${checkedRows === rows.length}
                .indeterminate=${checkedRows > 0 && checkedRows < rows.length}
                @change=${(event: Event) => this.checkRows(rows, (event.target as HTMLInputElement).checked)}
              />
            </th>
            ${this.renderHeader('name')}
            ${columns.map((column) => this.renderHeader(column.key))}
            ${this.renderHeader('verdict')}
          </tr>
        </thead>
        <tbody>
          ${rows.slice(0, this.shownCount).map((entity) => this.renderRow(entity, columns, selected.has(entity.id)))}
        </tbody>
      </table>
    </div>`;
  }

  private renderHeader(key: string): TemplateResult {
    const sorted = this.sort.key === key;
    const direction = this.sort.descending ? 'descending' : 'ascending';
    return html`<th scope="col" aria-sort=${sorted ? direction : 'none'}>
      <button type="button" class="sort-button" data-sort=${key} data-sorted=${sorted ? direction : nothing} @click=${() => this.sortBy(key)}>
        ${msg(`assets.column.${key}`)}
      </button>
    </th>`;
  }

  private sortBy(key: string): void {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: false };
  }

  private renderRow(entity: Entity, columns: readonly AssetColumn[], isSelected: boolean): TemplateResult {
    return html`<tr part="row" data-entity-id=${entity.id} ?data-selected=${isSelected}>
      <td class="check-cell">
        <input
          type="checkbox"
          aria-label=${msg('assets.check', { name: entity.displayName })}
          .checked=${this.checked.has(entity.id)}
          @change=${(event: Event) => this.checkRows([entity], (event.target as HTMLInputElement).checked)}
        />
      </td>
      <td>
        <button
          part="entity-button"
          type="button"
          class="entity-button"
          aria-pressed=${isSelected ? 'true' : 'false'}
          @click=${() => this.selectEntity(entity.id)}
        >
          ${kindIcon(entity.kind)}<span class="name">${entity.displayName}</span>
        </button>
      </td>
      ${columns.map((column) => html`<td data-column=${column.key}>${renderValue(column, entity)}</td>`)}
      <td>
        <il-verdict-badge .verdict=${entity.verdict} .remediationStatus=${entity.remediationStatus}></il-verdict-badge>
      </td>
    </tr>`;
  }

  /** Returns the shown assets of each category in the sort order. */
  private assetsByCategory(session: IncidentSession): Map<AssetCategory, Entity[]> {
    const byCategory = new Map<AssetCategory, Entity[]>(ASSET_CATEGORIES.map((category) => [category, []]));
    for (const entity of visibleEntities(session, this.search)) {
      const category = categoryOf(entity.kind);
      if (category) byCategory.get(category)!.push(entity);
    }
    for (const [category, entities] of byCategory) byCategory.set(category, this.sorted(category, entities));
    return byCategory;
  }

  /**
   * Sorts one category's assets. Ties, and a detail column the category lacks, fall back to
   * the strongest verdict and then the name.
   */
  private sorted(category: AssetCategory, entities: readonly Entity[]): Entity[] {
    const byVerdict = sortEntities(entities, { key: 'verdict', descending: false });
    const { key, descending } = this.sort;
    if (key === 'name') return sortEntities(entities, { key: 'name', descending });

    const sign = descending ? -1 : 1;
    const column = CATEGORY_COLUMNS[category].find((item) => item.key === key);
    if (key === 'verdict') {
      return byVerdict.sort((a, b) => sign * (verdictRank(a.verdict) - verdictRank(b.verdict)));
    }
    if (!column) return byVerdict;
    // Array.prototype.sort is stable, so equal details keep the verdict order. Empty details
    // stay last in both directions.
    return byVerdict.sort((a, b) => {
      const aEmpty = column.read(a) === undefined;
      const bEmpty = column.read(b) === undefined;
      if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
      return sign * compareDetail(column, a, b);
    });
  }

  private currentCategory(byCategory: ReadonlyMap<AssetCategory, readonly Entity[]>): AssetCategory {
    if (this.category && ASSET_CATEGORIES.includes(this.category)) return this.category;
    return ASSET_CATEGORIES.find((category) => (byCategory.get(category)?.length ?? 0) > 0) ?? 'devices';
  }

  /** Returns the checked entities that the list shows, in any category, as the adapter's targets. */
  private targets(session: IncidentSession): EntityRef[] {
    const snapshot = session.snapshot;
    if (!snapshot || this.checked.size === 0) return [];
    return visibleEntities(session, this.search)
      .filter((entity) => this.checked.has(entity.id) && categoryOf(entity.kind) !== undefined)
      .map((entity) => ({ incidentId: snapshot.incident.id, entityId: entity.id, kind: entity.kind }));
  }

  private loadMessage(session: IncidentSession | undefined): string {
    if (session?.loadState === 'loading') return msg('assets.loading');
    if (session?.loadState === 'error') return msg('assets.loadFailed');
    return msg('assets.noIncident');
  }

  private validPageSize(): number {
    const size = Math.floor(this.pageSize);
    return Number.isFinite(size) && size >= 1 ? size : DEFAULT_ASSET_PAGE_SIZE;
  }

  private readonly showMore = (): void => {
    this.shownCount += this.validPageSize();
  };

  private showCategory(category: AssetCategory): void {
    this.category = category;
  }

  private checkRows(rows: readonly Entity[], checked: boolean): void {
    const next = new Set(this.checked);
    for (const entity of rows) {
      if (checked) next.add(entity.id);
      else next.delete(entity.id);
    }
    this.checked = next;
  }

  private readonly clearChecked = (): void => {
    this.checked = new Set();
    this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  };

  private selectEntity(entityId: string): void {
    const session = this.sessions.session;
    if (!session) return;
    session.select({ entityIds: [entityId], alertIds: [] });
    this.dispatchEvent(new SelectionChangeEvent(session.selection));
  }

  private readonly handleTabKeydown = (event: KeyboardEvent): void => {
    const tabs = [...ASSET_CATEGORIES];
    const index = tabs.indexOf((event.target as HTMLElement).dataset.category as AssetCategory);
    if (index < 0) return;

    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;

    event.preventDefault();
    this.showCategory(tabs[next]!);
    this.focusTabAfterUpdate = true;
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (!this.bulk.cancelAll()) return;
    event.preventDefault();
    event.stopPropagation();
  };
}

/** Renders one detail: the text, a mailto link for an e-mail address, or "not provided" for none. */
function renderValue(column: AssetColumn, entity: Entity): TemplateResult {
  const value = column.read(entity);
  if (value === undefined) {
    return html`<span class="missing" aria-hidden="true">—</span><span class="visually-hidden">${msg('assets.notProvided')}</span>`;
  }
  const href = column.link === 'mailto' ? mailtoUrl(value) : undefined;
  return href ? html`<a href=${href}>${value}</a>` : html`${value}`;
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Alert, Entity, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession, SessionKey } from '../../session/session.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import type { ThemeName } from '../shared/theme.js';
import { alertQueueStyles } from './alert-queue.styles.js';
import {
  ALERT_SORT_KEYS,
  facetOptions,
  filterAlerts,
  sortAlerts,
  type AlertFacet,
  type AlertQueueFilters,
  type AlertSortKey,
  type SortDirection,
} from './queue-model.js';
import { QUEUE_STRINGS } from './queue-strings.js';
import { renderEntities, renderFilterBar, renderFirstActivity, renderSeverity, renderSource, renderText } from './render-queue.js';

registerStrings(QUEUE_STRINGS);

const SORT_MARKS: Record<SortDirection, string> = { ascending: '▲', descending: '▼' };

/** Rows rendered at first and added by each "Show more". Keeps a huge incident's table quick. */
const PAGE_SIZE = 200;

// `filters` is the session's noise-control state. A session without it never emits the key.
const WATCHED_KEYS = ['loadState', 'snapshot', 'entities', 'selection', 'range', 'filters'] as readonly string[] as readonly SessionKey[];

/** Returns the severities of the session's shared noise controls, when the session has them. */
function sessionSeverities(session: IncidentSession): readonly string[] | undefined {
  return (session as { filters?: { severities?: readonly string[] } }).filters?.severities;
}

/**
 * The incident's alerts as a table: first activity, severity, title, status, category, source,
 * and the entities each alert involves with the evidence roles that explain why it names them and
 * the source's reason for linking the alert to the incident. By default the alerts are in time
 * order: first activity, then severity, then id, as on the timeline. A column header sorts by
 * that column, and a second press reverses it. The filter bar keeps the alerts of one
 * severity, status, source or category.
 *
 * When the session has a time window (`range`), the alerts whose first activity falls outside
 * it are hidden and a note shows how many. The severities of the session's shared filters, if
 * any, apply too, and the note also shows how many alerts they hide, since the queue's own
 * filter bar does not show them.
 *
 * Selecting an alert selects it in the session, so the graph highlights its entities. Give the
 * element an `adapter` and an `incident-id`, or a `session`, or place it inside an element that
 * provides one. The first 200 rows render at once and "Show more" adds 200 at a time.
 *
 * The table takes the element's width. Headers and long values wrap inside their cells, and an
 * unbroken value such as a hash or a path wraps anywhere, so no text is cut. Below a width of
 * 900 px, first activity and entity kinds also wrap between words. A frame too narrow for the
 * columns' minimum widths, about 630 px with typical values, drops the category and source
 * columns, and below 480 px the status too. A table still wider than its frame scrolls
 * sideways.
 *
 * Keyboard: Tab reaches the filters, the column headers and the rows, which are one tab stop.
 * In the rows, Up and Down arrows move between alerts, Home and End go to the first and last
 * rendered alert, and Enter or Space selects the focused alert.
 *
 * @tagname il-alert-queue
 * @summary The incident's alerts: sortable, filterable, with their entities.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user selected an alert. Detail: `SelectionChangeDetail`, `{ entityIds, alertIds }`.
 *
 * @csspart filters - The filter bar.
 * @csspart table - The table of alerts.
 * @csspart row - Each alert row.
 * @csspart note - The count of alerts shown and the note about alerts outside the time window.
 * @csspart status - The message shown while no incident is loaded.
 *
 * @cssprop [--il-alert-queue-selected-background=var(--il-color-surface)] - Background of the selected alert's row, which also has a bar at its start.
 */
export class AlertQueue extends LitElement {
  static override styles = alertQueueStyles;

  static override properties = {
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    session: { attribute: false },
    sortBy: { type: String, attribute: 'sort-by', reflect: true },
    sortDirection: { type: String, attribute: 'sort-direction', reflect: true },
    filters: { attribute: false },
    theme: { reflect: true },
    rowLimit: { state: true },
    activeId: { state: true },
  };

  /** The data adapter to load the incident from when no session is given. */
  declare adapter: IncidentDataAdapter | undefined;

  /** Id of the incident to load through `adapter`. */
  declare incidentId: string | undefined;

  /** The session to show. Wins over `adapter` and over a session from context. */
  declare session: IncidentSession | undefined;

  /** Column the alerts are sorted by: `time` (the default), `severity`, `title`, `status`, `category` or `source`. */
  declare sortBy: AlertSortKey;

  /** `ascending` (the default) or `descending`. Descending severity puts high first. */
  declare sortDirection: SortDirection;

  /** The values the filter bar keeps, by facet. Empty by default. The user's choices change it. */
  declare filters: AlertQueueFilters;

  /**
   * Forces the `light` or the `dark` theme on the element. Absent or any other value follows
   * `prefers-color-scheme`. Attribute `theme`, reflected.
   */
  declare theme: ThemeName | undefined;

  declare private rowLimit: number;

  /** Id of the alert whose row takes focus when Tab enters the rows. */
  declare private activeId: string | undefined;

  private readonly sessions: SessionController;
  private readonly format = new LocaleController(this);
  private entityCache: { snapshot: IncidentSnapshot; byId: Map<string, Entity> } | undefined;

  constructor() {
    super();
    this.adapter = undefined;
    this.incidentId = undefined;
    this.session = undefined;
    this.sortBy = 'time';
    this.sortDirection = 'ascending';
    this.filters = {};
    this.theme = undefined;
    this.rowLimit = PAGE_SIZE;
    this.activeId = undefined;
    this.sessions = new SessionController(this, { keys: WATCHED_KEYS });
  }

  /** The alerts in the order and with the filters the table shows, every page included. */
  get visibleAlerts(): Alert[] {
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    if (!session || !snapshot) return [];
    return this.arrange(session, snapshot).alerts;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!ALERT_SORT_KEYS.includes(this.sortBy)) this.sortBy = 'time';
    if (this.sortDirection !== 'descending') this.sortDirection = 'ascending';
    if (changed.has('filters') || changed.has('sortBy') || changed.has('sortDirection')) this.rowLimit = PAGE_SIZE;
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const snapshot = session?.loadState === 'ready' ? session.snapshot : undefined;
    if (!session || !snapshot) return html`<p class="note" part="status" role="status">${msg('queue.empty')}</p>`;

    const { alerts, outsideRange, hiddenBySeverity } = this.arrange(session, snapshot);
    const rows = alerts.slice(0, this.rowLimit);
    const selected = new Set(session.selection.alertIds);
    const activeId = rows.some((alert) => alert.id === this.activeId)
      ? this.activeId
      : (rows.find((alert) => selected.has(alert.id)) ?? rows[0])?.id;
    const entities = this.entitiesById(snapshot);

    return html`
      ${renderFilterBar(facetOptions(snapshot.alerts), this.filters, this.changeFilter, this.clearFilters)}
      <p class="note" part="note" role="status">
        ${this.format.msg('queue.count', { shown: alerts.length, total: snapshot.alerts.length })}
        ${outsideRange > 0
          ? outsideRange === 1 ? msg('queue.outsideRange.one') : this.format.msg('queue.outsideRange', { count: outsideRange })
          : nothing}
        ${hiddenBySeverity > 0
          ? hiddenBySeverity === 1 ? msg('queue.sharedSeverity.one') : this.format.msg('queue.sharedSeverity', { count: hiddenBySeverity })
          : nothing}
      </p>
      <div class="table-frame">
        <table part="table" aria-label=${msg('queue.label')}>
          <thead>
            <tr>
              ${this.renderHeader('time')} ${this.renderHeader('severity')} ${this.renderHeader('title')}
              ${this.renderHeader('status')} ${this.renderHeader('category')} ${this.renderHeader('source')}
              <th scope="col">${msg('queue.column.entities')}</th>
            </tr>
          </thead>
          <tbody @keydown=${this.handleRowKeydown}>
            ${rows.map(
              (alert) => html`
                <tr part="row" data-alert-id=${alert.id} ?data-selected=${selected.has(alert.id)}>
                  <td>${renderFirstActivity(alert, this.format)}</td>
                  <td>${renderSeverity(alert)}</td>
                  <td>
                    <button
                      type="button"
                      class="title-button"
                      data-alert-id=${alert.id}
                      tabindex=${alert.id === activeId ? 0 : -1}
                      aria-current=${selected.has(alert.id) ? 'true' : 'false'}
                      @click=${() => this.selectByUser(alert.id)}
                      @focus=${() => (this.activeId = alert.id)}
                    >${alert.title}</button>
                  </td>
                  <td data-column="status">${renderText(alert.status)}</td>
                  <td data-column="category">${renderText(alert.category)}</td>
                  <td data-column="source">${renderSource(alert)}</td>
                  <td>${renderEntities(alert, entities, this.format)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
      ${alerts.length === 0 ? html`<p class="note">${msg('queue.noMatch')}</p>` : nothing}
      ${alerts.length > rows.length
        ? html`<button type="button" class="text-button more" @click=${() => (this.rowLimit += PAGE_SIZE)}>
            ${this.format.msg('queue.showMore', { count: Math.min(PAGE_SIZE, alerts.length - rows.length) })}
          </button>`
        : nothing}
    `;
  }

  private renderHeader(key: AlertSortKey): TemplateResult {
    const sorted = this.sortBy === key;
    const column = msg(`queue.column.${key}`);
    return html`
      <th scope="col" data-column=${key} aria-sort=${sorted ? this.sortDirection : 'none'}>
        <button type="button" class="sort-button" data-sort=${key} title=${msg('queue.sortBy', { column })} @click=${() => this.sortByUser(key)}>
          ${column}
          <span class="sort-mark" aria-hidden="true">${sorted ? SORT_MARKS[this.sortDirection] : ''}</span>
        </button>
      </th>
    `;
  }

  private arrange(session: IncidentSession, snapshot: IncidentSnapshot): { alerts: Alert[]; outsideRange: number; hiddenBySeverity: number } {
    const shared = sessionSeverities(session);
    const source = shared && shared.length > 0 ? snapshot.alerts.filter((alert) => shared.includes(alert.severity)) : snapshot.alerts;
    const { alerts, outsideRange } = filterAlerts(source, this.filters, session.range);
    return {
      alerts: sortAlerts(alerts, this.sortBy, this.sortDirection),
      outsideRange,
      hiddenBySeverity: snapshot.alerts.length - source.length,
    };
  }

  private entitiesById(snapshot: IncidentSnapshot): Map<string, Entity> {
    if (this.entityCache?.snapshot !== snapshot) {
      this.entityCache = { snapshot, byId: new Map(snapshot.entities.map((entity) => [entity.id, entity])) };
    }
    return this.entityCache.byId;
  }

  /** Sorts by a new column, time and text ascending and severity descending (high first), or reverses the current one. */
  private sortByUser(key: AlertSortKey): void {
    if (this.sortBy === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
      return;
    }
    this.sortBy = key;
    this.sortDirection = key === 'severity' ? 'descending' : 'ascending';
  }

  private readonly changeFilter = (facet: AlertFacet, value: string | undefined): void => {
    const next: AlertQueueFilters = { ...this.filters };
    if (value === undefined) delete next[facet];
    else next[facet] = [value];
    this.filters = next;
  };

  private readonly clearFilters = (): void => {
    this.filters = {};
  };

  private selectByUser(alertId: string): void {
    const session = this.sessions.session;
    if (!session) return;
    this.activeId = alertId;
    session.select({ entityIds: [], alertIds: [alertId] });
    this.dispatchEvent(new SelectionChangeEvent(session.selection));
  }

  private readonly handleRowKeydown = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('tbody .title-button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;

    let next = index;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else return;

    event.preventDefault();
    const target = buttons[next]!;
    this.activeId = target.dataset.alertId;
    target.focus();
  };
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Entity, IncidentSnapshot, PendingAction } from '../../model/types.js';
import type { IncidentSession } from '../../session/session.js';
import { FLYOUT_STRINGS } from '../entity-flyout/flyout-strings.js';
import { kindIcon } from '../entity-flyout/kind-icons.js';
import { visibleEntities } from '../incident-filters/visible-entities.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { LocaleController, renderTime } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { kindLabel, msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { nextEntitySort, remediationRank, sortEntities, verdictRank, type EntitySort, type EntitySortKey } from './entity-order.js';
import { evidenceListStyles } from './evidence-list.styles.js';
import { EVIDENCE_STRINGS } from './evidence-strings.js';
import { entityListStyles } from './list-styles.js';
import { PendingDecisions } from './pending-decisions.js';
import { focusPendingName, isUndecided, renderPendingActions } from './render-pending.js';

// Calls, not side-effect imports, so that bundlers honouring `sideEffects` keep them. The
// decisions use the flyout's messages, which are registered with the flyout's strings.
registerStrings(EVIDENCE_STRINGS);
registerStrings(FLYOUT_STRINGS);

/** The choice of entities the list shows, on top of the session's filters. */
export type EvidenceShow = 'all' | 'pendingApproval' | 'malicious' | 'unremediated' | 'remediated';

const SHOW_OPTIONS: readonly EvidenceShow[] = ['all', 'pendingApproval', 'malicious', 'unremediated', 'remediated'];

/** Rows shown at first and added by "Show more", when `pageSize` is not set. */
export const DEFAULT_EVIDENCE_PAGE_SIZE = 100;

const DEFAULT_SORT: EntitySort = { key: 'verdict', descending: false };

const COLUMNS: readonly EntitySortKey[] = ['name', 'kind', 'verdict', 'remediation', 'firstSeen'];

/**
 * Returns true when an entity passes the `show` choice. `decidedHere` is true for an entity
 * with a decision under way or made in this list: it stays under "Pending approval" after the
 * approval, so that its row, and focus in it, does not vanish under the user.
 */
function showsEntity(show: EvidenceShow, entity: Entity, pending: readonly PendingAction[] | undefined, decidedHere: boolean): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'pendingApproval':
      return entity.remediationStatus === 'pendingApproval' || (pending ?? []).some(isUndecided) || decidedHere;
    case 'malicious':
      return verdictRank(entity.verdict) <= 1;
    case 'unremediated':
      return remediationRank(entity.remediationStatus) === 1;
    case 'remediated':
      return remediationRank(entity.remediationStatus) === 2;
  }
}

const pendingIndexes = new WeakMap<IncidentSnapshot, Map<string, PendingAction[]>>();

/** Returns the snapshot's pending actions by entity id, cached per snapshot object. */
function pendingByEntity(snapshot: IncidentSnapshot): Map<string, PendingAction[]> {
  let index = pendingIndexes.get(snapshot);
  if (!index) {
    index = new Map();
    for (const action of snapshot.pendingActions ?? []) {
      const list = index.get(action.entityId) ?? [];
      list.push(action);
      index.set(action.entityId, list);
    }
    pendingIndexes.set(snapshot, index);
  }
  return index;
}

/**
 * Every entity of the incident with its verdict and remediation status, for the "Evidence and
 * response" page. The list shows what `il-incident-graph` draws on the same session, so the
 * time cursor, the time range and the noise-control filters apply. It narrows that by `search`
 * and by the "Show" menu: all evidence, pending approval, malicious or suspicious, not
 * remediated, or remediated. An entity decided in the list stays under "Pending approval" until
 * the session or the adapter changes. Columns sort by name, kind, verdict strength, remediation urgency or first
 * seen. By default the strongest verdict comes first.
 *
 * Pending actions of the snapshot have Approve and Reject in place when the adapter (the
 * `adapter` property, else the session's) has `decidePendingAction`. They behave as in
 * `il-entity-flyout`, with the same events: a request event a host can veto or respond to, one
 * idempotency key per intent, and statuses that change only from the adapter's result.
 *
 * Choosing an entity's name selects it alone in the session, so the graph and the flyout
 * follow.
 *
 * Keyboard: every control is a native button or select in reading order, reached with Tab and
 * pressed with Enter or Space. Column headers are buttons that sort by their column. The
 * header cell's `aria-sort` gives the order. After a decision, focus moves to the pending
 * action's name, because its buttons go away.
 *
 * @tagname il-evidence-list
 * @summary Every entity with its verdict and remediation status, filterable and sortable, with
 * approve and reject in place for pending actions.
 *
 * @property {IncidentSession | undefined} session - The session to show. Wins over `adapter` and context.
 * @property {IncidentDataAdapter | undefined} adapter - Loads an own session together with `incidentId`, and receives decisions.
 * @property {string | undefined} incidentId - Incident the own session loads. Attribute `incident-id`.
 * @property {string} search - Shows only entities whose name or id contains this text, ignoring case. Attribute `search`.
 * @property {EvidenceShow} show - `all` (default), `pendingApproval`, `malicious`, `unremediated` or `remediated`. Attribute `show`.
 * @property {number} pageSize - Rows shown at first and added by "Show more". Attribute `page-size`. Defaults to 100.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the element and the badges it renders. Absent or any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user chose an entity. Detail: `SelectionChangeDetail`, `{ entityIds, alertIds }`.
 * @fires {ActionRequestEvent} il-action-request - The user approved or rejected a pending action. Cancelable, with `respondWith(answer)`. Detail: `ActionRequestDetail`.
 * @fires {ActionCompleteEvent} il-action-complete - The adapter accepted the decision. Detail: `ActionCompleteDetail`.
 * @fires {ActionErrorEvent} il-action-error - The decision failed. An aborted call fires nothing. Detail: `ActionErrorDetail`.
 *
 * @csspart toolbar - The row above the table: the "Show" menu and the count.
 * @csspart table - The table.
 * @csspart row - Each entity's row.
 * @csspart entity-button - The button with each entity's name.
 * @csspart more-button - The "Show more" button.
 *
 * @cssprop --il-evidence-list-background - Background. Defaults to `--il-color-surface`.
 * @cssprop --il-evidence-list-text-color - Text colour. Defaults to `--il-color-text`.
 * @cssprop --il-evidence-list-muted-color - Colour of counts and hints. Defaults to `--il-color-text-muted`.
 * @cssprop --il-evidence-list-border-color - Colour of table borders. Defaults to `--il-color-border`.
 * @cssprop --il-evidence-list-header-background - Background of the table header and buttons. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-evidence-list-selected-background - Background of the selected entity's row. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-evidence-list-danger-color - Colour of Reject and of failures. Defaults to `--il-color-malicious`.
 */
export class EvidenceList extends LitElement {
  static override styles = [themeTokens, evidenceListStyles, entityListStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    search: { type: String },
    show: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    theme: { reflect: true },
    sort: { state: true },
    shownCount: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare search: string;
  declare show: EvidenceShow;
  declare pageSize: number;
  declare theme: ThemeName | undefined;

  declare private sort: EntitySort;
  /** Rows shown. Grows by `pageSize` with "Show more". */
  declare private shownCount: number;

  private readonly sessions: SessionController;
  private readonly decisions: PendingDecisions;
  private readonly format = new LocaleController(this);

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.search = '';
    this.show = 'all';
    this.pageSize = DEFAULT_EVIDENCE_PAGE_SIZE;
    this.theme = undefined;
    this.sort = DEFAULT_SORT;
    this.shownCount = DEFAULT_EVIDENCE_PAGE_SIZE;
    this.sessions = new SessionController(this);
    this.decisions = new PendingDecisions(this);
  }

  /** @internal The session in effect, whichever source it came from. */
  get resolvedSession(): IncidentSession | undefined {
    return this.sessions.session;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!SHOW_OPTIONS.includes(this.show)) this.show = 'all';
    if (changed.has('pageSize') || changed.has('show') || changed.has('search')) this.shownCount = this.validPageSize();

    // Resolve first, so the decisions follow the same session as the render below.
    this.sessions.resolve();
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    const withPending = snapshot ? snapshot.entities.filter((entity) => pendingByEntity(snapshot).has(entity.id)) : [];
    this.decisions.sync(session, this.adapter ?? session?.adapter, withPending);
  }

  protected override updated(): void {
    for (const request of this.decisions.takeFocusRequests()) focusPendingName(this.renderRoot, request.id);
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    if (!session || !snapshot) return html`<p class="hint" role="status">${this.loadMessage(session)}</p>`;

    const pending = pendingByEntity(snapshot);
    const visible = visibleEntities(session, this.search);
    const passes = (show: EvidenceShow, entity: Entity): boolean => {
      const actions = pending.get(entity.id);
      const decidedHere = (actions ?? []).some((action) => this.decisions.state(entity.id, action.id).phase !== 'idle');
      return showsEntity(show, entity, actions, decidedHere);
    };
    const counts = new Map(SHOW_OPTIONS.map((show) => [show, visible.filter((entity) => passes(show, entity)).length]));
    const shown = sortEntities(
      visible.filter((entity) => passes(this.show, entity)),
      this.sort,
    );
    const rows = shown.slice(0, this.shownCount);
    const canDecide = typeof (this.adapter ?? session.adapter)?.decidePendingAction === 'function';
    const selected = new Set(session.selection.entityIds);
    const caption = this.format.msg('evidence.caption', { shown: shown.length, total: snapshot.entities.length });

    return html`<section class="evidence" aria-label=${msg('evidence.label')}>
      <div part="toolbar" class="toolbar">
        <label>
          ${msg('evidence.show')}
          <select @change=${this.handleShowChange}>
            ${SHOW_OPTIONS.map(
              (show) => html`<option value=${show} ?selected=${show === this.show}>
                ${this.format.msg(`evidence.show.${show}`, { count: counts.get(show) ?? 0 })}
              </option>`,
            )}
          </select>
        </label>
        <p class="count" role="status">${caption}</p>
      </div>
      ${shown.length === 0
        ? html`<p class="hint">${msg('evidence.empty')}</p>`
        : html`<div class="table-wrap">
            <table part="table">
              <caption class="visually-hidden">${caption}</caption>
              <thead>
                <tr>
                  ${COLUMNS.map((key) => this.renderHeader(key))}
                  <th scope="col">${msg('evidence.column.pending')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((entity, index) => this.renderRow(entity, index, pending.get(entity.id) ?? [], canDecide, selected))}
              </tbody>
            </table>
          </div>`}
      ${shown.length > rows.length
        ? html`<button part="more-button" type="button" class="text-button more" @click=${this.showMore}>
            ${this.format.msg('evidence.showMore', { count: Math.min(this.validPageSize(), shown.length - rows.length) })}
          </button>`
        : nothing}
    </section>`;
  }

  private renderHeader(key: EntitySortKey): TemplateResult {
    const sorted = this.sort.key === key;
    const direction = this.sort.descending ? 'descending' : 'ascending';
    const label = msg(`evidence.column.${key}`);
    return html`<th scope="col" aria-sort=${sorted ? direction : 'none'}>
      <button type="button" class="sort-button" data-sort=${key} data-sorted=${sorted ? direction : nothing} @click=${() => this.sortBy(key)}>
        ${label}
      </button>
    </th>`;
  }

  private renderRow(
    entity: Entity,
    index: number,
    pendingActions: readonly PendingAction[],
    canDecide: boolean,
    selected: ReadonlySet<string>,
  ): TemplateResult {
    const isSelected = selected.has(entity.id);
    return html`<tr part="row" data-entity-id=${entity.id} ?data-selected=${isSelected}>
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
      <td>${kindLabel(entity.kind)}</td>
      <td colspan="2">
        <il-verdict-badge .verdict=${entity.verdict} .remediationStatus=${entity.remediationStatus}></il-verdict-badge>
      </td>
      <td>${renderTime(this.format, entity.firstSeen) ?? nothing}</td>
      <td>${renderPendingActions(this.decisions, entity.id, pendingActions, canDecide, `row-${index}`)}</td>
    </tr>`;
  }

  private loadMessage(session: IncidentSession | undefined): string {
    if (session?.loadState === 'loading') return msg('evidence.loading');
    if (session?.loadState === 'error') return msg('evidence.loadFailed');
    return msg('evidence.noIncident');
  }

  private validPageSize(): number {
    const size = Math.floor(this.pageSize);
    return Number.isFinite(size) && size >= 1 ? size : DEFAULT_EVIDENCE_PAGE_SIZE;
  }

  private sortBy(key: EntitySortKey): void {
    this.sort = nextEntitySort(this.sort, key);
  }

  private readonly showMore = (): void => {
    this.shownCount += this.validPageSize();
  };

  private readonly handleShowChange = (event: Event): void => {
    this.show = (event.target as HTMLSelectElement).value as EvidenceShow;
  };

  private selectEntity(entityId: string): void {
    const session = this.sessions.session;
    if (!session) return;
    session.select({ entityIds: [entityId], alertIds: [] });
    this.dispatchEvent(new SelectionChangeEvent(session.selection));
  }
}

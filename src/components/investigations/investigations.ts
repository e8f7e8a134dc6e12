import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AutomatedInvestigation, IncidentDataAdapter } from '../../adapter/adapter.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { Entity, IncidentSnapshot, PendingAction } from '../../model/types.js';
import type { IncidentFilters } from '../../session/filters.js';
import type { IncidentSession } from '../../session/session.js';
import { FLYOUT_STRINGS } from '../entity-flyout/flyout-strings.js';
import { entityListStyles } from '../evidence-list/list-styles.js';
import { PendingDecisions } from '../evidence-list/pending-decisions.js';
import { focusPendingName, isUndecided, renderPendingActions } from '../evidence-list/render-pending.js';
import { LocaleController, renderTime } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { buildInvestigationGraph } from './investigation-graph.js';
import { INVESTIGATION_STRINGS } from './investigation-strings.js';
import { investigationsStyles } from './investigations.styles.js';

// Calls, not side-effect imports, so that bundlers honouring `sideEffects` keep them. The
// decisions use the flyout's messages, which are registered with the flyout's strings.
registerStrings(INVESTIGATION_STRINGS);
registerStrings(FLYOUT_STRINGS);

/**
 * Filters of the investigation graph. An empty object wins over the session's noise controls,
 * so the graph always shows the whole investigation.
 */
const NO_FILTERS: IncidentFilters = Object.freeze({});

type ListState =
  | { status: 'initial' }
  | { status: 'pending' }
  | { status: 'complete'; investigations: AutomatedInvestigation[] }
  | { status: 'error'; error: unknown };

/** Returns the label of an investigation state: `investigations.state.<state>`, else the state as it came. */
function stateLabel(state: string): string {
  const key = `investigations.state.${state}`;
  const label = msg(key);
  return label === key ? state : label;
}

function nameOf(investigation: AutomatedInvestigation): string {
  return investigation.name?.trim() || msg('investigations.unnamed', { id: investigation.id });
}

/**
 * Returns the investigation's pending actions: those it carries and those the snapshot links
 * to it by id or by `investigationId`. The snapshot's copy wins, because the session updates
 * it after a decision.
 */
function pendingActionsOf(investigation: AutomatedInvestigation, snapshot: IncidentSnapshot): PendingAction[] {
  const byId = new Map<string, PendingAction>();
  for (const action of investigation.pendingActions ?? []) byId.set(action.id, action);
  const ids = new Set([...investigation.pendingActionIds, ...byId.keys()]);
  for (const action of snapshot.pendingActions ?? []) {
    if (ids.has(action.id) || action.investigationId === investigation.id) byId.set(action.id, action);
  }
  return [...byId.values()];
}

/**
 * The incident's automated investigations, each with its state, start and end, and the pending
 * actions it waits on, with Approve and Reject in place as in `il-entity-flyout`. The history
 * of actions it took follows, then its graph of alerts and the entities they touch, drawn by
 * `il-incident-graph`.
 *
 * The investigations come from the adapter's `listInvestigations` (the `adapter` property,
 * else the session's), called once per incident with an `AbortSignal`. Without that method
 * they are the snapshot's `investigations`, which carry no name and no history. Decisions go
 * to the adapter's `decidePendingAction` with the flyout's events and guarantees: a request
 * event a host can veto or respond to, one idempotency key per intent, and statuses that change
 * only from the adapter's result.
 *
 * The investigation graph is a graph of its own. Selecting a node there selects it in the
 * session (when the graph finds one through context), but neither the time cursor nor the
 * session's noise-control filters apply to it, so it always shows the whole investigation.
 *
 * Keyboard: every control is a native button in reading order, reached with Tab and pressed
 * with Enter or Space. The investigation graph is keyboard operable as `il-incident-graph`
 * documents. After a decision, focus moves to the pending action's name.
 *
 * @tagname il-investigations
 * @summary Automated investigations with their state, pending actions, history and graph.
 *
 * @property {IncidentSession | undefined} session - The session to show. Wins over `adapter` and context.
 * @property {IncidentDataAdapter | undefined} adapter - Loads an own session together with `incidentId`, lists investigations and receives decisions.
 * @property {string | undefined} incidentId - Incident the own session loads. Attribute `incident-id`.
 * @property {string | undefined} investigationId - The investigation shown in detail. The first when unset or unknown. Attribute `investigation-id`.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the element and its investigation graph, which gets this value as its own `theme`. Absent or any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
 *
 * @fires {ActionRequestEvent} il-action-request - The user approved or rejected a pending action. Cancelable, with `respondWith(answer)`. Detail: `ActionRequestDetail`.
 * @fires {ActionCompleteEvent} il-action-complete - The adapter accepted the decision. Detail: `ActionCompleteDetail`.
 * @fires {ActionErrorEvent} il-action-error - The decision failed. An aborted call fires nothing. Detail: `ActionErrorDetail`.
 * @fires {SelectionChangeEvent} il-selection-change - From the investigation graph: the user selected nodes. Detail: `SelectionChangeDetail`.
 *
 * @csspart list - The list of investigations.
 * @csspart investigation-button - Each investigation's button in the list.
 * @csspart details - The investigation shown in detail.
 * @csspart pending-actions - Its pending actions.
 * @csspart history - Its list of actions taken.
 * @csspart graph - Its `il-incident-graph`.
 *
 * @cssprop --il-investigations-background - Background. Defaults to `--il-color-surface`.
 * @cssprop --il-investigations-text-color - Text colour. Defaults to `--il-color-text`.
 * @cssprop --il-investigations-muted-color - Colour of times, counts and hints. Defaults to `--il-color-text-muted`.
 * @cssprop --il-investigations-border-color - Colour of borders. Defaults to `--il-color-border`.
 * @cssprop --il-investigations-raised-background - Background of the chosen investigation and of buttons. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-investigations-danger-color - Colour of Reject and of failures. Defaults to `--il-color-malicious`.
 * @cssprop --il-investigations-graph-height - Height of the investigation graph. Defaults to 320px.
 */
export class Investigations extends LitElement {
  static override styles = [themeTokens, investigationsStyles, entityListStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    investigationId: { type: String, attribute: 'investigation-id' },
    theme: { reflect: true },
    list: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare investigationId: string | undefined;
  declare theme: ThemeName | undefined;

  declare private list: ListState;

  private readonly sessions: SessionController;
  private readonly decisions: PendingDecisions;
  private readonly format = new LocaleController(this);
  private listRequest: AbortController | undefined;
  private listKey: unknown[] | undefined;
  /** Investigation graphs by investigation id, for `graphSource`. */
  private graphs = new Map<string, IncidentGraph>();
  private graphSource: IncidentGraph | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.investigationId = undefined;
    this.theme = undefined;
    this.list = { status: 'initial' };
    this.sessions = new SessionController(this, { keys: ['snapshot', 'loadState', 'entities', 'pendingActions'] });
    this.decisions = new PendingDecisions(this);
  }

  /** @internal The session in effect, whichever source it came from. */
  get resolvedSession(): IncidentSession | undefined {
    return this.sessions.session;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listRequest?.abort(new DOMException('The element left the page.', 'AbortError'));
    this.listRequest = undefined;
    this.listKey = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.sessions.resolve();
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    const adapter = this.adapter ?? session?.adapter;
    this.loadIfNeeded(adapter, snapshot);

    if (session?.graph !== this.graphSource) {
      this.graphSource = session?.graph;
      this.graphs = new Map();
    }

    const entityIds = new Set<string>();
    if (snapshot) {
      for (const investigation of this.investigations(snapshot)) {
        for (const action of pendingActionsOf(investigation, snapshot)) entityIds.add(action.entityId);
      }
    }
    const entities = snapshot?.entities.filter((entity) => entityIds.has(entity.id)) ?? [];
    this.decisions.sync(session, adapter, entities);
  }

  protected override updated(): void {
    for (const request of this.decisions.takeFocusRequests()) focusPendingName(this.renderRoot, request.id);
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    if (!session || !snapshot) return html`<p class="hint" role="status">${this.loadMessage(session)}</p>`;

    if (this.list.status === 'pending') return html`<p class="hint" role="status">${msg('investigations.loading')}</p>`;
    if (this.list.status === 'error') {
      return html`<p class="hint" role="status">${msg('investigations.loadFailed', { reason: errorText(this.list.error) })}</p>
        <button type="button" class="text-button" @click=${this.retry}>${msg('investigations.retry')}</button>`;
    }

    const investigations = this.investigations(snapshot);
    if (investigations.length === 0) return html`<p class="hint">${msg('investigations.none')}</p>`;

    const chosen = investigations.find((item) => item.id === this.investigationId) ?? investigations[0]!;
    return html`<section class="investigations" aria-label=${msg('investigations.label')}>
      <ul part="list" class="investigation-list" aria-label=${msg('investigations.list')}>
        ${investigations.map((investigation) => this.renderListItem(investigation, snapshot, investigation === chosen))}
      </ul>
      ${this.renderDetails(chosen, session, snapshot)}
    </section>`;
  }

  private renderListItem(investigation: AutomatedInvestigation, snapshot: IncidentSnapshot, chosen: boolean): TemplateResult {
    const pending = pendingActionsOf(investigation, snapshot).filter(isUndecided).length;
    return html`<li>
      <button
        part="investigation-button"
        type="button"
        class="investigation-button"
        data-investigation-id=${investigation.id}
        aria-current=${chosen ? 'true' : nothing}
        @click=${() => this.choose(investigation.id)}
      >
        <span class="investigation-name">${nameOf(investigation)}</span>
        <span class="state" data-state=${investigation.state}>${stateLabel(investigation.state)}</span>
        ${pending > 0 ? html`<span class="pending-count">${this.format.msg('investigations.pending', { count: pending })}</span>` : nothing}
      </button>
    </li>`;
  }

  private renderDetails(investigation: AutomatedInvestigation, session: IncidentSession, snapshot: IncidentSnapshot): TemplateResult {
    const started = this.format.time(investigation.startTime);
    const ended = this.format.time(investigation.endTime);
    const pending = pendingActionsOf(investigation, snapshot);
    const history = investigation.actionsTaken ?? [];
    const entities = new Map(snapshot.entities.map((entity) => [entity.id, entity]));
    const canDecide = typeof (this.adapter ?? session.adapter)?.decidePendingAction === 'function';
    const graph = this.graphFor(investigation, session, snapshot);

    return html`<article part="details" class="details" aria-labelledby="details-title" data-investigation-id=${investigation.id}>
      <h3 id="details-title">${nameOf(investigation)}</h3>
      <p class="meta">
        <span>${msg('investigations.state', { state: stateLabel(investigation.state) })}</span>
        ${started ? html`<span>${msg('investigations.started', { time: started })}</span>` : nothing}
        ${ended ? html`<span>${msg('investigations.ended', { time: ended })}</span>` : nothing}
        <span>${this.format.msg('investigations.scope', { alerts: investigation.alertIds.length, entities: investigation.entityIds.length })}</span>
      </p>

      <section part="pending-actions" aria-labelledby="pending-title">
        <h4 id="pending-title">${this.format.msg('investigations.pending', { count: pending.length })}</h4>
        ${pending.length === 0
          ? html`<p class="hint">${msg('investigations.noPending')}</p>`
          : groupByEntity(pending).map(([entityId, actions], index) => {
              const entity = entities.get(entityId);
              return html`<div class="pending-entity">
                <span class="pending-target">${msg('investigations.on', { entity: entity?.displayName ?? entityId })}</span>
                ${renderPendingActions(this.decisions, entityId, actions, canDecide && entity !== undefined, `pending-${index}`)}
              </div>`;
            })}
      </section>

      <section aria-labelledby="history-title">
        <h4 id="history-title">${this.format.msg('investigations.history', { count: history.length })}</h4>
        ${history.length === 0
          ? html`<p class="hint">${msg('investigations.noHistory')}</p>`
          : html`<ol part="history" class="history">
              ${history.map((entry) => this.renderHistoryEntry(entry, entities))}
            </ol>`}
      </section>

      <section aria-labelledby="graph-title">
        <h4 id="graph-title">${msg('investigations.graph')}</h4>
        ${graph
          ? html`<il-incident-graph part="graph" class="graph" group-threshold="0" theme=${ifDefined(this.theme)} .graph=${graph} .filters=${NO_FILTERS}></il-incident-graph>`
          : nothing}
      </section>
    </article>`;
  }

  private renderHistoryEntry(entry: NonNullable<AutomatedInvestigation['actionsTaken']>[number], entities: ReadonlyMap<string, Entity>): TemplateResult {
    const entity = entry.entityId === undefined ? undefined : (entities.get(entry.entityId)?.displayName ?? entry.entityId);
    return html`<li class="history-entry">
      ${renderTime(this.format, entry.time) ?? nothing}
      <span class="history-action">${entry.action}</span>
      ${entity ? html`<span>${msg('investigations.on', { entity })}</span>` : nothing}
      ${entry.actor ? html`<span class="muted">${msg('investigations.by', { actor: entry.actor })}</span>` : nothing}
      ${entry.status ? html`<span class="state" data-state=${entry.status}>${entry.status}</span>` : nothing}
    </li>`;
  }

  /** Returns the adapter's investigations once loaded, else the snapshot's. */
  private investigations(snapshot: IncidentSnapshot): AutomatedInvestigation[] {
    if (this.list.status === 'complete') return this.list.investigations;
    return snapshot.investigations ?? [];
  }

  private graphFor(investigation: AutomatedInvestigation, session: IncidentSession, snapshot: IncidentSnapshot): IncidentGraph | undefined {
    if (!session.graph) return undefined;
    let graph = this.graphs.get(investigation.id);
    if (!graph) {
      graph = buildInvestigationGraph(session.graph, snapshot, investigation, nameOf(investigation));
      this.graphs.set(investigation.id, graph);
    }
    return graph;
  }

  /** Starts `listInvestigations` when the adapter or the incident changed, aborting the previous call. */
  private loadIfNeeded(adapter: IncidentDataAdapter | undefined, snapshot: IncidentSnapshot | undefined): void {
    const incidentId = snapshot?.incident.id;
    const key = [adapter, incidentId];
    if (this.listKey && this.listKey[0] === key[0] && this.listKey[1] === key[1]) return;
    this.listKey = key;
    this.graphs = new Map();

    this.listRequest?.abort(new DOMException('The incident or the adapter changed.', 'AbortError'));
    this.listRequest = undefined;
    this.list = { status: 'initial' };
    if (!adapter?.listInvestigations || incidentId === undefined || !this.isConnected) return;
    void this.load(adapter, incidentId);
  }

  private async load(adapter: IncidentDataAdapter, incidentId: string): Promise<void> {
    const request = new AbortController();
    this.listRequest = request;
    this.list = { status: 'pending' };

    let next: ListState;
    try {
      const investigations = await adapter.listInvestigations!(incidentId, { signal: request.signal });
      next = { status: 'complete', investigations: Array.isArray(investigations) ? investigations : [] };
    } catch (error) {
      next = { status: 'error', error };
    }

    // A late result, for an incident no longer shown or a request replaced since, is dropped.
    if (request !== this.listRequest || request.signal.aborted) return;
    this.listRequest = undefined;
    this.graphs = new Map();
    this.list = next;
  }

  private readonly retry = (): void => {
    this.listKey = undefined;
    this.requestUpdate();
  };

  private choose(investigationId: string): void {
    this.investigationId = investigationId;
  }

  private loadMessage(session: IncidentSession | undefined): string {
    if (session?.loadState === 'loading') return msg('investigations.incidentLoading');
    if (session?.loadState === 'error') return msg('investigations.incidentFailed');
    return msg('investigations.noIncident');
  }
}

function groupByEntity(actions: readonly PendingAction[]): Array<[string, PendingAction[]]> {
  const groups = new Map<string, PendingAction[]>();
  for (const action of actions) {
    const list = groups.get(action.entityId) ?? [];
    list.push(action);
    groups.set(action.entityId, list);
  }
  return [...groups];
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

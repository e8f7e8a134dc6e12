import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { Alert, DataIssue, Entity } from '../../model/types.js';
import { sessionContext } from '../../session/context.js';
import type { EntityUpdate, IncidentSession, LoadState, SessionKey } from '../../session/session.js';
import { DataIssueEvent, LoadStateChangeEvent, SelectionChangeEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings, severityLabel } from '../shared/strings.js';
import type { ThemeName } from '../shared/theme.js';
import { renderAlertDetails } from './alert-details.js';
import { renderDataIssues } from './data-issues.js';
import { TabChangeEvent } from './events.js';
import { displayValue } from './format.js';
import { incidentViewStyles } from './incident-view.styles.js';
import { NoiseControls, type GroupingTarget } from './noise-controls.js';
import { renderSelectionSummary, selectedCount, selectedRecords } from './selection-summary.js';
import type { GroupInfo } from '../incident-graph/grouping.js';
import { NarrowController } from './narrow-controller.js';
import { SheetController, type SheetGraph } from './sheet-controller.js';
import { OPTIONAL_TAB_ELEMENTS, renderTabPanel } from './tab-panels.js';
import { isIncidentViewTab, panelId, renderTabList, tabId, type IncidentViewTab } from './tabs.js';
import {
  downloadBlob,
  exportFileName,
  graphBlob,
  snapshotBlob,
  type GraphExporter,
  type GraphImageFormat,
} from './view-export.js';
import {
  applyViewState,
  captureViewState,
  viewStateFromFragment,
  viewStateToFragment,
  type IncidentViewState,
} from './view-state.js';

registerStrings({
  'view.idle': 'No incident loaded.',
  'view.loading': 'Loading incident…',
  'view.error': 'The incident could not be loaded: {message}',
  'view.retry': 'Retry',
  'view.attackStory': 'Attack story',
  'view.details': 'Details',
  'view.hint': 'Select a node in the graph or an alert on the timeline to see its details.',
  'view.assignedTo': 'Assigned to {name}',
  'view.unassigned': 'Unassigned',
  'view.created': 'Created {time}',
  'view.export': 'Export',
  'view.export.snapshot': 'Snapshot (JSON)',
  'view.export.png': 'Graph (PNG)',
  'view.export.svg': 'Graph (SVG)',
});

/** The promises, export methods, grouping and camera API that `il-incident-graph` exposes. */
interface GraphElement extends GraphExporter, GroupingTarget, SheetGraph {
  readonly groups: readonly GroupInfo[];
  rendered?: Promise<void>;
  updateComplete?: Promise<boolean>;
}

/**
 * The whole investigation page in one element: the incident header with its tabs and export
 * buttons, and one panel per tab. The attack story tab shows the graph, the alert timeline under
 * it, and a side pane with the selected entity (`il-entity-flyout`) or alert: the alert's story,
 * its properties, the alerts that caused it and the entities it involves. When more than one
 * entity or alert is selected, the pane instead shows how many, by entities and alerts, and lists
 * them. Each item is a button that selects that one alone and so opens its details and
 * actions; the list itself offers no action. The summary tab shows
 * `il-incident-summary` and the alerts tab `il-alert-queue`. The assets, investigations, and
 * evidence and response tabs show `il-asset-list`, `il-investigations` and `il-evidence-list`
 * when those elements are registered on the page, and a short note otherwise. Above the attack
 * story, the assets and the evidence, the noise-control bar (`il-incident-filters`) sets the
 * session's filters, which the graph and those lists follow, and its search text and grouping
 * switches reach the graph and the lists. Its "Expand all groups" and "Collapse all groups"
 * buttons follow the graph's groups: both are disabled while the graph has no group or grouping
 * is off, "Expand all groups" while every group is expanded and "Collapse all groups" while
 * every group is collapsed. A disabled button stays focusable and its `title` gives the reason.
 *
 * Give it an `adapter` and an `incident-id`, or a `session`. Its children share the session
 * through context, so they agree on selection, time and filters. A selection made in any tab
 * shows in the graph. The attack story stays laid out while another tab is open, so the graph
 * keeps its camera and can be exported from every tab. The alert pane lists each involved
 * entity with the verdict and remediation status the alert gave it, or with the entity's own
 * value once that changed after load, for example through an action in the flyout.
 *
 * When the view itself is narrower than 900 px (a container query, so the page's width does not
 * matter), it stacks the header, the graph, the timeline and the details pane. The header rows
 * wrap at full height and the graph keeps a minimum height. A view of a fixed height then
 * scrolls inside its box when the stack is taller. With `--il-incident-view-height: auto` the
 * view is as tall as the stack, so the page scrolls once and nothing scrolls inside the view. A
 * selection opens the details pane as a full-width sheet over the bottom of the view, or over
 * the bottom of the viewport for a view of auto height. The sheet stays in place while the view
 * or the page scrolls, and its close button clears the selection. Where the sheet would cover
 * more than half of the graph's part in view, the view scrolls the graph up to its top first,
 * or for a view of auto height the page does. When the sheet opens over the one selected node, the graph pans,
 * without zooming, so that the node shows above the sheet.
 * For a member of a collapsed group, it pans to the group's node. While the sheet is open, the
 * graph's fits (F, and the automatic fit) use the part of the graph above it.
 * Since a narrow view scrolls, its graph leaves the wheel and a lone finger to the scrolling,
 * and moves with Ctrl or Cmd and the wheel, a trackpad pinch or two fingers (the graph's
 * `gesture-handling="cooperative"`).
 *
 * `viewState` reads and restores the tab, the selection, the time cursor, the time range and
 * the session's filters as a plain object, and `toFragment()` and `fromFragment()` do the same
 * with a URL fragment. A state set before the incident is loaded applies once it is.
 *
 * Keyboard: the tabs are one tab stop. Left and Right arrows move between them (wrapping at the
 * ends), Home and End go to the first and last, and Enter or Space opens the focused tab. In the
 * attack story, Tab moves through the graph (arrow keys move between nodes, Enter selects), the
 * timeline controls and markers, then the details pane, which is a tab stop itself so that it
 * scrolls by keyboard. In the list of a multi-selection, each item is a button (Tab, then Enter
 * or Space opens it). Escape in the graph clears the selection, and Enter on a group node
 * expands the group. The noise-control bar's buttons come before the graph in that order.
 *
 * @tagname il-incident-view
 * @summary The incident investigation page: attack story, summary, alerts, assets, investigations, evidence.
 *
 * @fires {TabChangeEvent} il-tab-change - The user opened another tab. Detail: `TabChangeDetail`, `{ tab }`.
 * @fires {LoadStateChangeEvent} il-load-state-change - The incident started loading, is ready or failed. Detail: `LoadStateChangeDetail`, `{ loadState, error? }`.
 * @fires {DataIssueEvent} il-data-issue - The loaded incident has data issues. Fired once its graph is drawn. Detail: `DataIssueDetail`, `{ issues }`.
 * @fires {SelectionChangeEvent} il-selection-change - The user changed the selection in any part of the view. Detail: `SelectionChangeDetail`, `{ entityIds, alertIds }`.
 * @fires {TimeChangeEvent} il-time-change - The user moved the time cursor on the timeline (fired by the inner `il-alert-timeline`). Detail: `TimeChangeDetail`, `{ time }`.
 * @fires {PlayStateChangeEvent} il-play-state-change - The user started or paused playback (fired by the inner `il-alert-timeline`). Detail: `PlayStateChangeDetail`, `{ playing, speed }`.
 * @fires {LayoutEndEvent} il-layout-end - The graph finished its layout (fired by the inner `il-incident-graph`). Detail: `LayoutEndDetail`, `{ nodeCount, ticks }`.
 * @fires {FlyoutCloseEvent} il-flyout-close - The user pressed the close button of the entity pane (fired by the inner `il-entity-flyout`). The view then clears the selection and fires `il-selection-change`. Detail: `FlyoutCloseDetail`, `{ entityId }`.
 *
 * @csspart header - The incident header with title, severity, status, tags, export buttons and tabs.
 * @csspart export - The group of export buttons.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 * @csspart issues - The dismissible notice listing data issues.
 * @csspart filters - The `il-incident-filters` noise-control bar, shown on the attack story, assets, and evidence and response tabs.
 * @csspart graph - The `il-incident-graph` element.
 * @csspart timeline - The `il-alert-timeline` element.
 * @csspart pane - The side pane with entity or alert details. In a narrow view it is a sheet over the bottom while something is selected.
 * @csspart flyout - The `il-entity-flyout` element.
 * @csspart alert-details - The alert details in the side pane.
 * @csspart alert-story - The alert's story in the alert details.
 * @csspart selection - The count and list of selected entities and alerts in the side pane, when more than one is selected.
 * @csspart summary - The `il-incident-summary` element.
 * @csspart alert-queue - The `il-alert-queue` element.
 * @csspart assets - The `il-asset-list` element.
 * @csspart investigations - The `il-investigations` element.
 * @csspart evidence - The `il-evidence-list` element.
 * @csspart status - The loading, error and empty messages.
 *
 * @cssprop [--il-incident-view-height=100%] - Height of the view. A wide view needs a definite height to lay out the graph. `auto` lets a narrow view grow to its content, so that the page scrolls instead of the view.
 * @cssprop [--il-incident-view-pane-width=360px] - Width of the side pane.
 * @cssprop [--il-incident-view-timeline-height=auto] - Height of the timeline row; by default it fits the timeline.
 * @cssprop [--il-incident-view-graph-min-height=280px] - Minimum height of the graph when the view is narrower than 900 px.
 * @cssprop [--il-incident-view-sheet-height=55%] - Height of the details sheet when the view is narrower than 900 px, as a share of the view's height, or of the viewport's height when `--il-incident-view-height` is `auto`.
 */
export class IncidentView extends LitElement {
  static override styles = incidentViewStyles;

  static override properties = {
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id', reflect: true },
    session: { attribute: false },
    tab: { type: String, reflect: true },
    theme: { reflect: true },
    issuesDismissed: { state: true },
  };

  /** The data adapter the view loads its incident from. */
  declare adapter: IncidentDataAdapter | undefined;

  /** Id of the incident to load through `adapter`. */
  declare incidentId: string | undefined;

  /** A session to show instead of loading one; wins over `adapter`. */
  declare session: IncidentSession | undefined;

  /**
   * The open tab: `story` (the default), `summary`, `alerts`, `assets`, `investigations` or
   * `evidence`. Any other value opens `story`.
   */
  declare tab: IncidentViewTab;

  /**
   * Forces the `light` or the `dark` theme on the view and every element it renders, which
   * also get this value as their own `theme`. Absent or any other value follows
   * `prefers-color-scheme`. Attribute `theme`, reflected.
   */
  declare theme: ThemeName | undefined;

  declare private issuesDismissed: boolean;

  private readonly sessions: SessionController;
  private readonly provider = new ContextProvider(this, { context: sessionContext });
  private readonly noise = new NoiseControls(this, () => this.graphElement());
  private readonly format = new LocaleController(this);
  private readonly layout = new NarrowController(this);
  private readonly sheet = new SheetController(this, {
    session: () => this.sessions.session,
    graph: () => (this.tab === 'story' ? this.graphElement() : null),
  });

  /** Verdict and remediation status of each entity when the snapshot was set, by entity id. */
  private loadedStatuses = new Map<string, EntityUpdate>();
  private lastLoadState: LoadState = 'idle';
  private loadedPromise!: Promise<void>;
  private loadedSettled = false;
  private resolveLoaded!: () => void;
  private rejectLoaded!: (error: unknown) => void;

  /** A view state set before the incident was ready, applied once it is. */
  private pendingState: IncidentViewState | undefined;

  constructor() {
    super();
    this.adapter = undefined;
    this.incidentId = undefined;
    this.session = undefined;
    this.tab = 'story';
    this.theme = undefined;
    this.issuesDismissed = false;
    this.resetLoaded();
    this.sessions = new SessionController(this, {
      // `entities` and `pendingActions` change after an action, without a new snapshot.
      keys: ['loadState', 'snapshot', 'selection', 'issues', 'entities', 'pendingActions'] satisfies SessionKey[],
      onChange: (keys) => this.handleSessionChange(keys),
      onSessionChange: (session) => {
        this.provider.setValue(session);
        this.recordLoadedStatuses();
        this.handleLoadState();
      },
    });
  }

  /** Load state of the incident: `idle`, `loading`, `ready` or `error`. */
  get loadState(): LoadState {
    return this.sessions.session?.loadState ?? 'idle';
  }

  /**
   * Resolves once the incident is loaded and the graph has drawn its first frame; rejects when
   * loading fails. A new load (another `incident-id`) replaces the promise.
   */
  get loaded(): Promise<void> {
    return this.loadedPromise;
  }

  /** The whole graph model of the incident; undefined until loaded. Read-only. */
  get graph(): IncidentGraph | undefined {
    return this.sessions.session?.graph;
  }

  /**
   * The view as a plain object: tab, selected entity and alert ids, time cursor (absent at the
   * end of the incident), time range and the session's filters. Setting it fires no event.
   * Ids the incident does not have are dropped. Before the incident is ready, everything but
   * the tab waits and applies once it is.
   */
  get viewState(): IncidentViewState {
    const session = this.sessions.session;
    if (this.pendingState && session?.loadState !== 'ready') return { ...this.pendingState, tab: this.tab };
    return captureViewState(session, this.tab);
  }

  set viewState(state: IncidentViewState) {
    this.tab = isIncidentViewTab(state.tab) ? state.tab : 'story';
    const session = this.sessions.session;
    if (session?.loadState === 'ready') {
      this.pendingState = undefined;
      applyViewState(session, state);
    } else {
      this.pendingState = state;
    }
  }

  /** Returns the view state as a URL fragment, with its leading `#`. */
  toFragment(): string {
    return viewStateToFragment(this.viewState);
  }

  /** Restores the view from a URL fragment such as `location.hash`. See `viewState`. */
  fromFragment(fragment: string): void {
    this.viewState = viewStateFromFragment(fragment);
  }

  /** Returns the incident snapshot as it is now, with the changes actions made, as a JSON Blob. */
  exportSnapshot(): Blob {
    const snapshot = this.sessions.session?.snapshot;
    if (!snapshot) {
      throw new Error(`IncidentView.exportSnapshot: no incident is loaded (got loadState "${this.loadState}"). Await "loaded" first.`);
    }
    return snapshotBlob(snapshot);
  }

  /**
   * Returns the graph as drawn at the current time cursor and with the current filters. A PNG
   * comes from `il-incident-graph`'s `toPNG`, and an SVG document built from the model from its
   * `toSVG`. Rejects before the graph is rendered.
   */
  async exportGraph(format: GraphImageFormat): Promise<Blob> {
    const graph = this.graphElement();
    if (!graph || this.loadState !== 'ready') {
      throw new Error(`IncidentView.exportGraph: the graph is not rendered (got loadState "${this.loadState}"). Await "loaded" first.`);
    }
    return graphBlob(graph, format);
  }

  /** Loads the incident again from the adapter, for example after an error. */
  reload(): void {
    const session = this.sessions.session;
    if (session && this.adapter && this.incidentId) void session.load(this.adapter, this.incidentId);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An optional tab's element may be registered after the view renders its note.
    for (const tag of Object.values(OPTIONAL_TAB_ELEMENTS)) {
      if (!customElements.get(tag)) void customElements.whenDefined(tag).then(() => this.requestUpdate());
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('incidentId') || changed.has('adapter') || changed.has('session')) {
      this.issuesDismissed = false;
    }
    if (!isIncidentViewTab(this.tab)) this.tab = 'story';
    this.sheet.readHeightMode();
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const sheetOpen = this.tab === 'story' && session?.loadState === 'ready' && hasPaneContent(session);
    return html`
      <div class="width-probe"></div>
      <div class=${classMap({ frame: true, 'sheet-open': sheetOpen, grows: this.sheet.growsWithContent })}>${this.renderContent()}</div>
    `;
  }

  private renderContent(): TemplateResult {
    const session = this.sessions.session;
    const state = session?.loadState ?? 'idle';
    if (!session || state === 'idle') return this.renderStatus(msg('view.idle'));
    if (state === 'loading') return this.renderStatus(msg('view.loading'), true);
    if (state === 'error') return this.renderError(session.error);

    // Document order is the keyboard order: graph, timeline, then the details pane.
    const tab = this.tab;
    const storyOpen = tab === 'story';
    const theme = this.theme;
    return html`
      ${this.renderHeader(session)}
      ${this.issuesDismissed ? nothing : renderDataIssues(session.issues, () => (this.issuesDismissed = true), this.format)}
      ${this.noise.render(session, tab, theme)}
      <div class=${classMap({ panels: true, 'story-open': storyOpen })}>
        <div
          class=${classMap({ story: true, inactive: !storyOpen })}
          part="panel"
          role="tabpanel"
          id=${panelId('story')}
          aria-labelledby=${tabId('story')}
          ?inert=${!storyOpen}
        >
          <il-incident-graph
            part="graph"
            theme=${ifDefined(theme)}
            gesture-handling=${ifDefined(this.layout.narrow ? 'cooperative' : undefined)}
            .session=${session}
            .search=${this.noise.search}
            @il-layout-end=${this.noise.syncGroups}
            @il-group-toggle=${this.noise.syncGroups}
          ></il-incident-graph>
          <il-alert-timeline part="timeline" theme=${ifDefined(theme)} .session=${session}></il-alert-timeline>
          <section class=${classMap({ pane: true, open: hasPaneContent(session) })} part="pane" tabindex="0" aria-label=${msg('view.details')}>${this.renderPane(session)}</section>
        </div>
        ${tab === 'story'
          ? nothing
          : html`<div class="panel" part="panel" role="tabpanel" tabindex="0" id=${panelId(tab)} aria-labelledby=${tabId(tab)}>
              ${renderTabPanel(tab, session, this.noise.search, theme)}
            </div>`}
      </div>
    `;
  }

  private renderStatus(text: string, busy = false): TemplateResult {
    return html`<p class="status" part="status" role="status" aria-busy=${busy ? 'true' : 'false'}>${text}</p>`;
  }

  private renderError(error: unknown): TemplateResult {
    const message = error instanceof Error ? error.message : String(error);
    return html`
      <div class="status error" part="status" role="alert">
        <p>${msg('view.error', { message })}</p>
        ${this.adapter && this.incidentId
          ? html`<button type="button" @click=${() => this.reload()}>${msg('view.retry')}</button>`
          : nothing}
      </div>
    `;
  }

  private renderHeader(session: IncidentSession): TemplateResult {
    const incident = session.snapshot!.incident;
    const created = this.format.time(incident.createdTime);
    return html`
      <header class="header" part="header">
        <div class="title-row">
          <h2 class="title">${incident.title}</h2>
          <div class="export" part="export" role="group" aria-label=${msg('view.export')}>
            <button type="button" class="text-button" data-export="snapshot" @click=${() => void this.download('snapshot')}>${msg('view.export.snapshot')}</button>
            <button type="button" class="text-button" data-export="png" @click=${() => void this.download('png')}>${msg('view.export.png')}</button>
            <button type="button" class="text-button" data-export="svg" @click=${() => void this.download('svg')}>${msg('view.export.svg')}</button>
          </div>
        </div>
        <div class="facts">
          <span class="severity-chip" data-severity=${incident.severity}>${severityLabel(incident.severity)}</span>
          <span class="fact">${displayValue(incident.status)}</span>
          <span class="fact">${incident.assignedTo ? msg('view.assignedTo', { name: incident.assignedTo }) : msg('view.unassigned')}</span>
          ${created ? html`<span class="fact">${msg('view.created', { time: created })}</span>` : nothing}
          ${incident.tags.map((tag) => html`<span class="tag">${tag}</span>`)}
        </div>
        ${renderTabList(this.tab, this.selectTabByUser)}
      </header>
    `;
  }

  private renderPane(session: IncidentSession): TemplateResult {
    const records = selectedRecords(session);
    if (selectedCount(records) > 1) {
      return renderSelectionSummary(records, {
        selectEntity: (id) => this.selectByUser({ entityIds: [id], alertIds: [] }),
        selectAlert: (id) => this.selectByUser({ entityIds: [], alertIds: [id] }),
        close: this.clearSelection,
      }, this.format);
    }
    if (session.selection.entityIds.length > 0) {
      return html`<il-entity-flyout part="flyout" theme=${ifDefined(this.theme)} .session=${session} @il-flyout-close=${this.clearSelection}></il-entity-flyout>`;
    }

    const snapshot = session.snapshot!;
    const alert = selectedAlert(session);
    if (!alert) return html`<p class="hint">${msg('view.hint')}</p>`;

    return renderAlertDetails(alert, entityIndex(snapshot.entities), alertIndex(snapshot.alerts), {
      selectEntity: (id) => this.selectByUser({ entityIds: [id], alertIds: [] }),
      selectAlert: (id) => this.selectByUser({ entityIds: [], alertIds: [id] }),
      changesSinceLoad: (entity) => changesSinceLoad(entity, this.loadedStatuses.get(entity.id)),
      close: this.clearSelection,
    }, this.format);
  }

  private readonly selectTabByUser = (tab: IncidentViewTab): void => {
    if (tab === this.tab) return;
    this.tab = tab;
    this.dispatchEvent(new TabChangeEvent({ tab }));
  };

  private async download(kind: 'snapshot' | GraphImageFormat): Promise<void> {
    const id = this.sessions.session?.snapshot?.incident.id ?? 'incident';
    try {
      if (kind === 'snapshot') {
        downloadBlob(this.exportSnapshot(), exportFileName(id, 'snapshot', 'json'));
      } else {
        downloadBlob(await this.exportGraph(kind), exportFileName(id, 'graph', kind));
      }
    } catch (error) {
      // A PNG larger than the canvas limit rejects. The button has no other way to report it.
      console.error(`incident-lens: <il-incident-view> could not export the ${kind} of incident "${id}".`, error, this);
    }
  }

  private graphElement(): GraphElement | null {
    return this.renderRoot.querySelector<GraphElement>('il-incident-graph');
  }

  private readonly clearSelection = (): void => {
    this.selectByUser({ entityIds: [], alertIds: [] });
  };

  private selectByUser(selection: { entityIds: string[]; alertIds: string[] }): void {
    const session = this.sessions.session;
    if (!session) return;
    session.select(selection);
    this.dispatchEvent(new SelectionChangeEvent(session.selection));
  }

  private handleSessionChange(keys: ReadonlySet<SessionKey>): void {
    if (keys.has('selection')) this.sheet.revealAfterUpdate();
    if (keys.has('snapshot')) this.recordLoadedStatuses();
    if (keys.has('loadState') || keys.has('snapshot')) this.handleLoadState();
    // A live update changes the graph in place, and new entities can form or join a group.
    if (keys.has('snapshot') || keys.has('entities')) void this.syncGroupsAfterUpdate();
  }

  /** Reads the graph's groups once the graph element has followed the session's new graph. */
  private async syncGroupsAfterUpdate(): Promise<void> {
    await this.updateComplete;
    await this.graphElement()?.updateComplete;
    this.noise.syncGroups();
  }

  /**
   * Keeps each entity's verdict and remediation status as the snapshot brought them, so the
   * alert pane can tell which ones an action changed since. For a session that was updated
   * before it was given to the view, the updated values count as loaded.
   */
  private recordLoadedStatuses(): void {
    const entities = this.sessions.session?.snapshot?.entities ?? [];
    this.loadedStatuses = new Map(
      entities.map((entity) => [entity.id, { verdict: entity.verdict, remediationStatus: entity.remediationStatus }]),
    );
  }

  private handleLoadState(): void {
    const session = this.sessions.session;
    const state = session?.loadState ?? 'idle';
    if (state === this.lastLoadState) return;

    // A host may hold `loaded` from before the load started, so only a settled promise is replaced.
    if (this.loadedSettled && state !== 'idle') this.resetLoaded();
    this.lastLoadState = state;
    this.dispatchEvent(new LoadStateChangeEvent({ loadState: state, error: session?.error }));

    if (state === 'ready' && session) {
      if (this.pendingState) {
        applyViewState(session, this.pendingState);
        this.pendingState = undefined;
      }
      void this.settleLoaded(session.issues);
    } else if (state === 'error') {
      this.loadedSettled = true;
      this.rejectLoaded(session?.error);
    }
  }

  private async settleLoaded(issues: readonly DataIssue[]): Promise<void> {
    await this.updateComplete;
    await this.graphElement()?.rendered;
    this.noise.syncGroups();
    if (issues.length > 0) this.dispatchEvent(new DataIssueEvent({ issues }));
    this.loadedSettled = true;
    this.resolveLoaded();
  }

  private resetLoaded(): void {
    this.loadedSettled = false;
    this.loadedPromise = new Promise<void>((resolve, reject) => {
      this.resolveLoaded = resolve;
      this.rejectLoaded = reject;
    });
    // A host that never awaits `loaded` must not see an unhandled rejection.
    this.loadedPromise.catch(() => undefined);
  }
}

/** Returns the fields of `entity` that differ from `loaded`, its values when the snapshot was set. */
function changesSinceLoad(entity: Entity, loaded: EntityUpdate | undefined): EntityUpdate {
  const changes: EntityUpdate = {};
  if (!loaded) return changes;
  if (entity.verdict !== loaded.verdict) changes.verdict = entity.verdict;
  if (entity.remediationStatus !== loaded.remediationStatus) changes.remediationStatus = entity.remediationStatus;
  return changes;
}

/** Returns the first selected alert, if the incident has it. */
function selectedAlert(session: IncidentSession): Alert | undefined {
  const id = session.selection.alertIds[0];
  return id === undefined ? undefined : session.snapshot?.alerts.find((alert) => alert.id === id);
}

/** True when the details pane shows an entity, an alert or a selection list rather than the hint. */
function hasPaneContent(session: IncidentSession): boolean {
  return session.selection.entityIds.length > 0 || selectedAlert(session) !== undefined;
}

function entityIndex(entities: readonly Entity[]): Map<string, Entity> {
  return new Map(entities.map((entity) => [entity.id, entity]));
}

function alertIndex(alerts: readonly Alert[]): Map<string, Alert> {
  return new Map(alerts.map((alert) => [alert.id, alert]));
}

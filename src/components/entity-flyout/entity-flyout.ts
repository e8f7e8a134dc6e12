import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Entity, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { kindLabel, msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { ActionController, type ActionScope, type FocusRequest } from './action-controller.js';
import { alertsOfEntity, relatedEntities } from './entity-links.js';
import { entityFlyoutStyles } from './entity-flyout.styles.js';
import { FlyoutCloseEvent, type FlyoutCloseReason } from './events.js';
import { flyoutActionStyles } from './flyout-actions.styles.js';
import { FLYOUT_STRINGS } from './flyout-strings.js';
import { safeHttpUrl } from './format.js';
import { kindIcon } from './kind-icons.js';
import type { CopyState } from './long-value.js';
import { ModalDrawerController } from './modal-drawer.js';
import { renderActions, renderPendingActions } from './render-actions.js';
import { renderAlerts, renderDetails, renderRelated, type SectionContext } from './render-sections.js';

// A call, not a side-effect import, so that bundlers honouring `sideEffects` keep it.
registerStrings(FLYOUT_STRINGS);

/** How long "Copied." stays next to a copy button, in milliseconds. */
const COPIED_NOTICE_MS = 3000;

/** Placement of the flyout: beside other content, or as a modal drawer over it. */
export type FlyoutMode = 'docked' | 'modal';

const entityIndexes = new WeakMap<IncidentSnapshot, Map<string, Entity>>();

function findEntity(snapshot: IncidentSnapshot, id: string): Entity | undefined {
  let index = entityIndexes.get(snapshot);
  if (!index) {
    index = new Map(snapshot.entities.map((entity) => [entity.id, entity]));
    entityIndexes.set(snapshot, index);
  }
  return index.get(id);
}

/**
 * Shows the `entityId` entity when set, else the first selected entity of the session. The
 * session comes from the `session` property, else from the element's own `adapter` and
 * `incidentId`, else from an ancestor through context.
 *
 * Under the header with the verdict and remediation status, the body shows the actions and the
 * pending actions first, so a decision waiting on the analyst is in sight without scrolling.
 * The details, the alerts, the related entities and the hunting queries follow.
 *
 * Details list the fields an analyst reads first for the entity's kind, then every other
 * non-empty property under "Other properties". Long values (paths, command lines, hashes)
 * truncate in the middle, expand on demand and have a copy button. Times show date, time to the
 * second and zone in the locale of the nearest `lang` attribute, in UTC unless `setTimeZone`
 * chose another zone (`14.03.2026, 09:12:05 UTC` under `lang="de-DE"`), and counts and sizes
 * use that locale's digits. Only an http(s) `webUrl` becomes a link. URLs found in the data
 * (a URL entity, a message's URLs) are shown as text, never as links, because they may be
 * malicious.
 *
 * The alert list is in time order (earliest first activity first, then severity, then id), the
 * order of the timeline and the graph. With a time range in the session, it leaves out alerts
 * first active outside the range, as the graph does, and keeps alerts without a time. Each row
 * shows the verdict and remediation status the alert gave the entity. A row whose alert records
 * a wait for approval shows the entity's own remediation status instead, once every pending
 * action of the entity is decided and that status has changed from `pendingApproval`.
 *
 * Choosing an alert keeps the entity selected and makes that alert the selected alert, so the
 * pane stays on the entity while the other views highlight the alert. Choosing the selected
 * alert again clears the alert selection. Choosing a related entity selects it alone, and the
 * pane then shows it (unless `entityId` pins the pane) with focus on its name.
 *
 * Actions: when the adapter (the `adapter` property, else the session's) has `listActions`,
 * an "Actions" section lists what it offers for the entity. A destructive action first requests
 * confirmation, naming the entity. A running action shows progress and ignores further clicks
 * until its result arrives, and the result's message is shown next to it. A failed action has
 * a Retry button, which runs it again without a new confirmation. Pending actions that
 * name the entity have Approve and Reject buttons when the adapter has `decidePendingAction`.
 * They act without a confirmation, because the pending action was requested already and each
 * button names it. The section's heading counts the actions still waiting, and reads "Decided
 * actions" once none waits.
 * The entity's remediation status and the pending action's status change only from the
 * adapter's result, through the session. Each request carries an idempotency key, one per
 * user intent. A retry after the call rejected reuses the key, because the action may have
 * run. A retry after the adapter returned `failed` is a new intent with a new key.
 * Showing another entity, or setting another adapter or session, aborts every call under way
 * and discards its result. An action always goes to the entity on screen.
 *
 * Modes: docked (the default) is an ordinary block beside the graph, shown while the host
 * keeps it on the page. With `mode="modal"` the flyout is a drawer at the inline end of the
 * window, shown while `open` is set. The rest of the page is then inert, and Tab and Shift+Tab
 * cycle through the drawer. On close, focus returns to the element that had it when `open` was
 * set. Escape, the close button and a click on the backdrop fire `il-flyout-close`, and the
 * drawer closes unless a listener calls `preventDefault()`.
 *
 * Keyboard: every control is a native button or link in reading order, reached with Tab and
 * pressed with Enter or Space. The pane is a region landmark named after the entity. Escape
 * first closes an open confirmation. Otherwise it closes a modal drawer. In docked mode it
 * does nothing more and reaches the page, where the host may use it.
 *
 * @tagname il-entity-flyout
 * @summary The entity pane: one entity's kind-specific details, verdict and remediation
 * status, the alerts that involve it and the entities related to it.
 *
 * @property {IncidentSession | undefined} session - The session to show; wins over `adapter` and context.
 * @property {IncidentDataAdapter | undefined} adapter - Loads an own session together with `incidentId`.
 * @property {string | undefined} incidentId - Incident the own session loads. Attribute `incident-id`.
 * @property {string | undefined} entityId - Entity to show instead of the selection. Attribute `entity-id`.
 * @property {FlyoutMode} mode - `docked` (default) or `modal`. Attribute `mode`, reflected.
 * @property {boolean} open - In modal mode, whether the drawer is shown. Docked, it has no effect. Attribute `open`, reflected.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the flyout and the elements it renders. Absent or any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user chose an alert or a related entity. Detail: `SelectionChangeDetail`, the new selection `{ entityIds, alertIds }`.
 * @fires {FlyoutCloseEvent} il-flyout-close - The user pressed the close button, or in modal mode Escape or the backdrop. Cancelable: docked, the host decides what closing means. Modal, the drawer closes unless cancelled. Detail: `FlyoutCloseDetail`, `{ entityId, reason }`.
 * @fires {ActionRequestEvent} il-action-request - The user confirmed an action or approved or rejected a pending action. Cancelable: `preventDefault()` vetoes it, `respondWith(answer)` handles it instead of the adapter. Detail: `ActionRequestDetail`.
 * @fires {ActionCompleteEvent} il-action-complete - The adapter accepted the action or decision. Detail: `ActionCompleteDetail`, with the adapter's `result`.
 * @fires {ActionErrorEvent} il-action-error - The adapter's result has status `failed` or the call rejected. An aborted call fires nothing. Detail: `ActionErrorDetail`, with `result` or `error` and the `message` shown.
 *
 * @csspart header - The header: kind, name, verdict badge, portal link and close button.
 * @csspart title - The entity's name (an `h2`).
 * @csspart close-button - The close button.
 * @csspart body - The scrolling area below the header.
 * @csspart section - Each section of the body.
 * @csspart details - The details section.
 * @csspart alerts - The alerts section.
 * @csspart related - The related entities section.
 * @csspart actions - The actions section.
 * @csspart pending-actions - The pending actions section.
 * @csspart action-button - The button of each offered action.
 * @csspart confirm-button - The button that confirms a destructive action.
 * @csspart dialog - In modal mode, the `dialog` element of the drawer.
 *
 * @cssprop --il-entity-flyout-background - Background. Defaults to `--il-color-surface`.
 * @cssprop --il-entity-flyout-text-color - Text colour. Defaults to `--il-color-text`.
 * @cssprop --il-entity-flyout-muted-color - Colour of labels and hints. Defaults to `--il-color-text-muted`.
 * @cssprop --il-entity-flyout-border-color - Colour of the line under the header. Defaults to `--il-color-border`.
 * @cssprop --il-entity-flyout-padding - Padding of header and body. Defaults to twice `--il-space`.
 * @cssprop --il-entity-flyout-code-font - Font of long values. Defaults to the system monospace font.
 * @cssprop --il-entity-flyout-code-background - Background of long values. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-entity-flyout-title-font-size - Font size of the entity's name. Defaults to 1.25em.
 * @cssprop --il-entity-flyout-hover-background - Background of hovered and pressed items. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-entity-flyout-danger-color - Colour of destructive actions and failures. Defaults to `--il-color-malicious`.
 * @cssprop --il-entity-flyout-drawer-width - Width of the modal drawer. Defaults to `min(28rem, 100vw)`.
 * @cssprop --il-entity-flyout-backdrop - Background of the page behind the modal drawer. Defaults to a translucent black.
 */
export class EntityFlyout extends LitElement {
  static override styles = [themeTokens, entityFlyoutStyles, flyoutActionStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    entityId: { type: String, attribute: 'entity-id' },
    mode: { type: String, reflect: true },
    open: { type: Boolean, reflect: true },
    theme: { reflect: true },
    expandedValues: { state: true },
    copyStates: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare entityId: string | undefined;
  declare mode: FlyoutMode;
  declare open: boolean;
  declare theme: ThemeName | undefined;

  /** Ids of the long values the user expanded, for the entity shown. */
  declare private expandedValues: ReadonlySet<string>;
  /** Outcome of the last copy of each long value, for the entity shown. */
  declare private copyStates: ReadonlyMap<string, CopyState>;

  private readonly sessions: SessionController;
  private readonly actions: ActionController;
  private readonly drawer: ModalDrawerController;
  private readonly format = new LocaleController(this);
  private readonly copyTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private shownEntityId: string | undefined;
  private focusTitleAfterUpdate: boolean;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.entityId = undefined;
    this.mode = 'docked';
    this.open = false;
    this.theme = undefined;
    this.expandedValues = new Set();
    this.copyStates = new Map();
    this.shownEntityId = undefined;
    this.focusTitleAfterUpdate = false;
    this.sessions = new SessionController(this, {
      keys: ['snapshot', 'selection', 'loadState', 'entities', 'pendingActions', 'range'],
    });
    this.actions = new ActionController(this);
    this.drawer = new ModalDrawerController(this, {
      shown: () => this.mode === 'modal' && this.open,
      onCloseRequest: (reason) => this.requestClose(reason),
      onClosed: () => {
        this.open = false;
      },
    });
    this.addEventListener('keydown', this.handleKeydown);
  }

  /** @internal The session in effect, whichever source it came from. */
  get resolvedSession(): IncidentSession | undefined {
    return this.sessions.session;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.copyTimers.values()) clearTimeout(timer);
    this.copyTimers.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('entityId') && this.entityId === null) this.entityId = undefined;

    // Resolve first, so the actions follow the same session as the render below.
    this.sessions.resolve();
    this.actions.setScope(this.actionScope());

    // View state belongs to one entity: showing another starts collapsed, with no copy notice.
    const next = this.targetEntityId();
    if (next !== this.shownEntityId) {
      this.shownEntityId = next;
      this.expandedValues = new Set();
      this.copyStates = new Map();
    }
  }

  protected override updated(): void {
    const focusRequest = this.actions.takeFocusRequest();
    if (focusRequest) this.focusActionControl(focusRequest);

    if (!this.focusTitleAfterUpdate) return;
    this.focusTitleAfterUpdate = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  protected override render(): TemplateResult {
    const content = this.renderContent();
    if (this.mode !== 'modal') return content;
    return this.drawer.render(this.regionLabel(), content);
  }

  private renderContent(): TemplateResult {
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    if (!session || !snapshot) return this.renderEmpty(this.loadMessage(session));

    const id = this.targetEntityId();
    if (id === undefined) return this.renderEmpty(msg('flyout.empty.noSelection'));

    const entity = findEntity(snapshot, id);
    if (!entity) return this.renderEmpty(msg('flyout.empty.notFound', { id }));

    return this.renderEntity(entity, snapshot, session);
  }

  private renderEntity(entity: Entity, snapshot: IncidentSnapshot, session: IncidentSession): TemplateResult {
    const kind = kindLabel(entity.kind);
    const portalUrl = safeHttpUrl(entity.webUrl);
    const context: SectionContext = {
      expanded: this.expandedValues,
      copyStates: this.copyStates,
      selection: session.selection,
      onToggleValue: this.toggleValue,
      onCopyValue: this.copyValue,
      onSelectAlert: this.selectAlert,
      onSelectEntity: this.selectEntity,
      format: this.format,
    };

    const scope = this.actions.scope;
    const actionsShown = scope !== undefined && scope.target.entityId === entity.id;
    const pendingActions = (snapshot.pendingActions ?? []).filter((action) => action.entityId === entity.id);

    return html`<section
      class="flyout"
      aria-label=${msg('flyout.regionLabel', { kind, name: entity.displayName })}
      data-entity-id=${entity.id}
    >
      <header part="header">
        <div class="header-main">
          <span class="kind">${kindIcon(entity.kind)}<span>${kind}</span></span>
          <h2 part="title" tabindex="-1">${entity.displayName}</h2>
          ${entity.ghost ? html`<p class="ghost-note">${msg('flyout.ghost')}</p>` : nothing}
          <div>
            <il-verdict-badge
              .verdict=${entity.verdict}
              .remediationStatus=${entity.remediationStatus}
            ></il-verdict-badge>
          </div>
          ${portalUrl
            ? html`<a href=${portalUrl} target="_blank" rel="noopener noreferrer">${msg('flyout.openInPortal')}</a>`
            : nothing}
        </div>
        ${this.renderCloseButton()}
      </header>
      <div part="body">
        ${actionsShown ? renderActions(this.actions, scope) : nothing}
        ${actionsShown ? renderPendingActions(this.actions, scope, pendingActions, this.format) : nothing}
        ${renderDetails(entity, context)}
        ${renderAlerts(alertsOfEntity(snapshot, entity.id, session.range), context)}
        ${renderRelated(relatedEntities(snapshot, entity.id), context)}
        ${(this.adapter ?? session.adapter)?.listHuntQueries && (this.adapter ?? session.adapter)?.runHunt
          ? html`<il-hunt-results
              part="section hunt"
              .adapter=${this.adapter ?? session.adapter}
              .target=${{ incidentId: snapshot.incident.id, entityId: entity.id, kind: entity.kind }}
            ></il-hunt-results>`
          : nothing}
      </div>
    </section>`;
  }

  private renderEmpty(message: string): TemplateResult {
    return html`<section class="flyout" aria-label=${msg('flyout.emptyRegionLabel')}>
      <header part="header">
        <div class="header-main">
          <p class="empty" role="status">${message}</p>
        </div>
        ${this.renderCloseButton()}
      </header>
    </section>`;
  }

  private renderCloseButton(): TemplateResult {
    return html`<button
      part="close-button"
      type="button"
      aria-label=${msg('flyout.close')}
      title=${msg('flyout.close')}
      @click=${() => this.requestClose('close-button')}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 3.5l9 9m0-9l-9 9" /></svg>
    </button>`;
  }

  private loadMessage(session: IncidentSession | undefined): string {
    switch (session?.loadState) {
      case 'loading':
        return msg('flyout.empty.loading');
      case 'error':
        return msg('flyout.empty.error');
      default:
        return msg('flyout.empty.noSession');
    }
  }

  private targetEntityId(): string | undefined {
    if (this.entityId) return this.entityId;
    return this.sessions.session?.selection.entityIds[0];
  }

  /** Fires `il-flyout-close` and, in modal mode, closes the drawer unless a listener cancelled. */
  private requestClose(reason: FlyoutCloseReason): void {
    const event = new FlyoutCloseEvent({ entityId: this.shownEntityId, reason });
    this.dispatchEvent(event);
    if (this.mode === 'modal' && !event.defaultPrevented) this.open = false;
  }

  /** Returns the entity on screen and the adapter its actions go to, or undefined without an entity. */
  private actionScope(): ActionScope | undefined {
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    const id = this.targetEntityId();
    if (!session || !snapshot || id === undefined) return undefined;

    const entity = findEntity(snapshot, id);
    if (!entity) return undefined;
    return {
      target: { incidentId: snapshot.incident.id, entityId: entity.id, kind: entity.kind },
      entityName: entity.displayName,
      adapter: this.adapter ?? session.adapter,
      session,
    };
  }

  private regionLabel(): string {
    const snapshot = this.sessions.session?.snapshot;
    const id = this.targetEntityId();
    const entity = snapshot && id !== undefined ? findEntity(snapshot, id) : undefined;
    if (!entity) return msg('flyout.emptyRegionLabel');
    return msg('flyout.regionLabel', { kind: kindLabel(entity.kind), name: entity.displayName });
  }

  private focusActionControl(request: FocusRequest): void {
    const id = CSS.escape(request.id);
    const item =
      request.kind === 'action'
        ? this.renderRoot.querySelector(`li[data-action-id="${id}"]`)
        : this.renderRoot.querySelector(`li[data-pending-action-id="${id}"]`);
    let selector = '.pending-name';
    if (request.kind === 'action') selector = request.control === 'cancel' ? '.cancel-button' : '.action-button';
    item?.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;

    if (event.key === 'Escape') {
      if (this.actions.cancelAll()) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (this.mode === 'modal' && this.open) {
        // Prevented here, the dialog fires no `cancel` of its own for this key press.
        event.preventDefault();
        event.stopPropagation();
        this.requestClose('escape');
      }
      return;
    }

    if (this.mode === 'modal' && this.open && this.drawer.handleTab(event)) event.preventDefault();
  };

  private readonly toggleValue = (id: string): void => {
    const next = new Set(this.expandedValues);
    if (!next.delete(id)) next.add(id);
    this.expandedValues = next;
  };

  private readonly copyValue = async (id: string, text: string): Promise<void> => {
    let state: CopyState = 'failed';
    try {
      if (!navigator.clipboard?.writeText) throw new Error('The Clipboard API is not available.');
      await navigator.clipboard.writeText(text);
      state = 'copied';
    } catch {
      // The failure is shown next to the button. The error's own text adds nothing for the user.
    }

    const next = new Map(this.copyStates);
    next.set(id, state);
    this.copyStates = next;

    clearTimeout(this.copyTimers.get(id));
    this.copyTimers.delete(id);
    if (state === 'copied') {
      this.copyTimers.set(
        id,
        setTimeout(() => {
          this.copyTimers.delete(id);
          const cleared = new Map(this.copyStates);
          cleared.delete(id);
          this.copyStates = cleared;
        }, COPIED_NOTICE_MS),
      );
    }
  };

  private readonly selectAlert = (alertId: string): void => {
    const session = this.sessions.session;
    const entityId = this.shownEntityId;
    if (!session || entityId === undefined) return;

    const { entityIds, alertIds } = session.selection;
    const alreadySelected = alertIds.length === 1 && alertIds[0] === alertId;
    this.applySelection(session, {
      // Keep a multi-entity selection that includes the entity shown, else select it alone.
      entityIds: entityIds.includes(entityId) ? [...entityIds] : [entityId],
      alertIds: alreadySelected ? [] : [alertId],
    });
  };

  private readonly selectEntity = (entityId: string): void => {
    const session = this.sessions.session;
    if (!session) return;
    if (this.applySelection(session, { entityIds: [entityId], alertIds: [] }) && !this.entityId) {
      this.focusTitleAfterUpdate = true;
    }
  };

  /** Selects in the session and, when that changed the selection, fires `il-selection-change`. */
  private applySelection(session: IncidentSession, selection: Selection): boolean {
    const before = session.selection;
    session.select(selection);
    if (session.selection === before) return false;

    this.dispatchEvent(
      new SelectionChangeEvent({
        entityIds: [...session.selection.entityIds],
        alertIds: [...session.selection.alertIds],
      }),
    );
    return true;
  }
}

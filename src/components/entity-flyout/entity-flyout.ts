import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Entity, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { SessionController } from '../shared/session-controller.js';
import { kindLabel, msg, registerStrings } from '../shared/strings.js';
import { themeTokens } from '../shared/theme.js';
import { alertsOfEntity, relatedEntities } from './entity-links.js';
import { entityFlyoutStyles } from './entity-flyout.styles.js';
import { FlyoutCloseEvent } from './events.js';
import { FLYOUT_STRINGS } from './flyout-strings.js';
import { safeHttpUrl } from './format.js';
import { kindIcon } from './kind-icons.js';
import type { CopyState } from './long-value.js';
import { renderAlerts, renderDetails, renderRelated, type SectionContext } from './render-sections.js';

// A call, not a side-effect import, so that bundlers honouring `sideEffects` keep it.
registerStrings(FLYOUT_STRINGS);

/** How long "Copied." stays next to a copy button, in milliseconds. */
const COPIED_NOTICE_MS = 3000;

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
 * Details list the fields an analyst reads first for the entity's kind, then every other
 * non-empty property under "Other properties". Long values (paths, command lines, hashes)
 * truncate in the middle, expand on demand and have a copy button. Times are shown in UTC as
 * `2026-03-14 09:12:05 UTC`. Only an http(s) `webUrl` becomes a link; URLs found in the data
 * (an URL entity, a message's URLs) are shown as text, never as links, because they may be
 * malicious.
 *
 * Choosing an alert keeps the entity selected and makes that alert the selected alert, so the
 * pane stays on the entity while the other views highlight the alert. Choosing the selected
 * alert again clears the alert selection. Choosing a related entity selects it alone, and the
 * pane then shows it (unless `entityId` pins the pane) with focus on its name.
 *
 * Keyboard: every control is a native button or link in reading order, reached with Tab and
 * pressed with Enter or Space. The pane is a region landmark named after the entity.
 *
 * @tagname il-entity-flyout
 * @summary The entity pane: one entity's kind-specific details, verdict and remediation
 * status, the alerts that involve it and the entities related to it.
 *
 * @property {IncidentSession | undefined} session - The session to show; wins over `adapter` and context.
 * @property {IncidentDataAdapter | undefined} adapter - Loads an own session together with `incidentId`.
 * @property {string | undefined} incidentId - Incident the own session loads. Attribute `incident-id`.
 * @property {string | undefined} entityId - Entity to show instead of the selection. Attribute `entity-id`.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user chose an alert or a related entity. Detail: `SelectionChangeDetail`, the new selection `{ entityIds, alertIds }`.
 * @fires {FlyoutCloseEvent} il-flyout-close - The user pressed the close button; the host decides what closing means. Detail: `FlyoutCloseDetail`, `{ entityId }`.
 *
 * @csspart header - The header: kind, name, verdict badge, portal link and close button.
 * @csspart title - The entity's name (an `h2`).
 * @csspart close-button - The close button.
 * @csspart body - The scrolling area below the header.
 * @csspart section - Each section of the body.
 * @csspart details - The details section.
 * @csspart alerts - The alerts section.
 * @csspart related - The related entities section.
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
 */
export class EntityFlyout extends LitElement {
  static override styles = [themeTokens, entityFlyoutStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    entityId: { type: String, attribute: 'entity-id' },
    expandedValues: { state: true },
    copyStates: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare entityId: string | undefined;

  /** Ids of the long values the user expanded, for the entity shown. */
  declare private expandedValues: ReadonlySet<string>;
  /** Outcome of the last copy of each long value, for the entity shown. */
  declare private copyStates: ReadonlyMap<string, CopyState>;

  private readonly sessions: SessionController;
  private readonly copyTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private shownEntityId: string | undefined;
  private focusTitleAfterUpdate: boolean;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.entityId = undefined;
    this.expandedValues = new Set();
    this.copyStates = new Map();
    this.shownEntityId = undefined;
    this.focusTitleAfterUpdate = false;
    this.sessions = new SessionController(this, { keys: ['snapshot', 'selection', 'loadState'] });
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

    // View state belongs to one entity: showing another starts collapsed, with no copy notice.
    const next = this.targetEntityId();
    if (next !== this.shownEntityId) {
      this.shownEntityId = next;
      this.expandedValues = new Set();
      this.copyStates = new Map();
    }
  }

  protected override updated(): void {
    if (!this.focusTitleAfterUpdate) return;
    this.focusTitleAfterUpdate = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  protected override render(): TemplateResult {
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
    };

    // NOTE: the remediation actions and "go hunt" sections join the list below, after the
    // details, once the adapter's optional capabilities reach the flyout.
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
        ${renderDetails(entity, context)}
        ${renderAlerts(alertsOfEntity(snapshot, entity.id), context)}
        ${renderRelated(relatedEntities(snapshot, entity.id), context)}
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
      @click=${this.requestClose}
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

  private readonly requestClose = (): void => {
    this.dispatchEvent(new FlyoutCloseEvent({ entityId: this.shownEntityId }));
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

import { LitElement, html, type TemplateResult } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { IncidentSession, SessionKey } from '../../session/session.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import type { ThemeName } from '../shared/theme.js';
import { incidentSummaryStyles } from './incident-summary.styles.js';
import { renderAlertList, renderEvidence, renderIncidentInformation, renderKillChain, renderScope, type SummaryHandlers } from './render-summary.js';
import { SUMMARY_STRINGS } from './summary-strings.js';

registerStrings(SUMMARY_STRINGS);

/**
 * The summary of one incident. Its alerts are grouped under MITRE ATT&CK tactics in kill-chain
 * order, which shows how far the attack progressed, and the categories that are not tactics
 * come after the tactics. The alerts are also listed in time order with their status. The scope
 * counts the impacted devices, users, mailboxes and apps, and ranks those assets by verdict,
 * then the source's risk rating, then the number of alerts. The element also shows the evidence
 * count by verdict and the incident's status, severity, assignee, classification,
 * determination, tags and times.
 *
 * It shows the whole incident, whatever the time cursor, range or filters of the session. A
 * ghost process (named by other evidence but not evidence itself) counts in no figure.
 *
 * Give it an `adapter` and an `incident-id`, or a `session`, or place it inside an element
 * that provides one (such as `il-incident-view`). Clicking an alert or an asset selects it in
 * the session, so the graph and the other elements follow.
 *
 * Keyboard: Tab moves through the alert and asset buttons in reading order. Enter or Space
 * selects.
 *
 * @tagname il-incident-summary
 * @summary Kill-chain categories, scope, evidence and incident information of one incident.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user selected an alert or an asset. Detail: `SelectionChangeDetail`, `{ entityIds, alertIds }`.
 *
 * @csspart section - Each section (card). Each also has its own part: `categories`, `alerts`, `scope`, `evidence`, `information`.
 * @csspart kill-chain - The ordered list of tactics.
 * @csspart alert-list - The alerts in time order.
 * @csspart scope-counts - The counts of devices, users, mailboxes and apps.
 * @csspart ranked-assets - The impacted assets ranked by verdict and risk.
 * @csspart evidence-counts - The evidence counts by verdict.
 * @csspart status - The message shown while no incident is loaded.
 *
 * @cssprop [--il-incident-summary-columns=repeat(auto-fill, minmax(320px, 1fr))] - Grid columns of the sections.
 * @cssprop [--il-incident-summary-observed-color=var(--il-color-malicious)] - Mark of a tactic with alerts.
 */
export class IncidentSummary extends LitElement {
  static override styles = incidentSummaryStyles;

  static override properties = {
    adapter: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    session: { attribute: false },
    theme: { reflect: true },
  };

  /** The data adapter to load the incident from when no session is given. */
  declare adapter: IncidentDataAdapter | undefined;

  /** Id of the incident to load through `adapter`. */
  declare incidentId: string | undefined;

  /** The session to show. Wins over `adapter` and over a session from context. */
  declare session: IncidentSession | undefined;

  /**
   * Forces the `light` or the `dark` theme on the element and the badges it renders. Absent or
   * any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
   */
  declare theme: ThemeName | undefined;

  private readonly sessions: SessionController;
  private readonly format = new LocaleController(this);

  constructor() {
    super();
    this.adapter = undefined;
    this.incidentId = undefined;
    this.session = undefined;
    this.theme = undefined;
    this.sessions = new SessionController(this, {
      keys: ['loadState', 'snapshot', 'entities', 'selection'] satisfies SessionKey[],
    });
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const snapshot = session?.loadState === 'ready' ? session.snapshot : undefined;
    if (!session || !snapshot) {
      return html`<p class="status" part="status" role="status">${msg('summary.empty')}</p>`;
    }

    const { entityIds, alertIds } = session.selection;
    const handlers: SummaryHandlers = {
      selectAlert: (id) => this.selectByUser({ entityIds: [], alertIds: [id] }),
      selectEntity: (id) => this.selectByUser({ entityIds: [id], alertIds: [] }),
      selectedIds: new Set([...entityIds, ...alertIds]),
      format: this.format,
    };

    return html`
      <div class="grid" role="region" aria-label=${msg('summary.label')}>
        ${renderKillChain(snapshot.alerts, handlers)}
        ${renderScope(snapshot, handlers)}
        ${renderEvidence(snapshot, this.format)}
        ${renderIncidentInformation(snapshot.incident, this.format)}
        ${renderAlertList(snapshot.alerts, handlers)}
      </div>
    `;
  }

  private selectByUser(selection: { entityIds: string[]; alertIds: string[] }): void {
    const session = this.sessions.session;
    if (!session) return;
    session.select(selection);
    this.dispatchEvent(new SelectionChangeEvent(session.selection));
  }
}

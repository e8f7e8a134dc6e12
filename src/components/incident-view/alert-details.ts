/**
 * Renders one alert in the side pane of `il-incident-view`. Its story (what happened, actions
 * taken, related events) comes first. Then come its properties (status, severity, category,
 * MITRE techniques, sources, activity times, description, recommended actions), the alerts that
 * caused it, the entities it involves and its link to the source portal.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { Alert, Entity } from '../../model/types.js';
import type { EntityUpdate } from '../../session/session.js';
import { kindLabel, msg, registerStrings, severityLabel } from '../shared/strings.js';
import { renderTime, type LocaleFormat } from '../shared/locale-controller.js';
import { renderAlertStory } from './alert-story.js';
import { breakableAddresses, displayValue, safeWebHref } from './format.js';

/** The close icon, drawn like the entity flyout's. */
export const CLOSE_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 3.5l9 9m0-9l-9 9" /></svg>`;

/** An arrow out of a box: the link leaves for another site. */
const OPEN_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M9 2.5h4.5V7M13.5 2.5 7 9M11 9.5v4H2.5V5h4" /></svg>`;

registerStrings({
  'view.value.microsoftDefenderForEndpoint': 'Microsoft Defender for Endpoint',
  'view.value.microsoftDefenderForOffice365': 'Microsoft Defender for Office 365',
  'view.value.microsoftDefenderForIdentity': 'Microsoft Defender for Identity',
  'view.value.microsoftDefenderForCloudApps': 'Microsoft Defender for Cloud Apps',
  'view.value.microsoftDefenderForCloud': 'Microsoft Defender for Cloud',
  'view.value.microsoftEntraIdProtection': 'Microsoft Entra ID Protection',
  'view.value.microsoft365Defender': 'Microsoft 365 Defender',
  'view.value.microsoftSentinel': 'Microsoft Sentinel',
  'view.value.customTi': 'Custom threat intelligence',
  'view.value.automatedInvestigation': 'Automated investigation',
  'view.value.inProgress': 'In progress',
  'view.alert.heading': 'Alert',
  'view.alert.status': 'Status',
  'view.alert.severity': 'Severity',
  'view.alert.category': 'Category',
  'view.alert.techniques': 'MITRE ATT&CK techniques',
  'view.alert.serviceSource': 'Service source',
  'view.alert.detectionSource': 'Detection source',
  'view.alert.firstActivity': 'First activity',
  'view.alert.lastActivity': 'Last activity',
  'view.alert.description': 'Description',
  'view.alert.recommendedActions': 'Recommended actions',
  'view.alert.causedBy': 'Caused by',
  'view.alert.entities': 'Entities ({count})',
  'view.alert.openInPortal': 'Open alert in the source portal',
  'view.alert.close': 'Close alert details',
  'view.alert.threat': 'Threat',
  'view.alert.actor': 'Actor',
  'view.alert.assignedTo': 'Assigned to',
  'view.alert.classification': 'Classification',
  'view.alert.determination': 'Determination',
  'view.alert.linkReason': 'Why it is in this incident',
  'view.alert.properties': 'Properties',
  'view.alert.openEntity': 'Open {name} in the source portal',
});

export interface AlertDetailsHandlers {
  selectEntity(entityId: string): void;
  selectAlert(alertId: string): void;
  /** Returns the entity's fields that changed since the snapshot was set, for example by an action. */
  changesSinceLoad(entity: Entity): EntityUpdate;
  close(): void;
}

/**
 * Renders the alert pane; `entities` maps entity ids to entities for the involvement list, and
 * `format` formats its times and counts.
 */
export function renderAlertDetails(
  alert: Alert,
  entities: ReadonlyMap<string, Entity>,
  alerts: ReadonlyMap<string, Alert>,
  handlers: AlertDetailsHandlers,
  format: LocaleFormat,
): TemplateResult {
  const href = safeWebHref(alert.webUrl);
  const rows: Array<[string, string | TemplateResult | undefined]> = [
    [msg('view.alert.status'), displayValue(alert.status)],
    [msg('view.alert.severity'), severityLabel(alert.severity)],
    [msg('view.alert.category'), displayValue(alert.category)],
    [msg('view.alert.techniques'), alert.mitreTechniques.join(', ') || undefined],
    [msg('view.alert.serviceSource'), displayValue(alert.serviceSource)],
    [msg('view.alert.detectionSource'), displayValue(alert.detectionSource)],
    [msg('view.alert.firstActivity'), renderTime(format, alert.firstActivityTime)],
    [msg('view.alert.lastActivity'), renderTime(format, alert.lastActivityTime)],
    [msg('view.alert.threat'), alert.threatDisplayName ?? alert.threatFamilyName],
    [msg('view.alert.actor'), alert.actorDisplayName],
    [msg('view.alert.assignedTo'), alert.assignedTo],
    [msg('view.alert.classification'), displayValue(alert.classification)],
    [msg('view.alert.determination'), displayValue(alert.determination)],
    [msg('view.alert.linkReason'), alert.linkReason],
  ];

  return html`
    <section class="alert-pane" part="alert-details" aria-label=${alert.title}>
      <header class="pane-header">
        <span class="severity-chip" data-severity=${alert.severity}>${severityLabel(alert.severity)}</span>
        <h3 class="pane-title">${alert.title}</h3>
        <button class="icon-button" type="button" aria-label=${msg('view.alert.close')} title=${msg('view.alert.close')} @click=${handlers.close}>${CLOSE_ICON}</button>
      </header>

      ${renderAlertStory(alert, entities, handlers, format)}

      <h4>${msg('view.alert.properties')}</h4>
      <dl class="properties">
        ${rows
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([name, value]) => html`<dt>${name}</dt><dd>${typeof value === 'string' ? breakableAddresses(value) : value}</dd>`)}
      </dl>

      ${href
        ? html`<p><a href=${href} target="_blank" rel="noopener noreferrer">${msg('view.alert.openInPortal')}</a></p>`
        : nothing}

      ${alert.description
        ? html`<h4>${msg('view.alert.description')}</h4><p class="prose">${alert.description}</p>`
        : nothing}

      ${alert.recommendedActions
        ? html`<h4>${msg('view.alert.recommendedActions')}</h4><p class="prose">${alert.recommendedActions}</p>`
        : nothing}

      ${renderCausedBy(alert, alerts, handlers)}
      ${renderEntities(alert, entities, handlers, format)}
    </section>
  `;
}

function renderCausedBy(
  alert: Alert,
  alerts: ReadonlyMap<string, Alert>,
  handlers: AlertDetailsHandlers,
): TemplateResult | typeof nothing {
  const causes = alert.relatedAlertIds.map((id) => alerts.get(id)).filter((cause) => cause !== undefined);
  if (causes.length === 0) return nothing;

  return html`
    <h4>${msg('view.alert.causedBy')}</h4>
    <ul class="link-list">
      ${causes.map(
        (cause) => html`<li><button type="button" class="link-button" @click=${() => handlers.selectAlert(cause.id)}>${cause.title}</button></li>`,
      )}
    </ul>
  `;
}

function renderEntities(
  alert: Alert,
  entities: ReadonlyMap<string, Entity>,
  handlers: AlertDetailsHandlers,
  format: LocaleFormat,
): TemplateResult {
  const involved = alert.evidence
    .map((evidence) => ({ evidence, entity: entities.get(evidence.entityId) }))
    .filter((item): item is { evidence: typeof item.evidence; entity: Entity } => item.entity !== undefined);

  return html`
    <h4>${format.msg('view.alert.entities', { count: involved.length })}</h4>
    <ul class="link-list">
      ${involved.map(({ evidence, entity }) => {
        // Show the alert's own verdict and status for the entity, unless a later change, such
        // as a remediation action in the flyout, replaced the entity's value.
        const changes = handlers.changesSinceLoad(entity);
        const verdict = 'verdict' in changes ? changes.verdict : evidence.verdict;
        const remediationStatus = 'remediationStatus' in changes ? changes.remediationStatus : evidence.remediationStatus;
        return html`
          <li>
            <button type="button" class="link-button" @click=${() => handlers.selectEntity(entity.id)}>
              <span class="entity-kind">${kindLabel(entity.kind)}</span>
              <span class="entity-name">${breakableAddresses(entity.displayName)}</span>
            </button>
            ${evidence.roles.length > 0 ? html`<span class="roles">${evidence.roles.join(', ')}</span>` : nothing}
            <il-verdict-badge compact .verdict=${verdict} .remediationStatus=${remediationStatus}></il-verdict-badge>
            ${renderEntityLink(entity)}
          </li>
        `;
      })}
    </ul>
  `;
}

/** Renders an icon link to the entity's page in the source portal, for an http or https URL only. */
function renderEntityLink(entity: Entity): TemplateResult | typeof nothing {
  const href = safeWebHref(entity.webUrl);
  if (!href) return nothing;
  const label = msg('view.alert.openEntity', { name: entity.displayName });
  return html`<a class="icon-link" href=${href} target="_blank" rel="noopener noreferrer" aria-label=${label} title=${label}>${OPEN_ICON}</a>`;
}

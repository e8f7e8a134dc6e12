/**
 * Renders a selection of more than one entity or alert in the side pane of `il-incident-view`:
 * how many are selected, by entities and alerts, and a list of them in which each button opens
 * that one's details. Actions on one entity show only in its own details, so none of them reads
 * as if it applied to the whole selection.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { alertNodeKey } from '../../model/graph-keys.js';
import type { Alert, Entity } from '../../model/types.js';
import type { IncidentSession } from '../../session/session.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { kindLabel, msg, registerStrings, severityLabel } from '../shared/strings.js';
import { CLOSE_ICON } from './alert-details.js';
import { breakableAddresses } from './format.js';

registerStrings({
  'view.selection.heading': '{count} selected',
  'view.selection.entities.one': '{count} entity',
  'view.selection.entities.other': '{count} entities',
  'view.selection.alerts.one': '{count} alert',
  'view.selection.alerts.other': '{count} alerts',
  'view.selection.hint': 'Open one to see its details and actions.',
  'view.selection.close': 'Clear selection',
});

/** The selected records that the incident has, in selection order. */
export interface SelectedRecords {
  entities: Entity[];
  alerts: Alert[];
}

export interface SelectionSummaryHandlers {
  selectEntity(entityId: string): void;
  selectAlert(alertId: string): void;
  close(): void;
}

/** Returns the number of selected records; the pane lists them when it is more than one. */
export function selectedCount(records: SelectedRecords): number {
  return records.entities.length + records.alerts.length;
}

/** Returns the selected entities and alerts that the incident has, in selection order. */
export function selectedRecords(session: IncidentSession): SelectedRecords {
  const snapshot = session.snapshot;
  if (!snapshot) return { entities: [], alerts: [] };
  const { entityIds, alertIds } = session.selection;
  const entities = new Map(entityIds.length > 0 ? snapshot.entities.map((entity) => [entity.id, entity]) : []);
  const alerts = new Map(alertIds.length > 0 ? snapshot.alerts.map((alert) => [alert.id, alert]) : []);
  return {
    entities: entityIds.map((id) => entities.get(id)).filter((entity) => entity !== undefined),
    alerts: alertIds.map((id) => alerts.get(id)).filter((alert) => alert !== undefined),
  };
}

/** Returns the graph node of the only selected entity or alert, or undefined for another selection. */
export function singleSelectedNode(session: IncidentSession): string | undefined {
  const records = selectedRecords(session);
  if (selectedCount(records) !== 1) return undefined;
  const entity = records.entities[0];
  if (entity) return entity.id;
  const entityIds = new Set(session.snapshot!.entities.map((candidate) => candidate.id));
  return alertNodeKey(records.alerts[0]!.id, entityIds);
}

/** Renders the pane for several selected entities and alerts. */
export function renderSelectionSummary(
  records: SelectedRecords,
  handlers: SelectionSummaryHandlers,
  format: LocaleFormat,
): TemplateResult {
  const { entities, alerts } = records;
  return html`
    <section class="selection-pane" part="selection" aria-labelledby="selection-heading">
      <header class="pane-header">
        <h3 class="pane-title" id="selection-heading">${format.msg('view.selection.heading', { count: selectedCount(records) })}</h3>
        <button class="icon-button" type="button" aria-label=${msg('view.selection.close')} title=${msg('view.selection.close')} @click=${handlers.close}>${CLOSE_ICON}</button>
      </header>
      <p class="hint-inline">${msg('view.selection.hint')}</p>

      ${entities.length > 0
        ? html`
            <h4 id="selection-entities">${countLabel('entities', entities.length, format)}</h4>
            <ul class="link-list" aria-labelledby="selection-entities">
              ${entities.map(
                (entity) => html`
                  <li>
                    <button type="button" class="link-button" data-entity-id=${entity.id} @click=${() => handlers.selectEntity(entity.id)}>
                      <span class="entity-kind">${kindLabel(entity.kind)}</span>
                      <span class="entity-name">${breakableAddresses(entity.displayName)}</span>
                    </button>
                    <il-verdict-badge compact .verdict=${entity.verdict} .remediationStatus=${entity.remediationStatus}></il-verdict-badge>
                  </li>
                `,
              )}
            </ul>
          `
        : nothing}

      ${alerts.length > 0
        ? html`
            <h4 id="selection-alerts">${countLabel('alerts', alerts.length, format)}</h4>
            <ul class="link-list" aria-labelledby="selection-alerts">
              ${alerts.map(
                (alert) => html`
                  <li>
                    <span class="severity-chip" data-severity=${alert.severity}>${severityLabel(alert.severity)}</span>
                    <button type="button" class="link-button" data-alert-id=${alert.id} @click=${() => handlers.selectAlert(alert.id)}>${alert.title}</button>
                  </li>
                `,
              )}
            </ul>
          `
        : nothing}
    </section>
  `;
}

/**
 * Returns "1 entity" or "N entities", and the same for alerts, in the plural form of the
 * locale of `format`. A form without a string (`few`, `many`) falls back to `other`.
 */
function countLabel(area: 'entities' | 'alerts', count: number, format: LocaleFormat): string {
  const key = `view.selection.${area}.${format.plural(count)}`;
  const label = format.msg(key, { count });
  return label === key ? format.msg(`view.selection.${area}.other`, { count }) : label;
}

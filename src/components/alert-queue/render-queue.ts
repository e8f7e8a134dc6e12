/** Render helpers of `il-alert-queue`: the filter bar and the rows. */

import { html, nothing, type TemplateResult } from 'lit';
import type { Alert, Entity } from '../../model/types.js';
import { renderTime, type LocaleFormat } from '../shared/locale-controller.js';
import { readableValue } from '../shared/readable-value.js';
import { kindLabel, msg, severityLabel } from '../shared/strings.js';
import { ALERT_FACETS, alertSource, type AlertFacet, type AlertQueueFilters } from './queue-model.js';

/** Entities listed in a row before "+N more". */
const ENTITIES_PER_ROW = 4;

export function renderFilterBar(
  options: Record<AlertFacet, string[]>,
  filters: AlertQueueFilters,
  onChange: (facet: AlertFacet, value: string | undefined) => void,
  onClear: () => void,
): TemplateResult {
  const active = ALERT_FACETS.some((facet) => (filters[facet]?.length ?? 0) > 0);
  return html`
    <div class="toolbar" part="filters" role="group" aria-label=${msg('queue.filters')}>
      ${ALERT_FACETS.map((facet) => {
        // Options carry their index, because '' is both a facet value (none) and "All".
        const chosen = filters[facet]?.[0];
        const handleChange = (event: Event): void => {
          const index = (event.target as HTMLSelectElement).value;
          onChange(facet, index === '' ? undefined : options[facet][Number(index)]);
        };
        return html`
          <label>
            ${msg(`queue.filter.${facet}`)}
            <select data-facet=${facet} @change=${handleChange}>
              <option value="" ?selected=${chosen === undefined}>${msg('queue.filter.all')}</option>
              ${options[facet].map(
                (value, index) => html`<option value=${String(index)} ?selected=${chosen === value}>${facetLabel(facet, value)}</option>`,
              )}
            </select>
          </label>
        `;
      })}
      ${active ? html`<button type="button" class="text-button" @click=${onClear}>${msg('queue.clearFilters')}</button>` : nothing}
    </div>
  `;
}

/** Returns the readable label of a facet value. '' reads "(none)". */
export function facetLabel(facet: AlertFacet, value: string): string {
  if (value === '') return msg('queue.filter.none');
  if (facet === 'severities') return severityLabel(value as Alert['severity']);
  return readableValue(value) ?? value;
}

export function renderFirstActivity(alert: Alert, format: LocaleFormat): TemplateResult {
  return html`<span class="time">${renderTime(format, alert.firstActivityTime) ?? msg('queue.noTime')}</span>`;
}

export function renderSeverity(alert: Alert): TemplateResult {
  return html`<span class="severity-chip" data-severity=${alert.severity}>${severityLabel(alert.severity)}</span>`;
}

export function renderText(value: string | undefined): TemplateResult {
  return html`<span class=${value ? '' : 'muted'}>${readableValue(value) ?? '—'}</span>`;
}

export function renderSource(alert: Alert): TemplateResult {
  return renderText(alertSource(alert) || undefined);
}

/**
 * Lists the entities the alert involves with their evidence roles, which explain why the alert
 * names them, and the reason the source gives for linking the alert to the incident.
 */
export function renderEntities(alert: Alert, entities: ReadonlyMap<string, Entity>, format: LocaleFormat): TemplateResult {
  const involved = alert.evidence.filter((evidence) => entities.has(evidence.entityId));
  const shown = involved.slice(0, ENTITIES_PER_ROW);
  return html`
    ${involved.length === 0 ? html`<span class="muted">${msg('queue.noEntities')}</span>` : nothing}
    <ul class="entities">
      ${shown.map((evidence) => {
        const entity = entities.get(evidence.entityId)!;
        const roles = [...evidence.roles, ...(evidence.detailedRoles ?? [])];
        return html`
          <li data-entity-id=${entity.id}>
            <span class="muted">${kindLabel(entity.kind)}</span>
            <span>${entity.displayName}</span>
            ${roles.length > 0 ? html`<span class="roles">(${roles.map((role) => readableValue(role) ?? role).join(', ')})</span>` : nothing}
          </li>
        `;
      })}
    </ul>
    ${involved.length > shown.length ? html`<span class="muted">${format.msg('queue.moreEntities', { count: involved.length - shown.length })}</span>` : nothing}
    ${alert.linkReason ? html`<div class="roles">${msg('queue.linkReason', { reason: alert.linkReason })}</div>` : nothing}
  `;
}

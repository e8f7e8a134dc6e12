/**
 * Render helpers for the flyout's sections: details, alerts and related entities. They are
 * pure functions of the entity, the snapshot and the flyout's view state; the element owns the
 * state and passes the callbacks.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { Entity } from '../../model/types.js';
import type { Selection } from '../../session/session.js';
import { renderTime, type LocaleFormat } from '../shared/locale-controller.js';
import { kindLabel, msg, severityLabel } from '../shared/strings.js';
import { entityDetails, type DetailRow, type DetailValue } from './details-by-kind.js';
import type { EntityAlert, RelatedEntity } from './entity-links.js';
import { formatBytes } from './format.js';
import { kindIcon } from './kind-icons.js';
import { renderLongValue, type CopyState } from './long-value.js';

/** The view state and callbacks the section helpers need from the element. */
export interface SectionContext {
  expanded: ReadonlySet<string>;
  copyStates: ReadonlyMap<string, CopyState>;
  selection: Selection;
  onToggleValue: (id: string) => void;
  onCopyValue: (id: string, text: string) => void;
  onSelectAlert: (alertId: string) => void;
  onSelectEntity: (entityId: string) => void;
  /** Formats of the element's locale, for times, counts and sizes. */
  format: LocaleFormat;
}

export function renderDetails(entity: Entity, context: SectionContext): TemplateResult {
  const { primary, other } = entityDetails(entity);
  const firstSeen = renderTime(context.format, entity.firstSeen);

  const rows = [
    firstSeen === undefined
      ? nothing
      : html`<div class="field">
          <dt>${msg('flyout.firstSeen')}</dt>
          <dd>${firstSeen}</dd>
        </div>`,
    ...primary.map((row) => renderRow(row, context)),
  ];
  const empty = firstSeen === undefined && primary.length === 0;

  return html`<section part="section details" aria-labelledby="details-heading">
    <h3 id="details-heading">${msg('flyout.section.details')}</h3>
    ${empty ? html`<p class="hint">${msg('flyout.noDetails')}</p>` : html`<dl>${rows}</dl>`}
    ${other.length === 0
      ? nothing
      : html`<h4 id="other-heading">${msg('flyout.section.otherProperties')}</h4>
          <dl aria-labelledby="other-heading">${other.map((row) => renderRow(row, context))}</dl>`}
  </section>`;
}

function renderRow(row: DetailRow, context: SectionContext): TemplateResult {
  return html`<div class="field" data-key=${row.key}>
    <dt>${row.label}</dt>
    <dd>${renderValue(row.value, row, context)}</dd>
  </div>`;
}

function renderValue(value: DetailValue, row: DetailRow, context: SectionContext): TemplateResult | string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'time':
      return renderTime(context.format, value.time) ?? String(value.time);
    case 'count':
      return context.format.number(value.count);
    case 'bytes':
      return formatBytes(value.bytes, context.format);
    case 'code':
      return longValue(row.key, row.label, value.text, context);
    case 'list':
      return html`<ul class="value-list">
        ${value.items.map(
          (item, index) =>
            html`<li>${value.code ? longValue(`${row.key}-${index}`, row.label, item, context) : item}</li>`,
        )}
      </ul>`;
  }
}

function longValue(key: string, label: string, text: string, context: SectionContext): TemplateResult {
  // The state maps are cleared when another entity is shown, so the property key is enough.
  const id = key;
  return renderLongValue({
    id,
    label,
    text,
    expanded: context.expanded.has(id),
    copyState: context.copyStates.get(id),
    onToggle: context.onToggleValue,
    onCopy: context.onCopyValue,
  });
}

export function renderAlerts(alerts: readonly EntityAlert[], context: SectionContext): TemplateResult {
  const heading = context.format.msg('flyout.section.alerts', { count: alerts.length });
  return html`<section part="section alerts" aria-labelledby="alerts-heading">
    <h3 id="alerts-heading">${heading}</h3>
    ${alerts.length === 0
      ? html`<p class="hint">${msg('flyout.noAlerts')}</p>`
      : html`<ul class="item-list">
          ${alerts.map((item) => renderAlert(item, context))}
        </ul>`}
  </section>`;
}

function renderAlert({ alert, evidence }: EntityAlert, context: SectionContext): TemplateResult {
  const pressed = context.selection.alertIds.includes(alert.id);
  const roles = [...evidence.roles, ...(evidence.detailedRoles ?? [])];

  return html`<li>
    <button
      type="button"
      class="item-button"
      data-alert-id=${alert.id}
      aria-pressed=${pressed ? 'true' : 'false'}
      @click=${() => context.onSelectAlert(alert.id)}
    >
      <span class="item-title">${alert.title}</span>
      <il-verdict-badge
        class="item-badge"
        compact
        .verdict=${evidence.verdict}
        .remediationStatus=${evidence.remediationStatus}
      ></il-verdict-badge>
      <span class="item-meta">
        <span class="severity" data-severity=${alert.severity}>${severityLabel(alert.severity)}</span>
        <span>${msg('flyout.alert.status', { status: alert.status })}</span>
        ${roles.length === 0 ? nothing : html`<span>${msg('flyout.alert.roles', { roles: roles.join(', ') })}</span>`}
        ${evidence.remediationStatusDetails
          ? html`<span>${evidence.remediationStatusDetails}</span>`
          : nothing}
      </span>
    </button>
  </li>`;
}

export function renderRelated(related: readonly RelatedEntity[], context: SectionContext): TemplateResult {
  const heading = context.format.msg('flyout.section.related', { count: related.length });
  return html`<section part="section related" aria-labelledby="related-heading">
    <h3 id="related-heading">${heading}</h3>
    ${related.length === 0
      ? html`<p class="hint">${msg('flyout.noRelated')}</p>`
      : html`<ul class="item-list">
          ${related.map((item) => renderRelatedEntity(item, context))}
        </ul>`}
  </section>`;
}

function renderRelatedEntity({ other, label }: RelatedEntity, context: SectionContext): TemplateResult {
  return html`<li>
    <button
      type="button"
      class="item-button related"
      data-entity-id=${other.id}
      @click=${() => context.onSelectEntity(other.id)}
    >
      <span class="item-meta">${label}</span>
      <span class="item-title related-name">${kindIcon(other.kind)}<span>${other.displayName}</span></span>
      <il-verdict-badge
        class="item-badge"
        compact
        .verdict=${other.verdict}
        .remediationStatus=${other.remediationStatus}
      ></il-verdict-badge>
      <span class="item-meta">${kindLabel(other.kind)}</span>
    </button>
  </li>`;
}

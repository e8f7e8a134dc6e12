/** Render helpers of `il-incident-summary`: one function per section. */

import { html, nothing, type TemplateResult } from 'lit';
import type { Alert, Incident, IncidentSnapshot } from '../../model/types.js';
import { renderTime, type LocaleFormat } from '../shared/locale-controller.js';
import { kindLabel, msg, severityLabel, verdictLabel } from '../shared/strings.js';
import {
  ATTACK_TACTICS,
  SCOPE_GROUPS,
  alertsInTimeOrder,
  evidenceByVerdict,
  killChain,
  rankedAssets,
  scopeCounts,
  type CategoryGroup,
  type ScopeGroup,
  type VerdictBucket,
} from './summary-model.js';
import { readableValue } from '../shared/readable-value.js';

export interface SummaryHandlers {
  selectAlert(alertId: string): void;
  selectEntity(entityId: string): void;
  /** Ids of the selected alerts and entities, marked as current in the lists. */
  selectedIds: ReadonlySet<string>;
  /** Formats of the element's locale, for times and counts. */
  format: LocaleFormat;
}

/** Entities listed in the ranked scope before "N more". */
const RANKED_LIMIT = 10;

/** Alerts listed in the time-ordered list before "N more". */
const ALERT_LIMIT = 50;

function alertCount(count: number, format: LocaleFormat): string {
  return count === 1 ? msg('summary.alertCount.one') : format.msg('summary.alertCount', { count });
}

export function renderKillChain(alerts: readonly Alert[], handlers: SummaryHandlers): TemplateResult {
  const chain = killChain(alerts);
  const reached = chain.tactics.filter((group) => group.alerts.length > 0).length;

  return html`
    <section class="card" part="section categories" aria-labelledby="categories-heading">
      <h3 id="categories-heading">${msg('summary.categories')}</h3>
      <p class="note">
        ${chain.furthest < 0
          ? msg('summary.chain.none')
          : handlers.format.msg('summary.chain.progress', { reached, total: ATTACK_TACTICS.length, furthest: readableValue(chain.tactics[chain.furthest]!.category) ?? '' })}
      </p>
      <ol class="chain" part="kill-chain">
        ${chain.tactics.map((group, index) => renderTactic(group, index <= chain.furthest, handlers))}
      </ol>
      ${chain.others.length > 0
        ? html`
            <h4>${msg('summary.otherCategories')}</h4>
            <ul class="groups">${chain.others.map((group) => renderCategory(group, handlers))}</ul>
          `
        : nothing}
    </section>
  `;
}

function renderTactic(group: CategoryGroup, withinReach: boolean, handlers: SummaryHandlers): TemplateResult {
  const observed = group.alerts.length > 0;
  let state = 'not-reached';
  if (observed) state = 'observed';
  else if (withinReach) state = 'passed';
  return html`
    <li class="tactic" data-state=${state} data-tactic=${group.category}>
      <span class="tactic-name">${readableValue(group.category)}</span>
      <span class="count">${observed ? alertCount(group.alerts.length, handlers.format) : msg('summary.notObserved')}</span>
      ${observed ? renderAlertLinks(group.alerts, handlers) : nothing}
    </li>
  `;
}

function renderCategory(group: CategoryGroup, handlers: SummaryHandlers): TemplateResult {
  return html`
    <li data-category=${group.category}>
      <span class="tactic-name">${group.category === '' ? msg('summary.uncategorised') : readableValue(group.category)}</span>
      <span class="count">${alertCount(group.alerts.length, handlers.format)}</span>
      ${renderAlertLinks(group.alerts, handlers)}
    </li>
  `;
}

function renderAlertLinks(alerts: readonly Alert[], handlers: SummaryHandlers): TemplateResult {
  return html`
    <ul class="alert-links">
      ${alerts.map(
        (alert) => html`
          <li>
            <button type="button" class="link-button" aria-current=${handlers.selectedIds.has(alert.id) ? 'true' : 'false'} @click=${() => handlers.selectAlert(alert.id)}>
              ${alert.title}
            </button>
          </li>
        `,
      )}
    </ul>
  `;
}

export function renderAlertList(alerts: readonly Alert[], handlers: SummaryHandlers): TemplateResult {
  const { format } = handlers;
  const ordered = alertsInTimeOrder(alerts);
  const shown = ordered.slice(0, ALERT_LIMIT);
  return html`
    <section class="card" part="section alerts" aria-labelledby="alerts-heading">
      <h3 id="alerts-heading">${format.msg('summary.alerts', { count: alerts.length })}</h3>
      ${alerts.length === 0 ? html`<p class="note">${msg('summary.noAlerts')}</p>` : nothing}
      <ol class="alert-list" part="alert-list">
        ${shown.map(
          (alert) => html`
            <li data-alert-id=${alert.id}>
              <span class="time">${renderTime(format, alert.firstActivityTime) ?? msg('summary.noTime')}</span>
              <span class="severity-chip" data-severity=${alert.severity}>${severityLabel(alert.severity)}</span>
              <button type="button" class="link-button" aria-current=${handlers.selectedIds.has(alert.id) ? 'true' : 'false'} @click=${() => handlers.selectAlert(alert.id)}>
                ${alert.title}
              </button>
              <span class="status">${readableValue(alert.status)}</span>
            </li>
          `,
        )}
      </ol>
      ${ordered.length > shown.length ? html`<p class="note">${format.msg('summary.moreAlerts', { count: ordered.length - shown.length })}</p>` : nothing}
    </section>
  `;
}

const SCOPE_LABEL_KEYS: Record<ScopeGroup, string> = {
  devices: 'summary.scope.devices',
  users: 'summary.scope.users',
  mailboxes: 'summary.scope.mailboxes',
  apps: 'summary.scope.apps',
};

export function renderScope(snapshot: IncidentSnapshot, handlers: SummaryHandlers): TemplateResult {
  const { format } = handlers;
  const counts = scopeCounts(snapshot.entities);
  const ranked = rankedAssets(snapshot);
  const shown = ranked.slice(0, RANKED_LIMIT);

  return html`
    <section class="card" part="section scope" aria-labelledby="scope-heading">
      <h3 id="scope-heading">${msg('summary.scope')}</h3>
      <dl class="counts" part="scope-counts">
        ${(Object.keys(SCOPE_GROUPS) as ScopeGroup[]).map(
          (group) => html`<div data-group=${group}><dt>${msg(SCOPE_LABEL_KEYS[group])}</dt><dd>${format.number(counts[group])}</dd></div>`,
        )}
      </dl>
      <h4>${msg('summary.rankedAssets')}</h4>
      ${ranked.length === 0 ? html`<p class="note">${msg('summary.noAssets')}</p>` : nothing}
      <ol class="ranked" part="ranked-assets">
        ${shown.map(
          ({ entity, alertCount: involvedIn, risk }) => html`
            <li data-entity-id=${entity.id}>
              <button type="button" class="link-button" aria-current=${handlers.selectedIds.has(entity.id) ? 'true' : 'false'} @click=${() => handlers.selectEntity(entity.id)}>
                <span class="kind">${kindLabel(entity.kind)}</span>
                <span>${entity.displayName}</span>
              </button>
              <il-verdict-badge compact .verdict=${entity.verdict} .remediationStatus=${entity.remediationStatus}></il-verdict-badge>
              ${risk ? html`<span class="risk">${msg('summary.risk', { risk: readableValue(risk) ?? risk })}</span>` : nothing}
              <span class="count">${alertCount(involvedIn, format)}</span>
            </li>
          `,
        )}
      </ol>
      ${ranked.length > shown.length ? html`<p class="note">${format.msg('summary.moreAssets', { count: ranked.length - shown.length })}</p>` : nothing}
    </section>
  `;
}

const VERDICT_BUCKETS: VerdictBucket[] = ['malicious', 'suspicious', 'unknown', 'clean', 'notProvided'];

export function renderEvidence(snapshot: IncidentSnapshot, format: LocaleFormat): TemplateResult {
  const counts = evidenceByVerdict(snapshot.entities);
  const total = VERDICT_BUCKETS.reduce((sum, bucket) => sum + counts[bucket], 0);

  return html`
    <section class="card" part="section evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">${format.msg('summary.evidence', { count: total })}</h3>
      <dl class="counts" part="evidence-counts">
        ${VERDICT_BUCKETS.map(
          (bucket) => html`
            <div data-verdict=${bucket}>
              <dt>
                <il-verdict-badge compact .verdict=${bucket === 'notProvided' ? undefined : bucket}></il-verdict-badge>
                ${bucket === 'notProvided' ? verdictLabel(undefined) : verdictLabel(bucket)}
              </dt>
              <dd>${format.number(counts[bucket])}</dd>
            </div>
          `,
        )}
      </dl>
    </section>
  `;
}

export function renderIncidentInformation(incident: Incident, format: LocaleFormat): TemplateResult {
  const rows: Array<[string, string | TemplateResult | undefined]> = [
    [msg('summary.info.status'), readableValue(incident.status)],
    [msg('summary.info.severity'), severityLabel(incident.severity)],
    [msg('summary.info.assignedTo'), incident.assignedTo ?? msg('summary.info.unassigned')],
    [msg('summary.info.classification'), readableValue(incident.classification) ?? msg('summary.info.notSet')],
    [msg('summary.info.determination'), readableValue(incident.determination) ?? msg('summary.info.notSet')],
    [msg('summary.info.created'), renderTime(format, incident.createdTime)],
    [msg('summary.info.updated'), renderTime(format, incident.updatedTime)],
  ];

  return html`
    <section class="card" part="section information" aria-labelledby="information-heading">
      <h3 id="information-heading">${msg('summary.information')}</h3>
      <dl class="properties" part="information">
        ${rows
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}
        <dt>${msg('summary.info.tags')}</dt>
        <dd>
          ${incident.tags.length === 0
            ? msg('summary.info.noTags')
            : html`<ul class="tags">${incident.tags.map((tag) => html`<li class="tag">${tag}</li>`)}</ul>`}
        </dd>
      </dl>
    </section>
  `;
}

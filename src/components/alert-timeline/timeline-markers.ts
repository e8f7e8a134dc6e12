/**
 * Render helpers of the alert timeline's track: the range band, span bars, alert markers,
 * clusters, tick labels and the "Time unknown" list. They keep no state: their input is a
 * `MarkerView`, and presses call back into the element.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { styleProperties } from '../shared/style-properties.js';
import type { Alert, EpochMs } from '../../model/types.js';
import type { TimeRange } from '../../session/session.js';
import { msg, severityLabel } from '../shared/strings.js';
import type { MarkerColumn } from './density.js';
import { severityShape } from './severity-shape.js';
import { positionOf, type AlertMarker, type AxisTick, type TimeDomain } from './time-axis.js';

/** Display state of the markers, and the callbacks for presses on them. */
export interface MarkerView {
  /** The visible window. */
  view: TimeDomain;
  /** The time cursor: markers after it are faded. */
  time: EpochMs;
  selected: ReadonlySet<string>;
  /** Alerts that involve a selected entity. */
  related: ReadonlySet<string>;
  /** The marker or cluster id that takes the tab stop. */
  activeId: string | undefined;
  format: (time: EpochMs) => string;
  /** Formats a count in the element's locale. */
  formatNumber: (value: number) => string;
  onFocus: (id: string) => void;
  onSelect: (alertId: string) => void;
  onZoomTo: (column: MarkerColumn) => void;
}

// A label centred on a tick this close to an end would stick out of the element, so it is
// aligned to start or end at its tick instead.
const EDGE_ZONE = 0.08;

export function percent(fraction: number): string {
  return `${fraction * 100}%`;
}

/** Returns a key for a cluster that stays the same while the window keeps its first marker. */
export function clusterId(column: MarkerColumn): string {
  return `cluster:${column.markers[0]!.alert.id}`;
}

export function renderRange(range: TimeRange | null, view: TimeDomain): TemplateResult | typeof nothing {
  if (!range) return nothing;
  const start = Math.max(0, positionOf(view, range.start));
  const end = Math.min(1, positionOf(view, range.end));
  if (end < start) return nothing;
  return html`<div class="range" part="range" style=${styleProperties({ '--_x': percent(start), '--_width': percent(end - start) })}></div>`;
}

/** Renders the span bars of a stacked column. A cluster has none. */
export function renderSpans(column: MarkerColumn, view: TimeDomain): Array<TemplateResult | typeof nothing> | typeof nothing {
  if (column.cluster) return nothing;
  return column.markers.map((marker, stack) => {
    if (marker.endTime === undefined) return nothing;
    const end = Math.min(1, positionOf(view, marker.endTime));
    const style = {
      '--_x': percent(column.position),
      '--_width': percent(Math.max(0, end - column.position)),
      '--_stack': String(stack),
    };
    return html`<div class="span ${marker.alert.severity}" part="span" style=${styleProperties(style)}></div>`;
  });
}

/** Renders a column: a cluster button, or one marker button per alert, stacked. */
export function renderColumn(column: MarkerColumn, state: MarkerView): TemplateResult | TemplateResult[] {
  if (column.cluster) return renderCluster(column, state);
  return column.markers.map((marker, stack) => renderMarker(marker, column, stack, state));
}

function renderMarker(marker: AlertMarker, column: MarkerColumn, stack: number, state: MarkerView): TemplateResult {
  const { alert } = marker;
  const isSelected = state.selected.has(alert.id);
  const isRelated = state.related.has(alert.id);
  const classes = `marker ${alert.severity}${isSelected ? ' selected' : ''}${isRelated ? ' related' : ''}${marker.time > state.time ? ' future' : ''}`;
  const part = `marker${isSelected ? ' selected' : ''}${isRelated ? ' related' : ''}`;
  const name = isRelated ? msg('timeline.markerRelated', { name: markerName(marker, state) }) : markerName(marker, state);
  const style = { '--_x': percent(column.position), '--_stack': String(stack) };
  return html`
    <button class=${classes} part=${part} type="button"
      data-alert-id=${alert.id} style=${styleProperties(style)} aria-label=${name}
      aria-pressed=${isSelected ? 'true' : 'false'} tabindex=${alert.id === state.activeId ? 0 : -1}
      @focus=${() => state.onFocus(alert.id)} @click=${() => state.onSelect(alert.id)}>
      ${severityShape(alert.severity)}
    </button>
  `;
}

function renderCluster(column: MarkerColumn, state: MarkerView): TemplateResult {
  const id = clusterId(column);
  const name = msg('timeline.cluster', {
    count: state.formatNumber(column.markers.length),
    severity: severityLabel(column.severity),
    start: state.format(column.start),
    end: state.format(column.end),
  });
  return html`
    <button class="cluster ${column.severity}${column.start > state.time ? ' future' : ''}" part="cluster" type="button"
      data-cluster-id=${id} style=${styleProperties({ '--_x': percent(column.position) })} aria-label=${name}
      tabindex=${id === state.activeId ? 0 : -1}
      @focus=${() => state.onFocus(id)} @click=${() => state.onZoomTo(column)}>
      <span class="cluster-count" aria-hidden="true">${state.formatNumber(column.markers.length)}</span>
    </button>
  `;
}

function markerName(marker: AlertMarker, state: MarkerView): string {
  const params = {
    title: marker.alert.title,
    severity: severityLabel(marker.alert.severity),
    time: state.format(marker.time),
  };
  if (marker.endTime === undefined) return msg('timeline.marker', params);
  return msg('timeline.markerSpan', { ...params, end: state.format(marker.endTime) });
}

/** Renders the tick labels. A press on the row starts a range selection through `onPointerDown`. */
export function renderAxis(ticks: readonly AxisTick[], onPointerDown: (event: PointerEvent) => void): TemplateResult {
  // The ticks repeat the slider's value text, so they are hidden from assistive technology.
  // The keyboard selects a range on the slider instead.
  return html`
    <div class="axis" part="axis" aria-hidden="true" @pointerdown=${onPointerDown}>
      ${ticks.map((tick) => html`<span class="tick ${tickAlignment(tick.position)}"
        style=${styleProperties({ '--_x': percent(tick.position) })}>${tick.label}${tick.date
        ? html`<span class="tick-date">${tick.date}</span>`
        : nothing}</span>`)}
    </div>
  `;
}

function tickAlignment(position: number): string {
  if (position < EDGE_ZONE) return 'from-start';
  if (position > 1 - EDGE_ZONE) return 'from-end';
  return '';
}

/**
 * Renders the list of alerts without a time, or nothing when every alert has one. `count` is
 * their number, formatted for the heading.
 */
export function renderUntimed(
  alerts: readonly Alert[],
  selected: ReadonlySet<string>,
  onSelect: (alertId: string) => void,
  count: string,
): TemplateResult | typeof nothing {
  if (alerts.length === 0) return nothing;
  return html`
    <section class="untimed" part="time-unknown">
      <span class="untimed-heading" id="untimed-heading">${msg('timeline.timeUnknown', { count })}</span>
      <ul aria-labelledby="untimed-heading">
        ${alerts.map((alert) => {
          const isSelected = selected.has(alert.id);
          const name = msg('timeline.untimedAlert', { title: alert.title, severity: severityLabel(alert.severity) });
          return html`<li>
            <button class="untimed-alert ${alert.severity}${isSelected ? ' selected' : ''}" type="button"
              data-alert-id=${alert.id} aria-label=${name} aria-pressed=${isSelected ? 'true' : 'false'}
              @click=${() => onSelect(alert.id)}>
              ${severityShape(alert.severity)}<span class="untimed-title">${alert.title}</span>
            </button>
          </li>`;
        })}
      </ul>
    </section>
  `;
}

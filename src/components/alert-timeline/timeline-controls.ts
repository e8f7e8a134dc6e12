/**
 * The control row of the alert timeline: jump to start, previous alert, play or pause, next
 * alert, jump to end, the speed menu, the loop switch, zoom and the range readout. A render
 * helper: it keeps no state, and every button calls back into the element.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../shared/strings.js';
import { ONE_ALERT_PER_SECOND, PLAYBACK_SPEEDS } from './playback-clock.js';

export interface ControlsState {
  playing: boolean;
  speed: number;
  loop: boolean;
  /** False when the incident has no time span to play. */
  canPlay: boolean;
  /** False when no record has a time. */
  hasTimes: boolean;
  /** False when the axis shows the whole incident: nothing to zoom out of. */
  canZoomOut: boolean;
  /** False at the narrowest window. */
  canZoomIn: boolean;
  readout: string;
  /** The selected range as text, or undefined without one. */
  range: string | undefined;
  /** Formats a number in the element's locale, for the speed menu. */
  formatNumber: (value: number) => string;
}

export interface ControlsActions {
  toStart(): void;
  previous(): void;
  togglePlayback(): void;
  next(): void;
  toEnd(): void;
  setSpeed(speed: number): void;
  toggleLoop(): void;
  zoomIn(): void;
  zoomOut(): void;
  showAll(): void;
  clearRange(): void;
}

const icon = (path: string): TemplateResult =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d=${path} /></svg>`;

const ICON_PLAY = icon('M4 2.5v11l9.5-5.5z');
const ICON_PAUSE = icon('M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z');
const ICON_START = icon('M3 2.5h2v11H3zM13 2.5v11L6 8z');
const ICON_END = icon('M11 2.5h2v11h-2zM3 2.5v11L10 8z');
const ICON_PREVIOUS = icon('M12.5 2.5v11L5 8zM3 2.5h1.5v11H3z');
const ICON_NEXT = icon('M3.5 2.5v11L11 8zM11.5 2.5H13v11h-1.5z');
const ICON_LOOP = icon('M4 5h6V3l3 3-3 3V7H4v3H2V7a2 2 0 0 1 2-2zM12 11H6v2l-3-3 3-3v2h6V6h2v3a2 2 0 0 1-2 2z');
const ICON_ZOOM_IN = icon('M7 2h2v5h5v2H9v5H7V9H2V7h5z');
const ICON_ZOOM_OUT = icon('M2 7h12v2H2z');

function speedLabel(speed: number, formatNumber: (value: number) => string): string {
  if (speed === ONE_ALERT_PER_SECOND) return msg('timeline.speedAlertPerSecond');
  return msg('timeline.speedTimes', { speed: formatNumber(speed) });
}

function iconButton(
  part: string,
  label: string,
  content: TemplateResult,
  disabled: boolean,
  onClick: () => void,
): TemplateResult {
  return html`<button class="control" part=${part} type="button" aria-label=${label} title=${label}
    ?disabled=${disabled} @click=${onClick}>${content}</button>`;
}

/** Renders the control row. */
export function renderControls(state: ControlsState, actions: ControlsActions): TemplateResult {
  const playLabel = state.playing ? msg('timeline.pause') : msg('timeline.play');
  const speeds = PLAYBACK_SPEEDS.includes(state.speed) ? PLAYBACK_SPEEDS : [...PLAYBACK_SPEEDS, state.speed];
  return html`
    <div class="controls" part="controls" role="group" aria-label=${msg('timeline.controls')}>
      ${iconButton('start-button', msg('timeline.toStart'), ICON_START, !state.hasTimes, actions.toStart)}
      ${iconButton('previous-button', msg('timeline.previousAlert'), ICON_PREVIOUS, !state.hasTimes, actions.previous)}
      ${iconButton('play-button', playLabel, state.playing ? ICON_PAUSE : ICON_PLAY, !state.canPlay, actions.togglePlayback)}
      ${iconButton('next-button', msg('timeline.nextAlert'), ICON_NEXT, !state.hasTimes, actions.next)}
      ${iconButton('end-button', msg('timeline.toEnd'), ICON_END, !state.hasTimes, actions.toEnd)}
      <label class="speed" part="speed">
        <span class="visually-hidden">${msg('timeline.speed')}</span>
        <select part="speed-menu" title=${msg('timeline.speed')} ?disabled=${!state.canPlay}
          @change=${(event: Event) => actions.setSpeed(Number((event.target as HTMLSelectElement).value))}>
          ${speeds.map((speed) => html`<option value=${speed} ?selected=${speed === state.speed}>${speedLabel(speed, state.formatNumber)}</option>`)}
        </select>
      </label>
      <button class="control" part="loop-button" type="button" aria-label=${msg('timeline.loop')}
        title=${msg('timeline.loop')} aria-pressed=${state.loop ? 'true' : 'false'} ?disabled=${!state.canPlay}
        @click=${actions.toggleLoop}>${ICON_LOOP}</button>
      <span class="zoom" role="group" aria-label=${msg('timeline.zoom')}>
        ${iconButton('zoom-out-button', msg('timeline.zoomOut'), ICON_ZOOM_OUT, !state.canZoomOut, actions.zoomOut)}
        ${iconButton('zoom-in-button', msg('timeline.zoomIn'), ICON_ZOOM_IN, !state.canZoomIn, actions.zoomIn)}
        <button class="control text" part="show-all-button" type="button" ?disabled=${!state.canZoomOut}
          @click=${actions.showAll}>${msg('timeline.showAll')}</button>
      </span>
      <span class="readout" part="readout">${state.readout}</span>
      ${state.range === undefined
        ? nothing
        : html`<span class="range-readout" part="range-readout">${msg('timeline.rangeReadout', { range: state.range })}
            <button class="control text" part="clear-range-button" type="button"
              @click=${actions.clearRange}>${msg('timeline.clearRange')}</button></span>`}
    </div>
  `;
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Alert, EpochMs, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession, TimeRange } from '../../session/session.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings, severityLabel } from '../shared/strings.js';
import { themeTokens } from '../shared/theme.js';
import { alertTimelineStyles } from './alert-timeline.styles.js';
import { DEFAULT_PLAYBACK_DURATION, browserFrameClock, type FrameClock } from './playback-clock.js';
import { TimelinePlayback } from './playback-controller.js';
import { ScrubController } from './scrub-controller.js';
import { severityShape } from './severity-shape.js';
import {
  axisTicks,
  formatDateTime,
  layoutAlerts,
  nextTime,
  positionOf,
  previousTime,
  timeAtPosition,
  timeDomain,
  type AlertLayout,
  type AlertMarker,
  type TimeDomain,
  type TimelineTimeZone,
} from './time-axis.js';
import { TIMELINE_STRINGS } from './timeline-strings.js';

registerStrings(TIMELINE_STRINGS);

const EMPTY_LAYOUT: AlertLayout = { markers: [], untimed: [], times: [], maxStack: 0 };

// Tick labels need about this many CSS pixels each to stay apart.
const TICK_SPACING = 110;

// PageUp and PageDown move the time cursor by this fraction of the incident's span.
const PAGE_FRACTION = 0.1;

const ICON_PLAY = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9.5-5.5z" /></svg>`;
const ICON_PAUSE = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" /></svg>`;
const ICON_START = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2.5h2v11H3zM13 2.5v11L6 8z" /></svg>`;
const ICON_END = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 2.5h2v11h-2zM3 2.5v11L10 8z" /></svg>`;

/**
 * Each alert sits at its first activity time, with a shape and a colour for its severity:
 * high a triangle, medium a diamond, low a circle, informational a square, unknown a hollow
 * circle. When its last activity is later, a bar runs to that time. Alerts at the same time
 * stack in a fixed order: severity, high first, then id. Alerts without a time are listed
 * under "Time unknown" and never placed on the axis. Alerts after the time cursor are faded.
 *
 * Playback moves the time cursor from where it is to the end of the incident. At speed 1 the
 * whole incident plays in `duration` ms, and the session's `speed` multiplies that rate. Each
 * frame computes the time from the last play, seek or speed change
 * (`anchorTime + (now - anchorWall) * rate`), so irregular or dropped frames never make it
 * drift. Playback stops at the end, and play at the end restarts from the start.
 *
 * The element works on the session given in `session`, else on one of its own loaded from
 * `adapter` and `incidentId`, else on an ancestor's session found through context.
 *
 * Keyboard: Tab reaches the controls, the alert markers and the time cursor. The markers are
 * one tab stop: Left, Right, Up, Down, Home and End move between them, and Enter or Space
 * selects. The time cursor is a slider. Left and Down step to the previous alert time (or
 * the start), and Right and Up to the next one (or the end). PageDown and PageUp move by a
 * tenth of the incident, and Home and End go to its start and end.
 *
 * Playback that the host or another element starts (through `session.setPlayback`) is driven
 * too, but fires no event. When several timelines share a session, the one a user pressed
 * play on drives it and the others follow.
 *
 * @tagname il-alert-timeline
 * @summary The alert timeline player: the incident's alerts on a time axis, a playhead that
 * scrubs the session's time cursor, and play, pause, start and end controls.
 *
 * @property {IncidentSession | undefined} session - Session to show and drive. Property only.
 * @property {IncidentDataAdapter | undefined} adapter - Adapter the element loads `incidentId` from when no `session` is set. Property only.
 * @property {string | undefined} incidentId - Incident to load through `adapter`. Attribute `incident-id`.
 * @property {number} duration - Wall-clock milliseconds in which speed 1 plays the whole incident. Defaults to 20000, and a value that is not a positive number plays at 20000. Attribute `duration`.
 * @property {'local' | 'UTC'} timeZone - Zone of tick labels and readable times: `UTC` (the default, like every time the other elements show) or the viewer's zone (`local`). Attribute `time-zone`.
 * @property {FrameClock} clock - Wall time and frame scheduling for playback and scrubbing. Defaults to `performance.now` and `requestAnimationFrame`. Tests set a manual clock. Property only.
 *
 * @fires {TimeChangeEvent} il-time-change - A user moved the time cursor: by scrubbing (at most once per animation frame), the slider keys, the start and end buttons, or playback they started (once per frame that passes one or more alert times, and once at the end). Detail: `TimeChangeDetail`, `{ time }`.
 * @fires {PlayStateChangeEvent} il-play-state-change - A user started or paused playback, or playback they started reached the end. Detail: `PlayStateChangeDetail`, `{ playing, speed }`.
 * @fires {SelectionChangeEvent} il-selection-change - A user selected an alert or cleared the selection by pressing the selected alert again. Detail: `SelectionChangeDetail`, `{ alertIds, entityIds }`.
 *
 * @csspart controls - The row of playback buttons and the time readout.
 * @csspart play-button - The play and pause button.
 * @csspart start-button - The button that moves the time cursor to the start.
 * @csspart end-button - The button that moves the time cursor to the end.
 * @csspart readout - The current time as text.
 * @csspart track - The area that holds the markers and the playhead. A press on it scrubs.
 * @csspart marker - Each alert marker button. The selected one also has part `selected`, and those of alerts that involve a selected entity have part `related`.
 * @csspart span - The bar from an alert's first to its last activity.
 * @csspart playhead - The line at the time cursor.
 * @csspart handle - The draggable slider at the top of the playhead.
 * @csspart axis - The row of tick labels.
 * @csspart time-unknown - The list of alerts without a time.
 * @csspart message - The text shown instead of the axis when there is nothing to place.
 *
 * @cssprop --il-alert-timeline-height - Minimum height of the track, which grows with the highest stack of alerts. Defaults to 72px.
 * @cssprop --il-alert-timeline-track-color - Background of the track. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-alert-timeline-playhead-color - Colour of the playhead and its handle. Defaults to `--il-color-accent`.
 */
export class AlertTimeline extends LitElement {
  static override styles = [themeTokens, alertTimelineStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { attribute: 'incident-id' },
    duration: { type: Number },
    timeZone: { attribute: 'time-zone' },
    clock: { attribute: false },
    plotWidth: { state: true },
    activeMarkerId: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare duration: number;
  declare timeZone: TimelineTimeZone;
  declare clock: FrameClock;
  declare private plotWidth: number;
  declare private activeMarkerId: string | undefined;

  private readonly playback: TimelinePlayback;
  private readonly sessions: SessionController;
  private readonly scrub: ScrubController;
  private readonly resizeObserver: ResizeObserver;
  private observedPlot: Element | undefined;
  private cachedSnapshot: IncidentSnapshot | undefined;
  private cachedBounds: TimeRange | undefined;
  private cachedLayout: AlertLayout = EMPTY_LAYOUT;
  private cachedDomain: TimeDomain | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.duration = DEFAULT_PLAYBACK_DURATION;
    this.timeZone = 'UTC';
    this.clock = browserFrameClock;
    this.plotWidth = 0;
    this.activeMarkerId = undefined;

    this.playback = new TimelinePlayback(this, {
      session: () => this.sessions.session,
      alertTimes: () => this.layout().layout.times,
      clock: this.clock,
    });
    this.sessions = new SessionController(this, {
      onChange: (keys, session) => this.playback.sessionChanged(keys, session),
      onSessionChange: (session) => this.playback.sessionReplaced(session),
    });
    this.scrub = new ScrubController(this, {
      surface: () => this.renderRoot.querySelector<HTMLElement>('.plot') ?? undefined,
      timeAt: (position) => {
        const domain = this.layout().domain;
        return domain && timeAtPosition(domain, position);
      },
      clock: () => this.clock,
      onStart: () => this.playback.hold(),
      onSeek: (time) => this.playback.seek(time),
      onEnd: () => this.playback.release(),
    });
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      if (width !== this.plotWidth) this.plotWidth = width;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.observedPlot = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clock')) this.playback.frameClock = this.clock;
    if (changed.has('duration')) this.playback.updateRate();
  }

  protected override updated(): void {
    const plot = this.renderRoot.querySelector('.plot') ?? undefined;
    if (plot === this.observedPlot) return;
    this.resizeObserver.disconnect();
    this.observedPlot = plot;
    if (plot) this.resizeObserver.observe(plot);
  }

  /** Returns the alert layout of the current snapshot, recomputed only when it changed. */
  private layout(): { layout: AlertLayout; domain: TimeDomain | undefined } {
    const session = this.sessions.session;
    const snapshot = session?.snapshot;
    const bounds = session?.timeBounds;
    if (snapshot !== this.cachedSnapshot || bounds !== this.cachedBounds) {
      this.cachedSnapshot = snapshot;
      this.cachedBounds = bounds;
      this.cachedDomain = bounds && timeDomain(bounds);
      // Without bounds no record has a time, so every alert lands in the untimed list and the
      // placeholder domain places nothing.
      this.cachedLayout = snapshot
        ? layoutAlerts(snapshot.alerts, this.cachedDomain ?? { start: 0, end: 1 })
        : EMPTY_LAYOUT;
    }
    return { layout: this.cachedLayout, domain: this.cachedDomain };
  }

  protected override render(): TemplateResult {
    const session = this.sessions.session;
    const label = msg('timeline.label');
    if (!session || session.loadState === 'idle') return this.renderMessage(label, msg('timeline.noIncident'));
    if (session.loadState === 'loading') return this.renderMessage(label, msg('timeline.loading'));
    if (session.loadState === 'error' || !session.snapshot) {
      return this.renderMessage(label, msg('timeline.loadError'));
    }
    if (session.snapshot.alerts.length === 0) return this.renderMessage(label, msg('timeline.noAlerts'));

    const { layout, domain } = this.layout();
    const bounds = session.timeBounds;
    return html`
      <div role="group" aria-label=${label}>
        ${this.renderControls(session, bounds)}
        ${domain && bounds
          ? html`${this.renderTrack(session, layout, domain, bounds)}${this.renderAxis(domain)}`
          : html`<p class="message" part="message">${msg('timeline.noTimes')}</p>`}
        ${this.renderUntimed(session, layout.untimed)}
      </div>
    `;
  }

  private renderMessage(label: string, text: string): TemplateResult {
    return html`<div role="group" aria-label=${label}><p class="message" part="message">${text}</p></div>`;
  }

  private renderControls(session: IncidentSession, bounds: TimeRange | undefined): TemplateResult {
    const canPlay = bounds !== undefined && bounds.end > bounds.start;
    const playLabel = session.playing ? msg('timeline.pause') : msg('timeline.play');
    const readout = session.time === undefined ? '' : formatDateTime(session.time, this.timeZone);
    return html`
      <div class="controls" part="controls" role="group" aria-label=${msg('timeline.controls')}>
        <button class="control" part="start-button" type="button" aria-label=${msg('timeline.toStart')}
          title=${msg('timeline.toStart')} ?disabled=${!bounds} @click=${() => this.seekTo(bounds?.start)}>
          ${ICON_START}
        </button>
        <button class="control" part="play-button" type="button" aria-label=${playLabel} title=${playLabel}
          ?disabled=${!canPlay} @click=${this.togglePlayback}>
          ${session.playing ? ICON_PAUSE : ICON_PLAY}
        </button>
        <button class="control" part="end-button" type="button" aria-label=${msg('timeline.toEnd')}
          title=${msg('timeline.toEnd')} ?disabled=${!bounds} @click=${() => this.seekTo(bounds?.end)}>
          ${ICON_END}
        </button>
        <span class="readout" part="readout">${readout}</span>
      </div>
    `;
  }

  private renderTrack(
    session: IncidentSession,
    layout: AlertLayout,
    domain: TimeDomain,
    bounds: TimeRange,
  ): TemplateResult {
    const time = session.time ?? bounds.end;
    const selected = new Set(session.selection.alertIds);
    const related = alertsOfEntities(layout.markers, session.selection.entityIds);
    const activeId = this.rovingMarkerId(layout.markers, selected);
    return html`
      <div class="track" part="track" style=${styleMap({ '--_stack-count': String(layout.maxStack) })}
        @pointerdown=${this.handleTrackPointerDown}>
        <div class="plot">
          ${layout.markers.map((marker) => this.renderSpan(marker))}
          <div role="group" aria-label=${msg('timeline.markers')} @keydown=${this.handleMarkerKeyDown}>
            ${layout.markers.map((marker) => this.renderMarker(marker, time, selected, related, activeId))}
          </div>
          <div class="playhead" part="playhead" style=${styleMap({ '--_x': percent(positionOf(domain, time)) })}>
            <div class="handle" part="handle" role="slider" tabindex="0" aria-label=${msg('timeline.playhead')}
              aria-orientation="horizontal" aria-valuemin=${bounds.start} aria-valuemax=${bounds.end}
              aria-valuenow=${time} aria-valuetext=${formatDateTime(time, this.timeZone)}
              @keydown=${this.handleSliderKeyDown}></div>
          </div>
        </div>
      </div>
    `;
  }

  private renderSpan(marker: AlertMarker): TemplateResult | typeof nothing {
    if (marker.endPosition === undefined) return nothing;
    const style = {
      '--_x': percent(marker.position),
      '--_width': percent(marker.endPosition - marker.position),
      '--_stack': String(marker.stack),
    };
    return html`<div class="span ${marker.alert.severity}" part="span" style=${styleMap(style)}></div>`;
  }

  private renderMarker(
    marker: AlertMarker,
    time: EpochMs,
    selected: ReadonlySet<string>,
    related: ReadonlySet<string>,
    activeId: string | undefined,
  ): TemplateResult {
    const { alert } = marker;
    const isSelected = selected.has(alert.id);
    const isRelated = related.has(alert.id);
    const classes = `marker ${alert.severity}${isSelected ? ' selected' : ''}${isRelated ? ' related' : ''}${marker.time > time ? ' future' : ''}`;
    const part = `marker${isSelected ? ' selected' : ''}${isRelated ? ' related' : ''}`;
    const name = isRelated ? msg('timeline.markerRelated', { name: this.markerName(marker) }) : this.markerName(marker);
    const style = { '--_x': percent(marker.position), '--_stack': String(marker.stack) };
    return html`
      <button class=${classes} part=${part} type="button"
        data-alert-id=${alert.id} style=${styleMap(style)} aria-label=${name}
        aria-pressed=${isSelected ? 'true' : 'false'} tabindex=${alert.id === activeId ? 0 : -1}
        @focus=${() => (this.activeMarkerId = alert.id)} @click=${() => this.toggleAlert(alert.id)}>
        ${severityShape(alert.severity)}
      </button>
    `;
  }

  private renderAxis(domain: TimeDomain): TemplateResult {
    const count = this.plotWidth > 0 ? Math.max(2, Math.floor(this.plotWidth / TICK_SPACING)) : 6;
    const ticks = axisTicks(domain, this.timeZone, count);
    // The ticks repeat the slider's value text, so they are hidden from assistive technology.
    return html`
      <div class="axis" part="axis" aria-hidden="true">
        ${ticks.map((tick) => html`<span class="tick ${tickAlignment(tick.position)}"
          style=${styleMap({ '--_x': percent(tick.position) })}>${tick.label}${tick.date
          ? html`<span class="tick-date">${tick.date}</span>`
          : nothing}</span>`)}
      </div>
    `;
  }

  private renderUntimed(session: IncidentSession, alerts: readonly Alert[]): TemplateResult | typeof nothing {
    if (alerts.length === 0) return nothing;
    const selected = new Set(session.selection.alertIds);
    return html`
      <section class="untimed" part="time-unknown">
        <span class="untimed-heading" id="untimed-heading">${msg('timeline.timeUnknown', { count: alerts.length })}</span>
        <ul aria-labelledby="untimed-heading">
          ${alerts.map((alert) => {
            const isSelected = selected.has(alert.id);
            const name = msg('timeline.untimedAlert', { title: alert.title, severity: severityLabel(alert.severity) });
            return html`<li>
              <button class="untimed-alert ${alert.severity}${isSelected ? ' selected' : ''}" type="button"
                data-alert-id=${alert.id} aria-label=${name} aria-pressed=${isSelected ? 'true' : 'false'}
                @click=${() => this.toggleAlert(alert.id)}>
                ${severityShape(alert.severity)}<span class="untimed-title">${alert.title}</span>
              </button>
            </li>`;
          })}
        </ul>
      </section>
    `;
  }

  private markerName(marker: AlertMarker): string {
    const params = {
      title: marker.alert.title,
      severity: severityLabel(marker.alert.severity),
      time: formatDateTime(marker.time, this.timeZone),
    };
    if (marker.endTime === undefined) return msg('timeline.marker', params);
    return msg('timeline.markerSpan', { ...params, end: formatDateTime(marker.endTime, this.timeZone) });
  }

  /** Returns the marker that takes the tab stop: the focused one, else the first selected, else the first. */
  private rovingMarkerId(markers: readonly AlertMarker[], selected: ReadonlySet<string>): string | undefined {
    if (markers.some((marker) => marker.alert.id === this.activeMarkerId)) return this.activeMarkerId;
    return (markers.find((marker) => selected.has(marker.alert.id)) ?? markers[0])?.alert.id;
  }

  private toggleAlert(id: string): void {
    const session = this.sessions.session;
    if (!session) return;

    const { alertIds, entityIds } = session.selection;
    const onlyThis = alertIds.length === 1 && alertIds[0] === id && entityIds.length === 0;
    const before = session.selection;
    session.select(onlyThis ? {} : { alertIds: [id], entityIds: [] });
    if (session.selection === before) return;

    const { alertIds: nextAlerts, entityIds: nextEntities } = session.selection;
    this.dispatchEvent(new SelectionChangeEvent({ alertIds: [...nextAlerts], entityIds: [...nextEntities] }));
  }

  private seekTo(time: EpochMs | undefined): void {
    if (time !== undefined) this.playback.seek(time);
  }

  private readonly togglePlayback = (): void => {
    if (this.sessions.session?.playing) this.playback.pause();
    else this.playback.play();
  };

  private readonly handleTrackPointerDown = (event: PointerEvent): void => {
    const target = event.target as Element;
    if (target.closest('.marker')) return;
    if (!this.scrub.start(event)) return;

    // Keep focus on the slider, so the keyboard continues from where the pointer left the time.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('.handle')?.focus({ preventScroll: true });
  };

  private readonly handleSliderKeyDown = (event: KeyboardEvent): void => {
    const session = this.sessions.session;
    const bounds = session?.timeBounds;
    if (!session || !bounds) return;

    const time = session.time ?? bounds.end;
    const times = this.layout().layout.times;
    const page = (bounds.end - bounds.start) * PAGE_FRACTION;
    let target: EpochMs;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        target = previousTime(times, time) ?? bounds.start;
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        target = nextTime(times, time) ?? bounds.end;
        break;
      case 'PageDown':
        target = time - page;
        break;
      case 'PageUp':
        target = time + page;
        break;
      case 'Home':
        target = bounds.start;
        break;
      case 'End':
        target = bounds.end;
        break;
      default:
        return;
    }

    event.preventDefault();
    this.playback.seek(target);
  };

  private readonly handleMarkerKeyDown = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.marker')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;

    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(buttons.length - 1, index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = buttons.length - 1;
        break;
      default:
        return;
    }

    event.preventDefault();
    const button = buttons[next]!;
    this.activeMarkerId = button.dataset['alertId'];
    button.focus();
  };
}

// A label centred on a tick this close to an end would stick out of the element, so it is
// aligned to start or end at its tick instead.
const EDGE_ZONE = 0.08;

function tickAlignment(position: number): string {
  if (position < EDGE_ZONE) return 'from-start';
  if (position > 1 - EDGE_ZONE) return 'from-end';
  return '';
}

function percent(fraction: number): string {
  return `${fraction * 100}%`;
}

/** Returns the ids of the alerts whose evidence includes one of the entities. */
function alertsOfEntities(markers: readonly AlertMarker[], entityIds: readonly string[]): Set<string> {
  const related = new Set<string>();
  if (entityIds.length === 0) return related;

  const entities = new Set(entityIds);
  for (const { alert } of markers) {
    if (alert.evidence.some((evidence) => entities.has(evidence.entityId))) related.add(alert.id);
  }
  return related;
}

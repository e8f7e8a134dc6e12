import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { Alert, EpochMs, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession, SessionKey, TimeRange } from '../../session/session.js';
import { RangeChangeEvent, SelectionChangeEvent } from '../shared/events.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings, severityLabel } from '../shared/strings.js';
import { themeTokens } from '../shared/theme.js';
import { alertTimelineStyles } from './alert-timeline.styles.js';
import { MIN_VIEW_SPAN, ZOOM_STEP, panView, revealTime, showsAll, zoomView } from './axis-view.js';
import { groupMarkers, tallestStack, type MarkerColumn } from './density.js';
import { DEFAULT_PLAYBACK_DURATION, browserFrameClock, type FrameClock } from './playback-clock.js';
import { TimelinePlayback } from './playback-controller.js';
import { ScrubController } from './scrub-controller.js';
import { severityShape } from './severity-shape.js';
import {
  axisTicks,
  formatDateTime,
  layoutAlerts,
  positionOf,
  timeAtPosition,
  timeDomain,
  type AlertLayout,
  type AlertMarker,
  type TimeDomain,
  type TimelineTimeZone,
} from './time-axis.js';
import { renderControls } from './timeline-controls.js';
import { TIMELINE_STRINGS } from './timeline-strings.js';

registerStrings(TIMELINE_STRINGS);

const EMPTY_LAYOUT: AlertLayout = { markers: [], untimed: [], times: [], maxStack: 0 };

// Tick labels need about this many CSS pixels each to stay apart.
const TICK_SPACING = 110;

// Markers are this wide, in CSS pixels: markers closer than this share a column.
const MARKER_SIZE = 24;

// A column of more markers than this becomes a counted cluster, when zooming in can part it.
const MAX_STACK = 4;

// PageUp and PageDown move the time cursor by this fraction of the visible window.
const PAGE_FRACTION = 0.1;

// While playing, the live region announces the time at most once per this many wall-clock ms.
const ANNOUNCE_INTERVAL = 2000;

// Wheel movement, in pixels, that zooms by one `ZOOM_STEP`.
const WHEEL_ZOOM_PIXELS = 100;

/**
 * Each alert sits at its first activity time, with a shape and a colour for its severity:
 * high a triangle, medium a diamond, low a circle, informational a square, unknown a hollow
 * circle. When its last activity is later, a bar runs to that time. Markers closer than one
 * marker width stack in one column, in a fixed order: time, severity (high first), then id,
 * the order of `compareByTime`, which the graph's node list uses too. A column of more than
 * four alerts becomes a counted cluster that zooms in when pressed, unless its alerts share
 * one instant (then it stays a stack). Alerts without a time are listed under "Time unknown"
 * and never placed on the axis. Alerts after the time cursor are faded.
 *
 * The axis zooms and pans: the wheel (and a touchpad pinch, which the browser reports as a
 * wheel with Ctrl) zooms around the pointer, a horizontal or Shift wheel pans, and the zoom
 * buttons and keys zoom around the time cursor. Tick labels follow the zoom, from
 * milliseconds to years. The window follows the time cursor when it leaves the window.
 *
 * Playback moves the time cursor from where it is to the end of the incident. At speed 1 the
 * whole incident plays in `duration` ms, and the session's `speed` multiplies that rate; speed
 * 0 (`ONE_ALERT_PER_SECOND`) jumps to the next alert time once per second instead. Each frame
 * computes the time from the last play, seek or speed change
 * (`anchorTime + (now - anchorWall) * rate`), so irregular or dropped frames never make it
 * drift, and a page that comes back from the background continues where it was rather than
 * jumping ahead. Playback stops at the end, or with `loop` starts again from the start; play
 * at the end restarts from the start. When the viewer prefers reduced motion, the time cursor
 * moves from one alert time to the next instead of sweeping. While playing, a polite live
 * region announces the time and the latest alert at most every two seconds.
 *
 * A drag on the axis row, or a Shift-drag on the track, selects a time range: the session's
 * `range`, which restricts the graph to records first seen inside it.
 *
 * The element works on the session given in `session`, else on one of its own loaded from
 * `adapter` and `incidentId`, else on an ancestor's session found through context.
 *
 * Keyboard: Tab reaches every control, the alert markers and the time cursor. The markers are
 * one tab stop: Left, Right, Up, Down, Home and End move between them, Enter or Space selects
 * an alert, and on a cluster zooms in. The time cursor is a slider. Left and Down step to the
 * previous alert time (or the start), and Right and Up to the next one (or the end). PageDown
 * and PageUp move by a tenth of the visible window, and Home and End go to the incident's start
 * and end. On the slider, + and - zoom around the cursor and 0 shows the whole incident;
 * [ and ] set the start and end of the range at the cursor, and Escape clears the range.
 *
 * Playback that the host or another element starts (through `session.setPlayback`) is driven
 * too, but fires no event. When several timelines share a session, the one a user pressed
 * play on drives it and the others follow.
 *
 * @tagname il-alert-timeline
 * @summary The alert timeline player: the incident's alerts on a zoomable time axis, a
 * playhead that scrubs the session's time cursor, playback controls and a range selection.
 *
 * @property {IncidentSession | undefined} session - Session to show and drive. Property only.
 * @property {IncidentDataAdapter | undefined} adapter - Adapter the element loads `incidentId` from when no `session` is set. Property only.
 * @property {string | undefined} incidentId - Incident to load through `adapter`. Attribute `incident-id`.
 * @property {number} duration - Wall-clock milliseconds in which speed 1 plays the whole incident. Defaults to 20000, and a value that is not a positive number plays at 20000. Attribute `duration`.
 * @property {boolean} loop - Playback that reaches the end starts again from the start. Off by default. The loop button toggles it. Attribute `loop`.
 * @property {'local' | 'UTC'} timeZone - Zone of tick labels and readable times: `UTC` (the default, like every time the other elements show) or the viewer's zone (`local`), where a time in an hour that daylight saving repeats carries its UTC offset. Attribute `time-zone`.
 * @property {FrameClock} clock - Wall time and frame scheduling for playback and scrubbing. Defaults to `performance.now` and `requestAnimationFrame`. Tests set a manual clock. Property only.
 *
 * @fires {TimeChangeEvent} il-time-change - A user moved the time cursor: by scrubbing (at most once per animation frame), the slider keys, the step, start and end buttons, or playback they started (once per frame that passes one or more alert times, at each loop restart, and once at the end). Detail: `TimeChangeDetail`, `{ time }`.
 * @fires {RangeChangeEvent} il-range-change - A user selected a time range (at most once per animation frame while dragging) or cleared it. Detail: `RangeChangeDetail`, `{ start, end }` or `null`.
 * @fires {PlayStateChangeEvent} il-play-state-change - A user started or paused playback or changed its speed, or playback they started reached the end. Detail: `PlayStateChangeDetail`, `{ playing, speed }`.
 * @fires {SelectionChangeEvent} il-selection-change - A user selected an alert or cleared the selection by pressing the selected alert again. Detail: `SelectionChangeDetail`, `{ alertIds, entityIds }`.
 *
 * @csspart controls - The row of playback buttons and the time readout.
 * @csspart play-button - The play and pause button.
 * @csspart start-button - The button that moves the time cursor to the start.
 * @csspart previous-button - The button that moves the time cursor to the previous alert time.
 * @csspart next-button - The button that moves the time cursor to the next alert time.
 * @csspart end-button - The button that moves the time cursor to the end.
 * @csspart speed - The label around the speed menu.
 * @csspart speed-menu - The speed menu, a `select`.
 * @csspart loop-button - The loop toggle button.
 * @csspart zoom-in-button - The button that zooms in around the time cursor.
 * @csspart zoom-out-button - The button that zooms out.
 * @csspart show-all-button - The button that shows the whole incident.
 * @csspart readout - The current time as text.
 * @csspart range-readout - The selected range as text, with its clear button.
 * @csspart clear-range-button - The button that clears the range.
 * @csspart track - The area that holds the markers and the playhead. A press on it scrubs.
 * @csspart marker - Each alert marker button. The selected one also has part `selected`, and those of alerts that involve a selected entity have part `related`.
 * @csspart cluster - A counted cluster of alerts in a dense period.
 * @csspart span - The bar from an alert's first to its last activity.
 * @csspart range - The band of the selected range.
 * @csspart playhead - The line at the time cursor.
 * @csspart handle - The draggable slider at the top of the playhead.
 * @csspart axis - The row of tick labels. A drag on it selects a range.
 * @csspart time-unknown - The list of alerts without a time.
 * @csspart message - The text shown instead of the axis when there is nothing to place.
 *
 * @cssprop --il-alert-timeline-height - Minimum height of the track, which grows with the highest stack of alerts. Defaults to 72px.
 * @cssprop --il-alert-timeline-track-color - Background of the track. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-alert-timeline-playhead-color - Colour of the playhead and its handle. Defaults to `--il-color-accent`.
 * @cssprop --il-alert-timeline-range-color - Background of the selected range. Defaults to a translucent `--il-color-accent`.
 */
export class AlertTimeline extends LitElement {
  static override styles = [themeTokens, alertTimelineStyles];

  static override properties = {
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { attribute: 'incident-id' },
    duration: { type: Number },
    loop: { type: Boolean, reflect: true },
    timeZone: { attribute: 'time-zone' },
    clock: { attribute: false },
    plotWidth: { state: true },
    activeMarkerId: { state: true },
    view: { state: true },
    announcement: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare duration: number;
  declare loop: boolean;
  declare timeZone: TimelineTimeZone;
  declare clock: FrameClock;
  declare private plotWidth: number;
  declare private activeMarkerId: string | undefined;
  /** The visible window of the axis, or undefined for the whole incident. */
  declare private view: TimeDomain | undefined;
  declare private announcement: string;

  private readonly playback: TimelinePlayback;
  private readonly sessions: SessionController;
  private readonly scrub: ScrubController;
  private readonly brush: ScrubController;
  private readonly resizeObserver: ResizeObserver;
  private readonly reducedMotionQuery: MediaQueryList | undefined;
  private observedPlot: Element | undefined;
  private brushSurface: HTMLElement | undefined;
  private brushAnchor: EpochMs | undefined;
  private brushMoved = false;
  private lastAnnounced = -Infinity;
  private followedTime: EpochMs | undefined;
  private cachedSnapshot: IncidentSnapshot | undefined;
  private cachedBounds: TimeRange | undefined;
  private cachedLayout: AlertLayout = EMPTY_LAYOUT;
  private cachedDomain: TimeDomain | undefined;
  private cachedColumns: { key: string; columns: MarkerColumn[] } | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.duration = DEFAULT_PLAYBACK_DURATION;
    this.loop = false;
    this.timeZone = 'UTC';
    this.clock = browserFrameClock;
    this.plotWidth = 0;
    this.activeMarkerId = undefined;
    this.view = undefined;
    this.announcement = '';
    this.reducedMotionQuery =
      typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;

    this.playback = new TimelinePlayback(this, {
      session: () => this.sessions.session,
      alertTimes: () => this.layout().layout.times,
      clock: this.clock,
      loop: () => this.loop,
      reducedMotion: () => this.reducedMotionQuery?.matches === true,
    });
    this.sessions = new SessionController(this, {
      onChange: (keys, session) => {
        this.playback.sessionChanged(keys, session);
        this.announce(keys, session);
      },
      onSessionChange: (session) => {
        this.view = undefined;
        this.playback.sessionReplaced(session);
      },
    });
    this.scrub = new ScrubController(this, {
      surface: () => this.renderRoot.querySelector<HTMLElement>('.plot') ?? undefined,
      timeAt: (position) => this.timeAtViewPosition(position),
      clock: () => this.clock,
      onStart: () => this.playback.hold(),
      onSeek: (time) => this.playback.seek(time),
      onEnd: () => this.playback.release(),
    });
    this.brush = new ScrubController(this, {
      surface: () => this.brushSurface,
      timeAt: (position) => this.timeAtViewPosition(position),
      clock: () => this.clock,
      onStart: () => (this.brushMoved = false),
      onSeek: (time) => this.brushTo(time),
      onEnd: () => this.finishBrush(),
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

    // When the time cursor moves out of the visible window, the window pages along with it.
    // Zooming and panning alone may leave the cursor outside.
    const { domain } = this.layout();
    const time = this.sessions.session?.time;
    if (time === this.followedTime) return;
    this.followedTime = time;
    if (this.view && domain && time !== undefined) this.view = revealTime(domain, this.view, time);
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
      this.cachedColumns = undefined;
      this.view = undefined;
      // Without bounds no record has a time, so every alert lands in the untimed list and the
      // placeholder domain places nothing.
      this.cachedLayout = snapshot
        ? layoutAlerts(snapshot.alerts, this.cachedDomain ?? { start: 0, end: 1 })
        : EMPTY_LAYOUT;
    }
    return { layout: this.cachedLayout, domain: this.cachedDomain };
  }

  /** Returns the visible window: the zoomed view, or the whole incident. */
  private visibleDomain(): TimeDomain | undefined {
    return this.view ?? this.layout().domain;
  }

  private timeAtViewPosition(position: number): EpochMs | undefined {
    const view = this.visibleDomain();
    return view && timeAtPosition(view, position);
  }

  /** Returns the marker columns of the visible window, recomputed when the window or width changed. */
  private columns(layout: AlertLayout, view: TimeDomain): MarkerColumn[] {
    const width = this.plotWidth > 0 ? this.plotWidth : 600;
    const key = `${view.start}|${view.end}|${width}`;
    if (this.cachedColumns?.key !== key) {
      const canZoomIn = view.end - view.start > MIN_VIEW_SPAN;
      this.cachedColumns = { key, columns: groupMarkers(layout.markers, view, MARKER_SIZE / width, MAX_STACK, canZoomIn) };
    }
    return this.cachedColumns.columns;
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
    const view = this.visibleDomain();
    const bounds = session.timeBounds;
    return html`
      <div role="group" aria-label=${label}>
        ${this.renderControlRow(session, domain, view)}
        ${view && bounds
          ? html`${this.renderTrack(session, layout, view, bounds)}${this.renderAxis(view)}`
          : html`<p class="message" part="message">${msg('timeline.noTimes')}</p>`}
        ${this.renderUntimed(session, layout.untimed)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderMessage(label: string, text: string): TemplateResult {
    return html`<div role="group" aria-label=${label}><p class="message" part="message">${text}</p></div>`;
  }

  private renderControlRow(
    session: IncidentSession,
    domain: TimeDomain | undefined,
    view: TimeDomain | undefined,
  ): TemplateResult {
    const bounds = session.timeBounds;
    const range = session.range;
    return renderControls(
      {
        playing: session.playing,
        speed: session.speed,
        loop: this.loop,
        canPlay: bounds !== undefined && bounds.end > bounds.start,
        hasTimes: bounds !== undefined,
        canZoomOut: domain !== undefined && view !== undefined && !showsAll(domain, view),
        canZoomIn: view !== undefined && view.end - view.start > MIN_VIEW_SPAN,
        readout: session.time === undefined ? '' : formatDateTime(session.time, this.timeZone),
        range: range
          ? msg('timeline.range', {
              start: formatDateTime(range.start, this.timeZone),
              end: formatDateTime(range.end, this.timeZone),
            })
          : undefined,
      },
      {
        toStart: () => this.seekTo(bounds?.start),
        previous: () => this.playback.step(-1),
        togglePlayback: this.togglePlayback,
        next: () => this.playback.step(1),
        toEnd: () => this.seekTo(bounds?.end),
        setSpeed: (speed) => this.playback.setSpeed(speed),
        toggleLoop: () => (this.loop = !this.loop),
        zoomIn: () => this.zoomAroundCursor(ZOOM_STEP),
        zoomOut: () => this.zoomAroundCursor(1 / ZOOM_STEP),
        showAll: () => (this.view = undefined),
        clearRange: () => this.changeRange(null),
      },
    );
  }

  private renderTrack(
    session: IncidentSession,
    layout: AlertLayout,
    view: TimeDomain,
    bounds: TimeRange,
  ): TemplateResult {
    const time = session.time ?? bounds.end;
    const selected = new Set(session.selection.alertIds);
    const related = alertsOfEntities(layout.markers, session.selection.entityIds);
    const columns = this.columns(layout, view);
    const activeId = this.rovingId(columns, selected);
    const playheadPosition = positionOf(view, time);
    return html`
      <div class="track" part="track" style=${styleMap({ '--_stack-count': String(Math.max(1, tallestStack(columns))) })}
        @pointerdown=${this.handleTrackPointerDown} @wheel=${this.handleWheel}>
        <div class="plot">
          ${this.renderRange(session.range, view)}
          ${columns.map((column) => column.cluster ? nothing : column.markers.map((marker, stack) => this.renderSpan(marker, column, stack, view)))}
          <div role="group" aria-label=${msg('timeline.markers')} @keydown=${this.handleMarkerKeyDown}>
            ${columns.map((column) => column.cluster
              ? this.renderCluster(column, time, activeId)
              : column.markers.map((marker, stack) => this.renderMarker(marker, column, stack, time, selected, related, activeId)))}
          </div>
          <div class="playhead" part="playhead" ?hidden=${playheadPosition < 0 || playheadPosition > 1}
            style=${styleMap({ '--_x': percent(playheadPosition) })}>
            <div class="handle" part="handle" role="slider" tabindex="0" aria-label=${msg('timeline.playhead')}
              aria-orientation="horizontal" aria-valuemin=${bounds.start} aria-valuemax=${bounds.end}
              aria-valuenow=${time} aria-valuetext=${formatDateTime(time, this.timeZone)}
              @keydown=${this.handleSliderKeyDown}></div>
          </div>
        </div>
      </div>
    `;
  }

  private renderRange(range: TimeRange | null, view: TimeDomain): TemplateResult | typeof nothing {
    if (!range) return nothing;
    const start = Math.max(0, positionOf(view, range.start));
    const end = Math.min(1, positionOf(view, range.end));
    if (end < start) return nothing;
    return html`<div class="range" part="range" style=${styleMap({ '--_x': percent(start), '--_width': percent(end - start) })}></div>`;
  }

  private renderSpan(marker: AlertMarker, column: MarkerColumn, stack: number, view: TimeDomain): TemplateResult | typeof nothing {
    if (marker.endTime === undefined) return nothing;
    const end = Math.min(1, positionOf(view, marker.endTime));
    const style = {
      '--_x': percent(column.position),
      '--_width': percent(Math.max(0, end - column.position)),
      '--_stack': String(stack),
    };
    return html`<div class="span ${marker.alert.severity}" part="span" style=${styleMap(style)}></div>`;
  }

  private renderMarker(
    marker: AlertMarker,
    column: MarkerColumn,
    stack: number,
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
    const style = { '--_x': percent(column.position), '--_stack': String(stack) };
    return html`
      <button class=${classes} part=${part} type="button"
        data-alert-id=${alert.id} style=${styleMap(style)} aria-label=${name}
        aria-pressed=${isSelected ? 'true' : 'false'} tabindex=${alert.id === activeId ? 0 : -1}
        @focus=${() => (this.activeMarkerId = alert.id)} @click=${() => this.toggleAlert(alert.id)}>
        ${severityShape(alert.severity)}
      </button>
    `;
  }

  private renderCluster(column: MarkerColumn, time: EpochMs, activeId: string | undefined): TemplateResult {
    const id = clusterId(column);
    const name = msg('timeline.cluster', {
      count: column.markers.length,
      severity: severityLabel(column.severity),
      start: formatDateTime(column.start, this.timeZone),
      end: formatDateTime(column.end, this.timeZone),
    });
    return html`
      <button class="cluster ${column.severity}${column.start > time ? ' future' : ''}" part="cluster" type="button"
        data-cluster-id=${id} style=${styleMap({ '--_x': percent(column.position) })} aria-label=${name}
        tabindex=${id === activeId ? 0 : -1}
        @focus=${() => (this.activeMarkerId = id)} @click=${() => this.zoomToColumn(column)}>
        <span class="cluster-count" aria-hidden="true">${column.markers.length}</span>
      </button>
    `;
  }

  private renderAxis(view: TimeDomain): TemplateResult {
    const count = this.plotWidth > 0 ? Math.max(2, Math.floor(this.plotWidth / TICK_SPACING)) : 6;
    const ticks = axisTicks(view, this.timeZone, count);
    // The ticks repeat the slider's value text, so they are hidden from assistive technology.
    // A drag on the axis row selects a range; the keyboard does the same on the slider.
    return html`
      <div class="axis" part="axis" aria-hidden="true" @pointerdown=${this.handleAxisPointerDown}>
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

  /** Returns the marker or cluster that takes the tab stop: the focused one, else the first selected, else the first. */
  private rovingId(columns: readonly MarkerColumn[], selected: ReadonlySet<string>): string | undefined {
    let first: string | undefined;
    let firstSelected: string | undefined;
    for (const column of columns) {
      const ids = column.cluster ? [clusterId(column)] : column.markers.map((marker) => marker.alert.id);
      for (const id of ids) {
        if (id === this.activeMarkerId) return id;
        first ??= id;
        if (firstSelected === undefined && selected.has(id)) firstSelected = id;
      }
    }
    return firstSelected ?? first;
  }

  /**
   * Announces the time politely while playing, at most once per `ANNOUNCE_INTERVAL` of wall
   * time, and where playback paused or ended.
   */
  private announce(keys: ReadonlySet<SessionKey>, session: IncidentSession): void {
    const time = session.time;
    if (time === undefined) return;

    if (keys.has('playback') && !session.playing && this.lastAnnounced > -Infinity) {
      const atEnd = session.timeBounds !== undefined && time >= session.timeBounds.end;
      const formatted = formatDateTime(time, this.timeZone);
      this.announcement = atEnd ? msg('timeline.announceEnd', { time: formatted }) : msg('timeline.announcePaused', { time: formatted });
      this.lastAnnounced = -Infinity;
      return;
    }

    if (!keys.has('time') || !session.playing) return;
    const now = this.clock.now();
    if (now - this.lastAnnounced < ANNOUNCE_INTERVAL) return;
    this.lastAnnounced = now;

    const markers = this.layout().layout.markers;
    const latest = markers[countMarkersAtOrBefore(markers, time) - 1];
    const formatted = formatDateTime(time, this.timeZone);
    this.announcement = latest
      ? msg('timeline.announceAlert', { time: formatted, title: latest.alert.title })
      : msg('timeline.announceTime', { time: formatted });
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

  /** Sets the session's range for a user, and reports it when it changed. */
  private changeRange(range: TimeRange | null): void {
    const session = this.sessions.session;
    if (!session) return;
    const before = session.range;
    session.setRange(range);
    if (session.range === before) return;
    this.dispatchEvent(new RangeChangeEvent(session.range && { ...session.range }));
  }

  private brushTo(time: EpochMs): void {
    if (this.brushAnchor === undefined || time === this.brushAnchor) return;
    this.brushMoved = true;
    this.changeRange({ start: this.brushAnchor, end: time });
  }

  private finishBrush(): void {
    // A press without a drag selects no range: it clears the one there is.
    if (!this.brushMoved) this.changeRange(null);
    this.brushAnchor = undefined;
    this.brushSurface = undefined;
  }

  private zoomAroundCursor(factor: number): void {
    const domain = this.layout().domain;
    const view = this.visibleDomain();
    const time = this.sessions.session?.time;
    if (!domain || !view) return;
    const anchor = time === undefined ? 0.5 : Math.min(1, Math.max(0, positionOf(view, time)));
    this.setView(zoomView(domain, view, factor, anchor));
  }

  private zoomToColumn(column: MarkerColumn): void {
    const domain = this.layout().domain;
    if (!domain) return;
    // A little room on both sides, so the first and last alerts are not on the edges.
    const padding = Math.max((column.end - column.start) * 0.1, MIN_VIEW_SPAN / 2);
    this.setView(zoomView(domain, { start: column.start - padding, end: column.end + padding }, 1, 0.5));
  }

  private setView(view: TimeDomain): void {
    const domain = this.layout().domain;
    this.view = domain && showsAll(domain, view) ? undefined : view;
  }

  private readonly togglePlayback = (): void => {
    if (this.sessions.session?.playing) this.playback.pause();
    else this.playback.play();
  };

  private readonly handleTrackPointerDown = (event: PointerEvent): void => {
    const target = event.target as Element;
    if (target.closest('.marker, .cluster')) return;

    if (event.shiftKey) {
      this.startBrush(event, this.renderRoot.querySelector<HTMLElement>('.plot') ?? undefined);
      return;
    }
    if (!this.scrub.start(event)) return;

    // Keep focus on the slider, so the keyboard continues from where the pointer left the time.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('.handle')?.focus({ preventScroll: true });
  };

  private readonly handleAxisPointerDown = (event: PointerEvent): void => {
    this.startBrush(event, event.currentTarget as HTMLElement);
  };

  private startBrush(event: PointerEvent, surface: HTMLElement | undefined): void {
    const rect = surface?.getBoundingClientRect();
    if (!surface || !rect || !(rect.width > 0)) return;

    // The anchor is read here, because the controller reports only the last position of a frame.
    const position = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    this.brushAnchor = this.timeAtViewPosition(position);
    this.brushSurface = surface;
    if (this.brushAnchor === undefined || !this.brush.start(event)) {
      this.brushSurface = undefined;
      this.brushAnchor = undefined;
      return;
    }
    event.preventDefault();
  }

  private readonly handleWheel = (event: WheelEvent): void => {
    const domain = this.layout().domain;
    const view = this.visibleDomain();
    const plot = this.renderRoot.querySelector('.plot');
    if (!domain || !view || !plot) return;

    const rect = plot.getBoundingClientRect();
    if (!(rect.width > 0)) return;
    event.preventDefault();

    const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (horizontal && !event.ctrlKey) {
      const pixels = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
      this.setView(panView(domain, view, pixels / rect.width));
      return;
    }

    const anchor = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    this.setView(zoomView(domain, view, ZOOM_STEP ** (-event.deltaY / WHEEL_ZOOM_PIXELS), anchor));
  };

  private readonly handleSliderKeyDown = (event: KeyboardEvent): void => {
    const session = this.sessions.session;
    const bounds = session?.timeBounds;
    const view = this.visibleDomain();
    if (!session || !bounds || !view) return;

    const time = session.time ?? bounds.end;
    const page = (view.end - view.start) * PAGE_FRACTION;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        this.playback.step(-1);
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        this.playback.step(1);
        break;
      case 'PageDown':
        this.playback.seek(time - page);
        break;
      case 'PageUp':
        this.playback.seek(time + page);
        break;
      case 'Home':
        this.playback.seek(bounds.start);
        break;
      case 'End':
        this.playback.seek(bounds.end);
        break;
      case '+':
      case '=':
        this.zoomAroundCursor(ZOOM_STEP);
        break;
      case '-':
        this.zoomAroundCursor(1 / ZOOM_STEP);
        break;
      case '0':
        this.view = undefined;
        break;
      case '[':
        this.changeRange({ start: time, end: Math.max(time, session.range?.end ?? bounds.end) });
        break;
      case ']':
        this.changeRange({ start: Math.min(time, session.range?.start ?? bounds.start), end: time });
        break;
      case 'Escape':
        if (!session.range) return;
        this.changeRange(null);
        break;
      default:
        return;
    }

    event.preventDefault();
  };

  private readonly handleMarkerKeyDown = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.marker, button.cluster')];
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
    this.activeMarkerId = button.dataset['alertId'] ?? button.dataset['clusterId'];
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

/** Returns a key for a cluster that stays the same while the window keeps its markers. */
function clusterId(column: MarkerColumn): string {
  return `cluster:${column.markers[0]!.alert.id}`;
}

/** Counts the markers (in time order) at or before `time`, by binary search. */
function countMarkersAtOrBefore(markers: readonly AlertMarker[], time: EpochMs): number {
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (markers[middle]!.time <= time) low = middle + 1;
    else high = middle;
  }
  return low;
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

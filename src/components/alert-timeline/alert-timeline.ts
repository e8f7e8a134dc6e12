import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { styleProperties } from '../shared/style-properties.js';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { EpochMs, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession, TimeRange } from '../../session/session.js';
import { RangeChangeEvent, SelectionChangeEvent } from '../shared/events.js';
import { getTimeZone, isValidTimeZone, type DisplayZone } from '../shared/locale.js';
import { LocaleController } from '../shared/locale-controller.js';
import { SessionController } from '../shared/session-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { alertTimelineStyles } from './alert-timeline.styles.js';
import { ZOOM_STEP } from './axis-view.js';
import { AxisWindow } from './axis-window.js';
import { groupMarkers, tallestStack, type MarkerColumn } from './density.js';
import { PlaybackAnnouncer } from './playback-announcer.js';
import { DEFAULT_PLAYBACK_DURATION, browserFrameClock, type FrameClock } from './playback-clock.js';
import { TimelinePlayback } from './playback-controller.js';
import { RangeBrush } from './range-brush.js';
import { ScrubController } from './scrub-controller.js';
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
} from './time-axis.js';
import { renderControls } from './timeline-controls.js';
import { clusterId, percent, renderAxis, renderColumn, renderRange, renderSpans, renderUntimed } from './timeline-markers.js';
import { TickSpacing } from './tick-spacing.js';
import { applySliderKey, markerIndexAfterKey } from './timeline-keys.js';
import { TIMELINE_STRINGS } from './timeline-strings.js';

registerStrings(TIMELINE_STRINGS);

const EMPTY_LAYOUT: AlertLayout = { markers: [], untimed: [], times: [], maxStack: 0 };

// Markers are this wide, in CSS pixels: markers closer than this share a column.
const MARKER_SIZE = 24;

// A column of more markers than this becomes a counted cluster, when zooming in can part it.
const MAX_STACK = 4;

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
 * The axis zooms and pans. The wheel zooms around the pointer, and so do a touchpad pinch
 * (which the browser reports as a wheel with Ctrl) and a two-finger pinch on the track. A
 * horizontal or Shift wheel pans, and the zoom buttons and keys zoom around the time cursor.
 * Tick labels follow the zoom, from milliseconds to years. The element measures them after
 * each zoom or resize and uses fewer ticks while two labels would overlap. The window follows
 * the time cursor when it leaves the window.
 *
 * Playback moves the time cursor from where it is to the end of the incident. At speed 1 the
 * whole incident plays in `duration` ms, and the session's `speed` multiplies that rate. Speed
 * 0 (`ONE_ALERT_PER_SECOND`) instead jumps to the next alert time once per second. Each frame
 * computes the time from the last play, seek or speed change
 * (`anchorTime + (now - anchorWall) * rate`), so irregular or dropped frames never make it
 * drift. A page that comes back from the background continues where it was rather than
 * jumping ahead. Playback stops at the end, or with `loop` starts again from the start. Play
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
 * and end. On the slider, + and - zoom around the cursor and 0 shows the whole incident.
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
 * @property {DisplayZone | undefined} timeZone - Zone of tick labels and readable times: `UTC`, the viewer's zone (`local`) or an IANA zone such as `Europe/Paris`. Unset, the zone of `setTimeZone`, which is UTC by default, like every time the other elements show. Another value warns once and is ignored. A time in an hour that daylight saving repeats carries its UTC offset. Attribute `time-zone`.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the element. Absent or any other value follows `prefers-color-scheme`. Attribute `theme`, reflected.
 * @property {FrameClock} clock - Wall time and frame scheduling for playback and scrubbing. Defaults to `performance.now` and `requestAnimationFrame`. Tests set a manual clock. Property only.
 *
 * @fires {TimeChangeEvent} il-time-change - A user moved the time cursor by scrubbing, the slider keys, the step, start and end buttons, or playback they started. Scrubbing fires at most once per animation frame. Playback fires once per frame that passes one or more alert times, at each loop restart, and once at the end. Detail: `TimeChangeDetail`, `{ time }`.
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
 * @cssprop --il-alert-timeline-max-stack-height - Height that a stack of alerts grows to at most; a taller stack overlaps its markers, each keeping its bottom part visible. Defaults to 144px.
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
    theme: { reflect: true },
    clock: { attribute: false },
    plotWidth: { state: true },
    activeMarkerId: { state: true },
  };

  declare session: IncidentSession | undefined;
  declare adapter: IncidentDataAdapter | undefined;
  declare incidentId: string | undefined;
  declare duration: number;
  declare loop: boolean;
  declare timeZone: DisplayZone | undefined;
  declare theme: ThemeName | undefined;
  declare clock: FrameClock;
  declare private plotWidth: number;
  declare private activeMarkerId: string | undefined;

  private readonly playback: TimelinePlayback;
  private readonly sessions: SessionController;
  private readonly scrub: ScrubController;
  private readonly brush: RangeBrush;
  private readonly axisWindow: AxisWindow;
  private readonly tickSpacing: TickSpacing;
  private readonly announcer: PlaybackAnnouncer;
  private readonly resizeObserver: ResizeObserver;
  private readonly format = new LocaleController(this);
  private readonly reducedMotionQuery: MediaQueryList | undefined;
  private observedPlot: Element | undefined;
  private cachedSnapshot: IncidentSnapshot | undefined;
  private cachedBounds: TimeRange | undefined;
  private cachedLayout: AlertLayout = EMPTY_LAYOUT;
  private cachedDomain: TimeDomain | undefined;
  private cachedColumns: { key: string; columns: MarkerColumn[] } | undefined;
  /** The invalid `timeZone` value warned about last, so each is reported once. */
  private warnedZone: string | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.duration = DEFAULT_PLAYBACK_DURATION;
    this.loop = false;
    this.timeZone = undefined;
    this.theme = undefined;
    this.clock = browserFrameClock;
    this.plotWidth = 0;
    this.activeMarkerId = undefined;
    this.reducedMotionQuery =
      typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;

    this.playback = new TimelinePlayback(this, {
      session: () => this.sessions.session,
      alertTimes: () => this.layout().layout.times,
      clock: this.clock,
      loop: () => this.loop,
      reducedMotion: () => this.reducedMotionQuery?.matches === true,
    });
    this.announcer = new PlaybackAnnouncer({
      now: () => this.clock.now(),
      markers: () => this.layout().layout.markers,
      format: (time) => this.formatTime(time),
    });
    this.sessions = new SessionController(this, {
      onChange: (keys, session) => {
        this.playback.sessionChanged(keys, session);
        this.announcer.update(keys, session);
      },
      onSessionChange: (session) => this.playback.sessionReplaced(session),
    });
    this.axisWindow = new AxisWindow(this, {
      full: () => this.layout().domain,
      time: () => this.sessions.session?.time,
      plot: () => this.plot(),
    });
    // Added after the axis window, so that its `hostUpdate` reads the window of this update.
    this.tickSpacing = new TickSpacing(this, {
      ticks: () => [...this.renderRoot.querySelectorAll('.tick')],
      scaleKey: () => this.axisScaleKey(),
      key: () => `${this.axisWindow.visible?.start}|${this.axisScaleKey()}`,
      width: () => this.plotWidth,
    });
    this.scrub = new ScrubController(this, {
      surface: () => this.plot(),
      timeAt: (position) => this.timeAtViewPosition(position),
      clock: () => this.clock,
      onStart: () => this.playback.hold(),
      onSeek: (time) => this.playback.seek(time),
      onEnd: () => this.playback.release(),
    });
    this.brush = new RangeBrush(this, {
      timeAt: (position) => this.timeAtViewPosition(position),
      clock: () => this.clock,
      onChange: (range) => this.changeRange(range),
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
    const plot = this.plot();
    if (plot === this.observedPlot) return;
    this.resizeObserver.disconnect();
    this.observedPlot = plot;
    if (plot) this.resizeObserver.observe(plot);
  }

  private plot(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('.plot') ?? undefined;
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
      // Without bounds no record has a time, so every alert lands in the untimed list and the
      // placeholder domain places nothing.
      this.cachedLayout = snapshot
        ? layoutAlerts(snapshot.alerts, this.cachedDomain ?? { start: 0, end: 1 })
        : EMPTY_LAYOUT;
    }
    return { layout: this.cachedLayout, domain: this.cachedDomain };
  }

  /** Returns what the tick scale depends on: the visible span, the plot width, the zone and the locale. */
  private axisScaleKey(): string {
    const view = this.axisWindow.visible;
    return view ? `${view.end - view.start}|${this.plotWidth}|${this.displayZone()}|${this.format.locale}` : '';
  }

  /** Returns the zone in effect: `timeZone` when it names a zone, else the library's. */
  private displayZone(): DisplayZone {
    const zone = this.timeZone;
    if (zone === undefined || zone === null || zone === '') return getTimeZone();
    if (isValidTimeZone(zone)) return zone;

    if (this.warnedZone !== zone) {
      this.warnedZone = zone;
      console.warn(
        `${this.localName}: time-zone=${JSON.stringify(zone)} is not 'local', 'UTC' or an IANA zone that this browser supports, ` +
          `so times show in ${getTimeZone()}. Use a zone name such as "Europe/Paris".`,
        this,
      );
    }
    return getTimeZone();
  }

  /** Formats a time for readouts and accessible names, in the zone and locale in effect. */
  private formatTime(time: EpochMs): string {
    return formatDateTime(time, this.displayZone(), this.format.locale);
  }

  private timeAtViewPosition(position: number): EpochMs | undefined {
    const view = this.axisWindow.visible;
    return view && timeAtPosition(view, position);
  }

  /** Returns the marker columns of the visible window, recomputed when the window or width changed. */
  private columns(layout: AlertLayout, view: TimeDomain): MarkerColumn[] {
    const width = this.plotWidth > 0 ? this.plotWidth : 600;
    const key = `${view.start}|${view.end}|${width}`;
    if (this.cachedColumns?.key !== key) {
      const columns = groupMarkers(layout.markers, view, MARKER_SIZE / width, MAX_STACK, this.axisWindow.canZoomIn);
      this.cachedColumns = { key, columns };
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

    const { layout } = this.layout();
    const view = this.axisWindow.visible;
    const bounds = session.timeBounds;
    const count = this.plotWidth > 0 ? Math.max(2, Math.floor(this.plotWidth / this.tickSpacing.spacing)) : 6;
    return html`
      <div role="group" aria-label=${label}>
        ${this.renderControlRow(session)}
        ${view && bounds
          ? html`${this.renderTrack(session, layout, view, bounds)}${renderAxis(axisTicks(view, this.displayZone(), count, this.format.locale), this.handleAxisPointerDown)}`
          : html`<p class="message" part="message">${msg('timeline.noTimes')}</p>`}
        ${renderUntimed(layout.untimed, new Set(session.selection.alertIds), (id) => this.toggleAlert(id), this.format.number(layout.untimed.length))}
        <div class="visually-hidden" role="status">${this.announcer.text}</div>
      </div>
    `;
  }

  private renderMessage(label: string, text: string): TemplateResult {
    return html`<div role="group" aria-label=${label}><p class="message" part="message">${text}</p></div>`;
  }

  private renderControlRow(session: IncidentSession): TemplateResult {
    const bounds = session.timeBounds;
    const range = session.range;
    const format = (time: EpochMs): string => this.formatTime(time);
    return renderControls(
      {
        playing: session.playing,
        speed: session.speed,
        loop: this.loop,
        canPlay: bounds !== undefined && bounds.end > bounds.start,
        hasTimes: bounds !== undefined,
        canZoomOut: this.axisWindow.canZoomOut,
        canZoomIn: this.axisWindow.canZoomIn,
        readout: session.time === undefined ? '' : format(session.time),
        range: range ? msg('timeline.range', { start: format(range.start), end: format(range.end) }) : undefined,
        formatNumber: (value) => this.format.number(value),
      },
      {
        toStart: () => this.seekTo(bounds?.start),
        previous: () => this.playback.step(-1),
        togglePlayback: this.togglePlayback,
        next: () => this.playback.step(1),
        toEnd: () => this.seekTo(bounds?.end),
        setSpeed: (speed) => this.playback.setSpeed(speed),
        toggleLoop: () => (this.loop = !this.loop),
        zoomIn: () => this.axisWindow.zoomAroundCursor(ZOOM_STEP),
        zoomOut: () => this.axisWindow.zoomAroundCursor(1 / ZOOM_STEP),
        showAll: () => this.axisWindow.reset(),
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
    const columns = this.columns(layout, view);
    const state = {
      view,
      time,
      selected,
      related: alertsOfEntities(layout.markers, session.selection.entityIds),
      activeId: this.rovingId(columns, selected),
      format: (value: EpochMs) => this.formatTime(value),
      formatNumber: (value: number) => this.format.number(value),
      onFocus: (id: string) => (this.activeMarkerId = id),
      onSelect: (id: string) => this.toggleAlert(id),
      onZoomTo: (column: MarkerColumn) => this.axisWindow.zoomTo(column.start, column.end),
    };
    const playheadPosition = positionOf(view, time);
    return html`
      <div class="track" part="track" style=${styleProperties({ '--_stack-count': String(Math.max(1, tallestStack(columns))) })}
        @pointerdown=${this.handleTrackPointerDown} @wheel=${this.handleWheel}>
        <div class="plot">
          ${renderRange(session.range, view)}
          ${columns.map((column) => renderSpans(column, view))}
          <div role="group" aria-label=${msg('timeline.markers')} @keydown=${this.handleMarkerKeyDown}>
            ${columns.map((column) => renderColumn(column, state))}
          </div>
          <div class="playhead" part="playhead" ?hidden=${playheadPosition < 0 || playheadPosition > 1}
            style=${styleProperties({ '--_x': percent(playheadPosition) })}>
            <div class="handle" part="handle" role="slider" tabindex="0" aria-label=${msg('timeline.playhead')}
              aria-orientation="horizontal" aria-valuemin=${bounds.start} aria-valuemax=${bounds.end}
              aria-valuenow=${time} aria-valuetext=${this.formatTime(time)}
              @keydown=${this.handleSliderKeyDown}></div>
          </div>
        </div>
      </div>
    `;
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

  private readonly togglePlayback = (): void => {
    if (this.sessions.session?.playing) this.playback.pause();
    else this.playback.play();
  };

  private readonly handleTrackPointerDown = (event: PointerEvent): void => {
    const target = event.target as Element;
    if (this.axisWindow.touchStart(event)) {
      this.scrub.end();
      return;
    }
    if (target.closest('.marker, .cluster')) return;

    if (event.shiftKey) {
      if (this.brush.start(event, this.plot())) event.preventDefault();
      return;
    }
    if (!this.scrub.start(event)) return;

    // Keep focus on the slider, so the keyboard continues from where the pointer left the time.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('.handle')?.focus({ preventScroll: true });
  };

  private readonly handleAxisPointerDown = (event: PointerEvent): void => {
    if (this.brush.start(event, event.currentTarget as HTMLElement)) event.preventDefault();
  };

  private readonly handleWheel = (event: WheelEvent): void => {
    this.axisWindow.handleWheel(event);
  };

  private readonly handleSliderKeyDown = (event: KeyboardEvent): void => {
    const session = this.sessions.session;
    const bounds = session?.timeBounds;
    const view = this.axisWindow.visible;
    if (!session || !bounds || !view) return;

    const handled = applySliderKey(event.key, {
      time: session.time ?? bounds.end,
      bounds,
      range: session.range,
      view,
      step: (direction) => this.playback.step(direction),
      seek: (time) => this.playback.seek(time),
      zoom: (factor) => this.axisWindow.zoomAroundCursor(factor),
      showAll: () => this.axisWindow.reset(),
      changeRange: (range) => this.changeRange(range),
    });
    if (handled) event.preventDefault();
  };

  private readonly handleMarkerKeyDown = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.marker, button.cluster')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;

    const next = markerIndexAfterKey(event.key, index, buttons.length);
    if (next === undefined) return;

    event.preventDefault();
    const button = buttons[next]!;
    this.activeMarkerId = button.dataset['alertId'] ?? button.dataset['clusterId'];
    button.focus();
  };
}

// Lit's development build warns when `updated` requests another update. The tick spacing does
// so on purpose: it can only measure the labels after they render, and it stops once they fit
// or the axis is down to two ticks.
AlertTimeline.disableWarning?.('change-in-update');

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

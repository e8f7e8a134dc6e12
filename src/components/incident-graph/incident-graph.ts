import { LitElement, type PropertyValues } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import type { IncidentFilters } from '../../session/filters.js';
import { SelectionChangeEvent } from '../shared/events.js';
import { SessionController } from '../shared/session-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { ColorSchemeController } from './color-scheme.js';
import { CanvasSurface } from './canvas-surface.js';
import type { DisplayModel, NodeView } from './display-model.js';
import type { Camera, FitOptions, Point, ViewInsets } from './geometry.js';
import { DEFAULT_MAX_ZOOM, DEFAULT_MIN_ZOOM } from './camera-fit.js';
import { CameraControl } from './camera-control.js';
import { GraphBinding } from './graph-binding.js';
import { FrameLoop } from './frame-loop.js';
import { FrameDrawer } from './frame-drawer.js';
import { renderGraphView } from './graph-template.js';
import { GraphInteraction } from './interaction.js';
import type { SelectionTool } from './selection-gesture.js';
import { DEFAULT_GROUP_THRESHOLD, type GroupInfo } from './grouping.js';
import { GroupToggleEvent } from './events.js';
import { interactionStyles } from './interaction-styles.js';
import type { PngOptions } from './export.js';
import { LazyModule } from './lazy-module.js';
import { MinimapLoader } from './minimap-loader.js';
import type { MotionCache } from './motion-cache.js';
import type { LayoutKind } from '../../layout/index.js';
import { readPalette } from './palette.js';
import { incidentGraphStyles } from './styles.js';
import { ZoomCamera, type GestureHandling } from './zoom-camera.js';
import { GestureHint } from './gesture-hint.js';
import { UserSelection } from './user-selection.js';

export type { Camera, FitOptions, ViewInsets } from './geometry.js';
export type { SelectionTool } from './selection-gesture.js';
export type { GestureHandling } from './zoom-camera.js';

/**
 * The attack-story graph of one incident: alerts and entities as nodes on a canvas, with kind
 * icons, verdict rings and remediation marks, directed relation and evidence edges, pan and
 * zoom, selection with highlight, and the session's time cursor. An edge's arrow points from its
 * source to its target, except a `parentProcess` relation's: the data links a child process to
 * its parent, and the arrow points from the parent to the child it created.
 *
 * The data comes from the most explicit source given: the `graph` property (a graphology
 * incident graph whose mutations are followed), else the `session` property, else a session of
 * the element's own loaded from `adapter` and `incident-id`, else an ancestor's session through
 * context. The time cursor applies when the graph drawn is the session's graph. Selection goes
 * to the session when there is one; without one the element keeps it itself.
 *
 * Positions are computed once for the whole incident by a seeded force layout and written into
 * the graph as `x` and `y`. So the same incident always looks the same, a host may save and
 * restore the positions, and moving the time cursor only hides nodes. The layout keeps nodes
 * off edges that are not their own where it can, since such an edge reads as a link, and
 * keeps other nodes as far from a node with self-loops as its outermost loop reaches. In a graph
 * of up to 120 nodes it does so while it cools, and up to 1,000 by moving nodes once it settles.
 *
 * Drawing follows the zoom. Node labels show from zoom 0.25, wherever they overlap no node,
 * keep 3 pixels from every other label and lie wholly in view. So a label near an edge moves
 * inward, or waits for the view to move rather than show cut. A long label loses its middle,
 * to 24 characters and 180 pixels up to zoom 1, and to up to twice that as the zoom grows to
 * 2, where room allows. A label below or above its node slides sideways into view while it
 * still spans the node's centre. Of the free positions, the first that none of the node's
 * own edges crosses near the node is taken: a curved edge counts along its curve, a self-loop
 * up to its outer point. Each label sits on a backing in the background colour, so an edge that passes
 * under a label does not cross its text. They are placed by priority:
 * selected, hovered or active, hubs with many more edges than most, malicious, suspicious,
 * alerts by severity, then the rest, and nodes that a selection or a search dims come after
 * all others. The hovered or active node's label always shows, at every zoom, as do the labels
 * of up to 12 selected nodes, and a selected node's label may cover other nodes but no label.
 * Labels keep clear of the selection, hover and focus rings. The tooltip goes above the
 * hovered node, where its label goes last, or below it and its label near the top of the view.
 * Edge labels (a relation's type, an evidence edge's roles other than contextual) show from
 * zoom 1.5, and a long one loses its middle. A relation's label reads along its arrow, so a
 * `parentProcess` edge reads "created". A node's self-loops sit above it, unless one of its
 * edges comes within 60 degrees of straight up, or another node near the loops within 50.
 * They then go on the side (right, left, then below) that leaves them most room, a side
 * without a node first.
 * Their labels go beyond the outermost loop, a line per relation type, before other edge
 * labels, and drop their outer lines where there is no room. No edge label covers a loop, and
 * a node's label only where no other place is free.
 * Control characters in labels show as U+FFFD, bidirectional overrides and isolates included,
 * so a name cannot disguise the order of its characters. Line breaks and tabs show as spaces.
 * Kind icons and remediation badges show from zoom 0.5, and below zoom 0.25 nodes are plain
 * dots. Edges carry their evidence role in dash pattern and width from zoom 0.6: relation
 * solid, compromised solid and heaviest, attacker long dashes, source dashes, destination
 * dash-dot, contextual thin solid, any other role short dashes.
 *
 * Large incidents: the display model is built in slices of about 20 ms over several frames, so
 * the page stays responsive, and the previous picture stays until it is ready. While the
 * camera moves over a graph whose full redraw takes more than 8 ms, each frame moves and scales
 * the last full picture, and the graph is redrawn in full once the camera has rested for 150
 * ms. While a layout moves more than 2,000 visible nodes, they are drawn as dots.
 *
 * Accessibility: the drawing area is one focusable listbox (`role="listbox"`, multi-select)
 * named with the visible counts, whose options mirror the visible nodes with kind, name and
 * verdict. The active option is announced through `aria-activedescendant`. Only the 50 options
 * around the active one exist, each with `aria-setsize` and `aria-posinset`, so a screen reader
 * still announces each option's place in the whole list. Keyboard: arrow keys move the active
 * node to the nearest node in that direction (graph neighbours first, where a group stands for
 * its members). Home and End go to the first and last node. Enter or Space selects the active
 * node, and Shift adds it to the selection. Escape clears the selection, + and - zoom, and 0
 * fits the graph. Enter on a group expands it. G does what double-click does: it expands the
 * active group, or collapses the expanded group of the active member.
 *
 * Grouping: the entities of one kind that only one alert involves and that have at most one
 * relation to another entity (typically files, IP addresses, URLs, registry values, but never
 * devices, users, mailboxes or processes) collapse into one group node ("14 files") when there
 * are more than `groupThreshold` of them. A member's relation then ends at the group node. The
 * group node sits at the centroid of its members or, where that would overlap another node, at
 * the nearest clear place within 80 world units, tried first outward from its alert. In a
 * graph of more than 20,000 nodes it stays at the centroid. The time cursor and the filters
 * never move it. It shows its members' strongest verdict and a count
 * badge, and stands for the members in selection and in the listbox. Double-click or Enter
 * expands a group, and double-click on one of its members collapses it again. `expandGroup`,
 * `collapseGroup`, `expandAll` and `collapseAll` do the same for the host. Expanding is view
 * state, like the camera: the user's toggles fire `il-group-toggle`, and the host's calls fire
 * no event.
 *
 * Pointer: dragging empty space pans with a mouse, a pen or one finger, once the pointer has
 * moved 3 CSS pixels (10 for a finger), so a click that moves less still selects. The wheel, a
 * trackpad pinch and a two-finger pinch zoom around the pointer or the fingers' midpoint,
 * within `min-zoom` and `max-zoom`, and the wheel over the element does not scroll the page.
 * In a page that scrolls, `gesture-handling="cooperative"` leaves the wheel and a lone finger
 * to the page, and zooms with Ctrl or Cmd and the wheel, and pans with two fingers.
 * Double-click does not zoom, and a press with a secondary button or with Ctrl does not pan.
 * Dragging a node moves it, writes its `x` and `y` into the graph and pins it (`fixed: true`,
 * so the layout keeps it there). Double-click on a pinned node releases it (`fixed: false`).
 * Click selects a node, and Shift-click adds or removes one. Shift with a drag on empty space
 * draws a shape and adds the nodes whose centre lies inside it to the selection, in one
 * `il-selection-change`. The shape is a rectangle, or with `selection-tool="lasso"` a freehand
 * outline that closes with a straight line back to its start. Where the outline crosses itself,
 * its loops alternate between inside and outside (the even-odd rule). The shapes' code loads on
 * the first such drag, so the first shape shows a moment after the pointer moves, and its
 * selection waits for that code when the pointer is released sooner. Neither a node drag nor
 * a Shift drag pans. Escape during a node drag puts the node back, and during a Shift drag
 * selects nothing.
 *
 * The keyboard has a path for each pointer action, so multi-select needs no pointer. P pins or
 * releases the active node. Alt with an arrow key moves it by 10 CSS pixels (1 with Shift too)
 * and pins it. Shift+Enter or Shift+Space adds it to the selection or removes it, and Ctrl+A
 * (Cmd+A) selects every visible node. F fits the selection (every node when none is selected).
 * Ctrl with an arrow key pans the view by 50 CSS pixels, and the view follows the active node.
 *
 * `search` emphasises the nodes whose label or id contains its text and dims the rest. With a
 * session, an entity also matches by a property value, such as a hash or a command line. The
 * listbox's name then says how many match. A minimap of the whole graph with the view's
 * rectangle shows in the bottom right corner for more than 150 visible nodes or with the
 * `minimap` attribute. A click or drag in it pans the view there. Its code loads the first
 * time it shows. `toPNG()` and `toSVG()` export the whole graph, not only the part in view.
 *
 * @tagname il-incident-graph
 * @summary Attack-story graph of an incident: alerts and entities on a pannable canvas.
 *
 * @fires {SelectionChangeEvent} il-selection-change - The user selected or cleared nodes. Detail: `SelectionChangeDetail`, `{ entityIds, alertIds }`.
 * @fires {LayoutEndEvent} il-layout-end - The layout finished and wrote positions into the graph. Detail: `LayoutEndDetail`, `{ nodeCount, ticks }`.
 * @fires {GroupToggleEvent} il-group-toggle - The user expanded or collapsed a group by double-click or Enter. Detail: `GroupToggleDetail`, `{ groupId, expanded }`.
 * @fires {LayoutProgressEvent} il-layout-progress - A layout of more than 400 nodes, running in a worker or in slices, moved its nodes. Detail: `LayoutProgressDetail`, `{ ticks, maxTicks, alpha }`.
 *
 * @csspart viewport - The focusable drawing area (the listbox); it holds the canvas.
 * @csspart canvas - The canvas the graph is drawn on.
 * @csspart tooltip - The tooltip naming the node under the pointer.
 * @csspart empty - The message shown when no node is visible.
 * @csspart selection-box - The rectangle drawn by Shift and a drag on empty space, with the default `selection-tool`.
 * @csspart selection-lasso - The freehand outline, an SVG `polygon`, drawn by Shift and a drag on empty space with `selection-tool="lasso"`.
 * @csspart minimap - The minimap canvas.
 * @csspart gesture-hint - The hint over a cooperative graph that shows how to zoom or pan it, shown for 1.5 s after the wheel or a lone finger scrolled the page.
 *
 * Theme and locale: the canvas draws with the same `--il-*` tokens as the other elements, read
 * from the element's computed style on each frame. It draws again when `theme` changes and when
 * the operating system's colour scheme changes. A host that changes a token on an ancestor
 * calls `requestUpdate()` to redraw. Counts in group labels, count badges and the listbox's
 * name use the locale of the nearest `lang` attribute.
 *
 * @cssprop --il-incident-graph-background - Background of the drawing area. Defaults to `--il-color-surface`.
 * @cssprop --il-incident-graph-label-color - Colour of node labels and icons. Defaults to `--il-color-text`.
 * @cssprop --il-incident-graph-edge-color - Colour of edges and arrowheads. Defaults to `--il-color-edge`.
 * @cssprop --il-incident-graph-node-color - Fill of entity nodes. Defaults to `--il-color-surface-raised`.
 */
export class IncidentGraphElement extends LitElement {
  static override properties = {
    graph: { attribute: false },
    session: { attribute: false },
    adapter: { attribute: false },
    incidentId: { attribute: 'incident-id' },
    minZoom: { type: Number, attribute: 'min-zoom' },
    maxZoom: { type: Number, attribute: 'max-zoom' },
    search: { type: String },
    minimap: { type: Boolean },
    groupThreshold: { type: Number, attribute: 'group-threshold' },
    layout: { type: String },
    selectionTool: { attribute: 'selection-tool' },
    gestureHandling: { attribute: 'gesture-handling', reflect: true },
    workerUrl: { attribute: 'worker-url' },
    filters: { attribute: false },
    viewInsets: { attribute: false },
    theme: { reflect: true },
  };

  static override styles = [themeTokens, incidentGraphStyles, interactionStyles];

  /** A graphology incident graph to draw; wins over every other source. Its mutations are followed. */
  declare graph: IncidentGraph | undefined;
  /** The session whose graph, time cursor and selection the element follows. */
  declare session: IncidentSession | undefined;
  /** Loads the incident named by `incidentId` into a session of the element's own. */
  declare adapter: IncidentDataAdapter | undefined;
  /** Id of the incident to load through `adapter`. */
  declare incidentId: string | undefined;
  /**
   * Smallest zoom factor the camera allows. 0.1 by default. A graph too large to fit in the view
   * at this zoom lowers it to the zoom that fits every visible node.
   */
  declare minZoom: number;
  /** Largest zoom factor the camera allows; 8 by default. */
  declare maxZoom: number;
  /**
   * Text to find: nodes whose label or id contains it, ignoring case, are emphasised and the
   * rest dimmed. Empty or white space shows no search.
   */
  declare search: string | undefined;
  /** Shows the minimap even for a graph of up to 150 visible nodes, which has none by default. */
  declare minimap: boolean;
  /**
   * Number of same-kind entities on one alert above which they form a group. 6 by default, and
   * 0 turns grouping off. An incident of more than 2,000 nodes groups from 3 members on.
   */
  declare groupThreshold: number;
  /**
   * Drawing of process trees: `force` (the default) places every node by the force layout.
   * `tree` draws process trees as top-down layers under their device and places the rest
   * around them. Changing it lays the graph out again.
   */
  declare layout: LayoutKind;
  /**
   * Shape that Shift and a drag on empty space draw to add nodes to the selection: `box` (the
   * default), a rectangle, or `lasso`, a freehand outline. Any other value draws a box.
   */
  declare selectionTool: SelectionTool;
  /**
   * `cooperative` shares the gestures with a page that scrolls: the wheel and a lone finger
   * scroll the page, and Ctrl or Cmd with the wheel, a trackpad pinch or two fingers move the
   * graph. A hint over the graph shows how, after the wheel or a finger scrolled the page. Absent
   * or any other value, every gesture over the graph moves it. Attribute `gesture-handling`,
   * reflected.
   */
  declare gestureHandling: GestureHandling | undefined;
  /**
   * URL of the layout worker script (dist/layout-worker.js of the package) for pages whose
   * content security policy blocks `blob:` workers. By default the element starts an inlined
   * copy from a Blob URL. Without any worker, large layouts run in slices on the main thread.
   */
  declare workerUrl: string | undefined;

  /**
   * Noise controls: entity kinds, verdicts, remediation statuses, evidence roles and alert
   * severities to show (`IncidentFilters`). Wins over the session's `filters`, which the other
   * elements apply too. Filtered nodes are hidden without moving the rest.
   */
  declare filters: IncidentFilters | undefined;

  /**
   * Parts of the element that the page covers, in CSS pixels from each side (`ViewInsets`), such
   * as a sheet over its bottom. Every fit, automatic or asked for, places the nodes in the rest.
   * Set on its own it fits again, unless the camera was moved.
   */
  declare viewInsets: ViewInsets | undefined;

  /**
   * Forces the `light` or the `dark` theme on the element and its canvas. Absent or any other
   * value follows `prefers-color-scheme`. Attribute `theme`, reflected.
   */
  declare theme: ThemeName | undefined;

  /** @internal The pictures kept for pan and zoom, which tests tune. */
  get motion(): MotionCache {
    return this.drawer.motion;
  }

  /** @internal */
  get display(): DisplayModel {
    return this.binding.display;
  }

  /** @internal */
  get boundGraph(): IncidentGraph | undefined {
    return this.binding.graph;
  }

  /** @internal */
  readonly zoomCamera = new ZoomCamera(
    (_camera, byUser) => this.handleCameraChange(byUser),
    (gesture) => this.gestureHint.show(gesture),
  );
  private readonly gestureHint = new GestureHint(this);
  /** @internal */
  readonly surface = new CanvasSurface(this, () => this.handleResize());

  private readonly sessions = new SessionController(this, {
    keys: ['snapshot', 'time', 'range', 'selection', 'filters'],
    onChange: (keys) => this.invalidateDisplay(keys.has('snapshot') ? 'all' : 'view'),
    // A session found during an update, after `willUpdate` synced the graph, is followed now:
    // the update it requests would be lost inside the current one.
    onSessionChange: () => this.syncGraph(),
  });
  // A new locale changes the group labels, so the display model is built again.
  private readonly format = new LocaleController(this, () => this.invalidateDisplay('view'));
  private readonly binding: GraphBinding = new GraphBinding(this, {
    session: () => this.sessions.session,
    selection: () => this.currentSelection(),
    format: this.format,
    graphReplaced: () => {
      this.userSelection.reset();
      this.interaction.reset();
      this.cameraControl.resetForNewGraph();
    },
    // Until the user moves the camera, the view keeps the whole graph in sight as it grows, as
    // with live updates.
    structureChanged: () => this.cameraControl.refitUnlessMoved(),
    layoutSettled: () => this.syncEmptyMessage(),
    displayRebuilt: () => {
      this.interaction.displayChanged();
      // The listbox renders a window of options, so rendering it again after a rebuild is cheap.
      // Layout steps move nodes without a rebuild and leave it alone.
      this.requestUpdate();
    },
  });
  private readonly interaction = new GraphInteraction(this);
  private readonly minimapView = new MinimapLoader(this);
  private readonly frames = new FrameLoop(this, () => this.drawer.draw());
  private readonly userSelection = new UserSelection(
    () => ({ graph: this.boundGraph, session: this.sessions.session, grouping: this.binding.grouping, groupThreshold: this.groupThreshold }),
    (next) => {
      this.invalidateDisplay('view');
      this.dispatchEvent(new SelectionChangeEvent(next));
    },
  );
  private readonly cameraControl = new CameraControl(this, () => this.binding.processIfDirty());
  private readonly drawer: FrameDrawer = new FrameDrawer(this, {
    binding: this.binding,
    camera: this.cameraControl,
    interaction: this.interaction,
    minimapView: this.minimapView,
    frames: this.frames,
    syncEmptyMessage: () => this.syncEmptyMessage(),
  });
  /** Whether the last render showed the empty message. */
  private renderedEmpty = false;

  constructor() {
    super();
    this.minZoom = DEFAULT_MIN_ZOOM;
    this.maxZoom = DEFAULT_MAX_ZOOM;
    this.minimap = false;
    this.groupThreshold = DEFAULT_GROUP_THRESHOLD;
    this.layout = 'force';
    this.selectionTool = 'box';
    this.theme = undefined;
    new ColorSchemeController(this, () => this.scheduleFrame());
    this.zoomCamera.setLimits(DEFAULT_MIN_ZOOM, DEFAULT_MAX_ZOOM);
    this.upgradeOwnProperty('camera');
  }

  /**
   * The camera, with the meaning of a d3-zoom transform: screen = world × k + (x, y), in CSS
   * pixels of the element. Setting it clamps `k` to the zoom limits, moves the view at once
   * and cancels the automatic fit; it fires no event.
   */
  get camera(): Camera {
    return { ...this.zoomCamera.camera };
  }

  set camera(value: Camera) {
    this.cameraControl.setByHost(value);
  }

  /**
   * Resolves after the first frame that shows the graph and its minimap, if any, once laid out
   * and given a size. Above 20,000 nodes, the frames right after it put entities first seen at
   * the same time in label order in the accessible list and bend parallel edges apart. Neither
   * shows at the dot detail that such a graph is fitted at. After a layout that reported its
   * progress, group nodes move from their members' centroid to their places in those frames.
   */
  get rendered(): Promise<void> {
    return this.frames.rendered;
  }

  /** Resolves when no layout is pending or running for the current graph. */
  get layoutSettled(): Promise<void> {
    return this.binding.layoutRunner.settled;
  }

  /**
   * Moves the camera so every visible node (or those of `nodeIds`) fits in the view, with the
   * self-loops of every node when all fit. A member of a collapsed group counts as its group. Resolves once the frame that shows it is drawn. For a
   * hidden element, once it gets a size. A fit to `nodeIds` or the selection ends the automatic
   * fit, as setting `camera` does, and a fit of every node resumes it.
   */
  fit(options: FitOptions = {}): Promise<void> {
    return this.frames.requestFit(options);
  }

  /** Moves the camera so the selected nodes fit in the view, or every visible node when none is selected. */
  fitSelection(options: Omit<FitOptions, 'nodeIds' | 'selection'> = {}): Promise<void> {
    return this.fit({ ...options, selection: true });
  }

  /**
   * Draws the whole graph, not only the part in view, into an offscreen canvas at `scale`
   * pixels per world unit (1 by default) and resolves with it as a PNG. Rejects with a
   * RangeError for a scale that is not a positive number or an image wider or taller than
   * 16,384 pixels. Node labels and edge labels are drawn where they overlap nothing, as the
   * canvas draws them from a zoom of 1.5 on. The picture is the graph as it is when called. The
   * export code loads on first use.
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    this.binding.processIfDirty();
    const display = this.display;
    const palette = readPalette(this);
    const { exportPng } = await exportModule.load();
    return exportPng(display, palette, options);
  }

  /**
   * Resolves with the whole graph as an SVG document built from the visible nodes and their
   * positions: kind icons, verdict rings, group badges, edges, and node and edge labels as
   * escaped text, placed like those of `toPNG()`, with each node's full label as the title of
   * its group. It has no script, event handler attribute or external reference. The document is the graph as it is when called. The export code loads
   * on first use.
   */
  async toSVG(): Promise<string> {
    this.binding.processIfDirty();
    const display = this.display;
    const palette = readPalette(this);
    const title = this.boundGraph?.getAttribute('title');
    const { exportSvg } = await exportModule.load();
    return exportSvg(display, palette, title);
  }

  /**
   * Returns where a node is drawn, in CSS pixels from the element's top left corner, or
   * undefined when the node is unknown, not laid out yet, hidden by the time cursor or inside a
   * collapsed group. It also takes a group's id.
   */
  toScreen(nodeId: string): Point | undefined {
    this.binding.processIfDirty();
    const node = this.display.byId.get(nodeId);
    return node ? this.cameraControl.toScreen(node) : undefined;
  }

  /** Lays out every node again from scratch, ignoring saved positions, and resolves when done. */
  relayout(): Promise<void> {
    return this.binding.relayout();
  }

  /**
   * Pauses the layout under way, leaving nodes where it has put them so far. `layoutSettled`
   * stays pending until `resumeLayout()`. A new run (new data, `relayout()`) starts unpaused.
   */
  pauseLayout(): void {
    this.binding.layoutRunner.pause();
  }

  /** Resumes a paused layout. */
  resumeLayout(): void {
    this.binding.layoutRunner.resume();
  }

  /** True while a layout runs, paused or not. */
  get layoutRunning(): boolean {
    return this.binding.layoutRunner.busy;
  }

  /** The groups of the current graph, collapsed or expanded. Grouping state never enters the graph. */
  get groups(): GroupInfo[] {
    return this.binding.grouping.list(this.boundGraph, this.groupThreshold);
  }

  /** Shows the members of a group in place of its node. Fires no event. */
  expandGroup(groupId: string): void {
    if (this.binding.grouping.setExpanded(groupId, true)) this.invalidateDisplay('view');
  }

  /** Draws a group's members as one node again. Fires no event. */
  collapseGroup(groupId: string): void {
    if (this.binding.grouping.setExpanded(groupId, false)) this.invalidateDisplay('view');
  }

  /** Expands every group of the current graph. Fires no event. */
  expandAll(): void {
    this.binding.grouping.expandAll(this.boundGraph, this.groupThreshold);
    this.invalidateDisplay('view');
  }

  /** Collapses every group. Fires no event. */
  collapseAll(): void {
    this.binding.grouping.collapseAll();
    this.invalidateDisplay('view');
  }

  /**
   * @internal Expands the group the user double-clicked or pressed Enter on, or collapses the
   * expanded group of a member they double-clicked. Returns false when the node is neither. The
   * keyboard's active node moves to the first member, or back to the group.
   */
  toggleGroupByUser(nodeId: string): boolean {
    const grouping = this.binding.grouping;
    const target = grouping.toggleTarget(this.boundGraph, this.groupThreshold, this.display.byId.get(nodeId));
    if (!target) return false;
    grouping.setExpanded(target.groupId, target.expand);
    if (this.interaction.activeId === nodeId) this.interaction.activeId = target.activeId;
    this.invalidateDisplay('view');
    this.requestUpdate();
    this.dispatchEvent(new GroupToggleEvent({ groupId: target.groupId, expanded: target.expand }));
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncGraph();
    this.scheduleFrame();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.binding.release();
    this.frames.cancel();
    this.drawer.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('minZoom') || changed.has('maxZoom')) this.cameraControl.clampToLimits();
    this.zoomCamera.cooperative = this.gestureHandling === 'cooperative';
    if (changed.has('groupThreshold') || changed.has('search') || changed.has('filters')) this.invalidateDisplay('view');
    if (changed.has('layout') && changed.get('layout') !== undefined) void this.relayout();
    // The palette is read on each frame, so a frame with the new theme's colours is enough.
    if (changed.has('theme')) this.scheduleFrame();
    if (changed.has('viewInsets')) {
      this.cameraControl.setInsets(this.viewInsets);
      this.scheduleFrame();
    }
    this.syncGraph();

    // The accessible name counts the search's matches, so it needs the new matches now.
    if (changed.has('search')) this.binding.processIfDirty();
  }

  protected override firstUpdated(): void {
    const canvas = this.renderRoot.querySelector('canvas') ?? undefined;
    this.drawer.attach(canvas);
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport')!;
    this.zoomCamera.attach(viewport);
    this.interaction.attach(viewport);
    this.surface.attach(canvas!, viewport);
    this.scheduleFrame();
  }

  protected override updated(): void {
    this.minimapView.rendered(this.renderRoot);
  }

  protected override render(): unknown {
    this.renderedEmpty = this.binding.isEmpty;
    const { binding, interaction, minimapView, gestureHint, format, minimap } = this;
    return renderGraphView({ binding, interaction, minimapView, gestureHint, format, minimap, empty: this.renderedEmpty });
  }

  /** @internal The selection in effect: the session's, or the element's own without a session. */
  currentSelection(): Selection {
    return this.userSelection.current();
  }

  /**
   * @internal Applies a selection the user made, and fires `il-selection-change` when it
   * differs from the current one. `additive` toggles the node in the selection.
   */
  selectByUser(nodeId: string | undefined, additive: boolean): void {
    this.userSelection.select(nodeId, additive);
  }

  /** @internal Selects many nodes for the user (box selection, Ctrl+A), added to the selection when `additive`. */
  selectNodesByUser(nodeKeys: readonly string[], additive: boolean): void {
    this.userSelection.selectNodes(nodeKeys, additive);
  }

  /** @internal Returns the visible node under a point in CSS pixels. */
  nodeAt(point: Point): NodeView | undefined {
    this.binding.processIfDirty();
    return this.binding.nodeAt(this.cameraControl.toWorld(point));
  }

  /** @internal Applies `fit` at once, when the element has a size. */
  fitNow(options: FitOptions = {}): boolean {
    return this.cameraControl.fit(options);
  }

  /**
   * @internal Marks the display model stale and schedules a frame. `view` keeps the base model
   * of the graph's content, for a change of time, selection, filters, search or grouping.
   */
  invalidateDisplay(scope: 'all' | 'view' = 'all'): void {
    this.binding.invalidate(scope);
  }

  /**
   * @internal Draws the minimap on its canvas, just rendered, without the main canvas. Before
   * `rendered` resolves, a frame draws it instead, at the end of its paint: the first frame may
   * have waited for the minimap's code, and drawing the minimap's dots now would delay it.
   */
  drawMinimap(canvas: HTMLCanvasElement): void {
    if (this.frames.isRendered) this.minimapView.draw(canvas, readPalette(this), this.surface.pixelRatio);
    else this.scheduleFrame();
  }

  /** @internal Schedules one animation frame, unless one is pending or being drawn. */
  scheduleFrame(): void {
    this.frames.schedule();
  }

  /** @internal Starts the next frame in a task now, for new data. See `FrameLoop.startSoon`. */
  startFrameSoon(): void {
    this.frames.startSoon();
  }

  /** Follows the graph of the most explicit source, rebinding listeners when it changes. */
  private syncGraph(): void {
    if (!this.isConnected) return;
    this.binding.follow(this.graph ?? this.sessions.session?.graph);
  }

  /**
   * Renders again when the empty message is out of date. A graph that stays empty changes no
   * display model, so nothing else would render the message once its layout settles.
   */
  private syncEmptyMessage(): void {
    if (this.binding.isEmpty !== this.renderedEmpty) this.requestUpdate();
  }

  private handleResize(): void {
    this.cameraControl.refitUnlessMoved();
    this.scheduleFrame();
  }

  private handleCameraChange(byUser: boolean): void {
    if (byUser) {
      this.cameraControl.noteUserMove();
      this.interaction.hideTooltip();
    }
    this.scheduleFrame();
  }

  /** Re-applies a property set on the element before its class was defined. */
  private upgradeOwnProperty(name: 'camera'): void {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return;
    const value = (this as Record<string, unknown>)[name] as Camera;
    delete (this as Record<string, unknown>)[name];
    this[name] = value;
  }
}

/** The PNG and SVG export code, which few sessions use, in a chunk of its own. */
const exportModule = new LazyModule(() => import('./export.js'));

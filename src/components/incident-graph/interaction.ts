/**
 * Pointer and keyboard interaction of `il-incident-graph`: click and shift-click selection, box
 * and lasso selection, dragging nodes to pin them and double-click to release them, the hover
 * tooltip, and the keyboard's active node (arrow keys, Home, End, Enter, Space, Escape, +, -, 0,
 * F, P, Alt with an arrow key, Ctrl+A). Panning and zooming with the pointer belong to the
 * camera (zoom-camera.ts), which leaves alone the presses this class claims.
 */

import { html, nothing } from 'lit';
import { styleProperties } from '../shared/style-properties.js';
import { kindLabel, msg, registerStrings, remediationLabel, severityLabel, verdictLabel } from '../shared/strings.js';
import { loadSelectionShapes, SelectionGesture, selectionToolOf } from './selection-gesture.js';
import { isPinned, NodeDrag, pinNodeAt, releaseNode } from './pinning.js';
import type { NodeView } from './display-model.js';
import { describeGroup } from './grouping.js';
import { nearestInDirection, type Direction, type FitOptions, type Point } from './geometry.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import { capturePointer, type ZoomCamera } from './zoom-camera.js';
import type { DisplayModel } from './display-model.js';
import { labelClearance, NODE_LABEL_HEIGHT, toScreen } from './draw-labels.js';

/** The element members that the interaction uses. */
export interface InteractionHost extends HTMLElement {
  readonly display: DisplayModel;
  readonly boundGraph: IncidentGraph | undefined;
  readonly zoomCamera: ZoomCamera;
  readonly surface: { width: number; height: number };
  /** The `selection-tool` value: `lasso`, or the box for anything else. */
  readonly selectionTool: string | undefined;
  nodeAt(point: Point): NodeView | undefined;
  selectByUser(nodeId: string | undefined, additive: boolean): void;
  selectNodesByUser(nodeKeys: readonly string[], additive: boolean): void;
  /** Expands a collapsed group node or collapses the expanded group of a member. False for other nodes. */
  toggleGroupByUser(nodeId: string): boolean;
  fit(options?: FitOptions): Promise<void>;
  scheduleFrame(): void;
  requestUpdate(): void;
}

export interface TooltipState {
  text: string;
  /**
   * Position of the tooltip's left edge and of its bottom edge when `above`, else of its top
   * edge, in CSS pixels of the element.
   */
  x: number;
  y: number;
  /** True for a tooltip above its node, the side where the node's label goes last. */
  above: boolean;
}

const ZOOM_STEP = 1.25;
/** Distance, in CSS pixels, from the hovered node's centre to the tooltip's left edge. */
const TOOLTIP_OFFSET = 14;
/** Gap, in CSS pixels, between the tooltip and its node's rings or label. */
const TOOLTIP_GAP = 6;
/** Room, in CSS pixels, that a tooltip needs above its node. With less, it goes below. */
const TOOLTIP_HEIGHT = 48;
/** Room, in CSS pixels, kept right of the tooltip's left edge so it seldom runs past the view. */
const TOOLTIP_ROOM = 200;
/** Margin, in CSS pixels, that a node made active by the keyboard keeps from the view's edge. */
const KEEP_IN_VIEW_MARGIN = 24;
/** Distance, in CSS pixels, that Alt with an arrow key moves the active node. With Shift too, 1. */
const NUDGE_STEP = 10;
/** Distance, in CSS pixels, that Ctrl with an arrow key pans the view. */
const PAN_STEP = 50;

registerStrings({
  'graph.pinned': 'Pinned',
});

const ARROW_DIRECTIONS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export class GraphInteraction {
  /** The keyboard's active node, mirrored by `aria-activedescendant`. */
  activeId: string | undefined;
  hoveredId: string | undefined;
  tooltip: TooltipState | undefined;

  private readonly host: InteractionHost;
  private viewport: HTMLElement | undefined;
  private focused = false;
  private keyboardMode = false;
  private drag: NodeDrag | undefined;
  /** The rectangle or lasso that Shift and a drag on empty space are drawing. */
  private selectionGesture: SelectionGesture | undefined;
  /** Set when a drag ended, so the click that follows it selects nothing. */
  private suppressClick = false;

  constructor(host: InteractionHost) {
    this.host = host;
    host.zoomCamera.setPressFilter(() => this.drag !== undefined || this.selectionGesture !== undefined);
  }

  /** Renders what the pointer shows over the canvas: the tooltip and the selection shape being drawn. */
  renderOverlay(): unknown {
    const tooltip = this.tooltip;
    return html`
      <div
        part="tooltip"
        class=${tooltip?.above ? 'tooltip above' : 'tooltip'}
        aria-hidden="true"
        ?hidden=${!tooltip}
        style=${styleProperties({ left: `${tooltip?.x ?? 0}px`, top: `${tooltip?.y ?? 0}px` })}
      >${tooltip?.text ?? ''}</div>
      ${this.selectionGesture?.render() ?? nothing}
    `;
  }

  /** True when the active node's ring is drawn: the view has focus and was last used with keys. */
  get showsActive(): boolean {
    return this.focused && this.keyboardMode;
  }

  attach(viewport: HTMLElement): void {
    this.viewport = viewport;
    viewport.addEventListener('click', this.handleClick);
    viewport.addEventListener('pointermove', this.handlePointerMove);
    viewport.addEventListener('pointerleave', this.handlePointerLeave);
    viewport.addEventListener('pointerdown', this.handlePointerDown, { capture: true });
    viewport.addEventListener('pointerup', this.handlePointerUp);
    viewport.addEventListener('pointercancel', this.handlePointerCancel);
    viewport.addEventListener('dblclick', this.handleDoubleClick);
    viewport.addEventListener('keydown', this.handleKeyDown);
    viewport.addEventListener('focus', this.handleFocus);
    viewport.addEventListener('blur', this.handleBlur);
  }

  /** Forgets the active and hovered nodes, for a new graph. */
  reset(): void {
    this.activeId = undefined;
    this.hoveredId = undefined;
    this.tooltip = undefined;
    this.drag = undefined;
    this.selectionGesture = undefined;
  }

  /** Drops the active and hovered nodes when they are no longer visible. */
  displayChanged(): void {
    const { byId } = this.host.display;
    if (this.activeId !== undefined && !byId.has(this.activeId)) this.activeId = undefined;
    if (this.hoveredId !== undefined && !byId.has(this.hoveredId)) {
      this.hoveredId = undefined;
      this.tooltip = undefined;
    }
  }

  hideTooltip(): void {
    if (!this.tooltip && this.hoveredId === undefined) return;
    this.tooltip = undefined;
    this.hoveredId = undefined;
    this.host.requestUpdate();
    this.host.scheduleFrame();
  }

  /** Returns the accessible text of a node: kind, name, verdict or severity, remediation. */
  describe(node: NodeView): string {
    if (node.group) return describeGroup(node);
    const kind = kindLabel(node.kind);
    const text = node.alert
      ? msg('graph.option.alert', { kind, name: node.label, severity: severityLabel(node.severity ?? 'unknown') })
      : node.remediationStatus !== undefined && node.remediationStatus !== 'none'
        ? msg('graph.option.entityRemediation', {
            kind,
            name: node.label,
            verdict: verdictLabel(node.verdict),
            remediation: remediationLabel(node.remediationStatus),
          })
        : msg('graph.option.entity', { kind, name: node.label, verdict: verdictLabel(node.verdict) });
    const graph = this.host.boundGraph;
    const pinned = graph !== undefined && isPinned(graph, node.id) ? ` ${msg('graph.pinned')}.` : '';
    return node.ghost ? `${text} ${msg('graph.ghost')}.${pinned}` : `${text}${pinned}`;
  }

  private tooltipText(node: NodeView): string {
    const kind = kindLabel(node.kind);
    return node.alert
      ? msg('graph.tooltip.alert', { kind, name: node.label, severity: severityLabel(node.severity ?? 'unknown') })
      : msg('graph.tooltip.entity', { kind, name: node.label, verdict: verdictLabel(node.verdict) });
  }

  /**
   * Returns where the tooltip of a hovered node goes: above the node, clear of its rings, or
   * below it and its label where the view has no room above. Labels go below their node first
   * and above it last (see `NODE_LABEL_PLACEMENTS`), so the tooltip seldom covers the label.
   */
  private tooltipPlace(node: NodeView): Omit<TooltipState, 'text'> {
    const camera = this.host.zoomCamera.camera;
    const centre = toScreen(node, camera);
    const clearance = labelClearance(node, { camera, hoveredId: node.id, activeId: this.activeId, showActive: true });
    const x = Math.max(0, Math.min(centre.x - TOOLTIP_OFFSET, this.host.surface.width - TOOLTIP_ROOM));
    const top = centre.y - clearance - TOOLTIP_GAP;
    if (top >= TOOLTIP_HEIGHT) return { x, y: top, above: true };
    return { x, y: centre.y + clearance + NODE_LABEL_HEIGHT + TOOLTIP_GAP, above: false };
  }

  private pointerPosition(event: MouseEvent): Point {
    const rect = this.viewport!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private readonly handleClick = (event: MouseEvent): void => {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    const node = this.host.nodeAt(this.pointerPosition(event));
    if (!node && event.shiftKey) return;
    if (node) this.setActive(node.id, { reveal: false });
    this.host.selectByUser(node?.id, event.shiftKey);
  };

  /** Claims a press on a node (a possible drag) and Shift with a press on empty space (a box or lasso). */
  private readonly handlePointerDown = (event: PointerEvent): void => {
    this.keyboardMode = false;
    this.suppressClick = false;
    this.host.scheduleFrame();
    if (!event.isPrimary || event.button !== 0 || event.ctrlKey || event.altKey || event.metaKey) return;

    const graph = this.host.boundGraph;
    const point = this.pointerPosition(event);
    const node = this.host.nodeAt(point);
    // A cooperative graph leaves a lone finger to the page, which scrolls, so it drags nothing.
    const fingerOfPage = event.pointerType === 'touch' && this.host.zoomCamera.cooperative;
    if (graph && node && !event.shiftKey && !fingerOfPage) {
      this.drag = new NodeDrag(graph, node.id, event.pointerId, point, node, this.host.zoomCamera.camera);
    } else if (!node && event.shiftKey) {
      this.selectionGesture = new SelectionGesture(selectionToolOf(this.host.selectionTool), event.pointerId, point);
      // On a first gesture the shape shows once its code is in. A failure is reported on release.
      loadSelectionShapes().then(() => this.host.requestUpdate(), () => {});
    } else {
      return;
    }
    capturePointer(this.viewport!, event.pointerId);
  };

  private readonly handlePointerUp = (event: PointerEvent): void => {
    if (this.drag?.pointerId === event.pointerId) {
      this.suppressClick = this.drag.moved;
      this.drag = undefined;
    } else if (this.selectionGesture?.pointerId === event.pointerId) {
      const gesture = this.selectionGesture;
      this.selectionGesture = undefined;
      if (gesture.drawn) {
        this.suppressClick = true;
        gesture.nodeKeys(this.host.display.nodes, this.host.zoomCamera.camera).then(
          (keys) => this.host.selectNodesByUser(keys, true),
          (error: unknown) => console.warn(`${this.host.localName}: the box and lasso selection failed to load (${error instanceof Error ? error.message : String(error)}), so nothing was selected.`, this.host),
        );
      }
      this.host.requestUpdate();
    }
  };

  private readonly handlePointerCancel = (): void => this.cancelGesture();

  /** Ends a node drag, box or lasso without effect: the node goes back, nothing is selected. */
  private cancelGesture(): void {
    const graph = this.host.boundGraph;
    if (this.drag && graph) this.drag.cancel(graph);
    // The click that ends the cancelled gesture selects nothing.
    this.suppressClick = this.drag !== undefined || this.selectionGesture !== undefined;
    this.drag = undefined;
    this.selectionGesture = undefined;
    this.host.requestUpdate();
  }

  private readonly handleDoubleClick = (event: MouseEvent): void => {
    const graph = this.host.boundGraph;
    const node = this.host.nodeAt(this.pointerPosition(event));
    if (!graph || !node || releaseNode(graph, node.id)) return;
    this.host.toggleGroupByUser(node.id);
  };

  private readonly handlePointerMove = (event: PointerEvent): void => {
    if (this.drag?.pointerId === event.pointerId) {
      const graph = this.host.boundGraph;
      if (graph) this.drag.update(graph, this.pointerPosition(event), this.host.zoomCamera.camera);
      this.hideTooltip();
      return;
    }
    if (this.selectionGesture?.pointerId === event.pointerId) {
      this.selectionGesture.move(this.pointerPosition(event));
      this.host.requestUpdate();
      this.hideTooltip();
      return;
    }
    if (event.buttons !== 0) {
      this.hideTooltip();
      return;
    }
    const point = this.pointerPosition(event);
    const node = this.host.nodeAt(point);
    if (!node) {
      this.hideTooltip();
      return;
    }
    this.hoveredId = node.id;
    this.tooltip = { text: this.tooltipText(node), ...this.tooltipPlace(node) };
    this.host.requestUpdate();
    this.host.scheduleFrame();
  };

  private readonly handlePointerLeave = (): void => this.hideTooltip();

  private readonly handleFocus = (): void => {
    this.focused = true;
    // Focus that the browser would ring, as from Tab, shows the active node's ring at once.
    if (this.viewport?.matches(':focus-visible')) this.keyboardMode = true;
    if (this.activeId === undefined) {
      const nodes = this.host.display.nodes;
      const first = nodes.find((node) => node.selected) ?? nodes[0];
      if (first) this.setActive(first.id, { reveal: false });
    }
    this.host.scheduleFrame();
  };

  private readonly handleBlur = (): void => {
    this.focused = false;
    this.host.scheduleFrame();
  };

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    const nodes = this.host.display.nodes;
    const direction = ARROW_DIRECTIONS[event.key];
    if (event.altKey && !event.ctrlKey && !event.metaKey && direction) {
      this.keyboardMode = true;
      this.nudgeActive(direction, event.shiftKey ? 1 : NUDGE_STEP);
      event.preventDefault();
      return;
    }
    if (event.ctrlKey && !event.altKey && !event.metaKey && direction) {
      this.keyboardMode = true;
      const [dx, dy] = { up: [0, 1], down: [0, -1], left: [1, 0], right: [-1, 0] }[direction];
      this.host.zoomCamera.panBy(dx * PAN_STEP, dy * PAN_STEP);
      event.preventDefault();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      this.keyboardMode = true;
      this.host.selectNodesByUser(nodes.map((node) => node.id), false);
      event.preventDefault();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    this.keyboardMode = true;

    if (direction) {
      this.moveActive(direction);
    } else if (event.key === 'Home' && nodes.length > 0) {
      this.setActive(nodes[0]!.id, { reveal: true });
    } else if (event.key === 'End' && nodes.length > 0) {
      this.setActive(nodes[nodes.length - 1]!.id, { reveal: true });
    } else if (event.key === 'Enter' && !event.shiftKey && this.activeId !== undefined && this.host.display.byId.get(this.activeId)?.group) {
      this.host.toggleGroupByUser(this.activeId);
    } else if ((event.key === 'Enter' || event.key === ' ') && this.activeId !== undefined) {
      this.host.selectByUser(this.activeId, event.shiftKey);
    } else if (event.key === 'Escape' && (this.drag || this.selectionGesture)) {
      this.cancelGesture();
    } else if (event.key === 'Escape') {
      this.host.selectByUser(undefined, false);
    } else if (event.key === '+' || event.key === '=') {
      this.host.zoomCamera.scaleBy(ZOOM_STEP);
    } else if (event.key === '-' || event.key === '_') {
      this.host.zoomCamera.scaleBy(1 / ZOOM_STEP);
    } else if (event.key === '0') {
      void this.host.fit();
    } else if (event.key === 'f' || event.key === 'F') {
      void this.host.fit({ selection: true });
    } else if ((event.key === 'p' || event.key === 'P') && this.activeId !== undefined) {
      this.togglePin(this.activeId);
    } else if ((event.key === 'g' || event.key === 'G') && this.activeId !== undefined) {
      // Double-click's path: a group expands, and a member collapses its expanded group.
      this.host.toggleGroupByUser(this.activeId);
    } else {
      return;
    }
    event.preventDefault();
    this.host.scheduleFrame();
  };

  /** Moves the active node to the nearest node in a direction, among graph neighbours first. */
  private moveActive(direction: Direction): void {
    const { display, boundGraph } = this.host;
    const from = this.activeId === undefined ? undefined : display.byId.get(this.activeId);
    if (!from) {
      const first = display.nodes[0];
      if (first) this.setActive(first.id, { reveal: true });
      return;
    }

    // A collapsed member counts as its group node, so a group is a neighbour of its alert and
    // of what its members relate to, and a group's neighbours are its members'.
    const groupOf = new Map<string, NodeView>();
    for (const node of display.nodes) for (const id of node.group?.visibleIds ?? []) groupOf.set(id, node);
    const neighboursOf = (id: string): string[] => (boundGraph?.hasNode(id) ? boundGraph.neighbors(id) : []);
    const ids = from.group ? [from.group.alertKey, ...from.group.visibleIds.flatMap(neighboursOf)] : neighboursOf(from.id);
    const neighbours = ids
      .map((id) => display.byId.get(id) ?? groupOf.get(id))
      .filter((node): node is NodeView => node !== undefined && node !== from);
    const others = display.nodes.filter((node) => node !== from);
    // A node off to the side still beats no move at all, so the last try takes any node
    // ahead in that direction.
    const next =
      nearestInDirection(from, neighbours, direction) ??
      nearestInDirection(from, others, direction) ??
      nearestInDirection(from, others, direction, { anyAhead: true });
    if (next) this.setActive(next.id, { reveal: true });
  }

  /** Pins the node where it is drawn, or releases it when pinned. */
  private togglePin(nodeId: string): void {
    const graph = this.host.boundGraph;
    const node = this.host.display.byId.get(nodeId);
    if (!graph || !node) return;
    if (!releaseNode(graph, nodeId)) pinNodeAt(graph, nodeId, { x: node.x, y: node.y });
  }

  /** Moves the active node by `step` CSS pixels in a direction and pins it there. */
  private nudgeActive(direction: Direction, step: number): void {
    const graph = this.host.boundGraph;
    const node = this.activeId === undefined ? undefined : this.host.display.byId.get(this.activeId);
    if (!graph || !node) return;
    const distance = step / this.host.zoomCamera.camera.k;
    const [dx, dy] = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] }[direction];
    pinNodeAt(graph, node.id, { x: node.x + dx * distance, y: node.y + dy * distance });
    this.reveal(node.id);
  }

  private setActive(nodeId: string, options: { reveal: boolean }): void {
    this.activeId = nodeId;
    if (options.reveal) this.reveal(nodeId);
    this.host.requestUpdate();
    this.host.scheduleFrame();
  }

  /** Pans, without zooming, so the node is inside the view. */
  private reveal(nodeId: string): void {
    const node = this.host.display.byId.get(nodeId);
    if (!node) return;
    const { width, height } = this.host.surface;
    const camera = this.host.zoomCamera.camera;
    const x = node.x * camera.k + camera.x;
    const y = node.y * camera.k + camera.y;
    const inside =
      x >= KEEP_IN_VIEW_MARGIN && x <= width - KEEP_IN_VIEW_MARGIN && y >= KEEP_IN_VIEW_MARGIN && y <= height - KEEP_IN_VIEW_MARGIN;
    if (inside || width === 0 || height === 0) return;
    this.host.zoomCamera.set({ k: camera.k, x: width / 2 - node.x * camera.k, y: height / 2 - node.y * camera.k });
  }
}

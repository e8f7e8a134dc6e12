/**
 * Pointer and keyboard interaction of `il-incident-graph`: click and shift-click selection,
 * the hover tooltip, and the keyboard's active node (arrow keys, Home, End, Enter, Space,
 * Escape, +, -, 0). Panning and zooming with the pointer belong to d3-zoom (zoom-camera.ts).
 */

import { kindLabel, msg, remediationLabel, severityLabel, verdictLabel } from '../shared/strings.js';
import type { NodeView } from './display-model.js';
import { describeGroup } from './grouping.js';
import { nearestInDirection, type Direction, type FitOptions, type Point } from './geometry.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { ZoomCamera } from './zoom-camera.js';
import type { DisplayModel } from './display-model.js';

/** What the interaction needs from the element. */
export interface InteractionHost extends HTMLElement {
  readonly display: DisplayModel;
  readonly boundGraph: IncidentGraph | undefined;
  readonly zoomCamera: ZoomCamera;
  readonly surface: { width: number; height: number };
  nodeAt(point: Point): NodeView | undefined;
  selectByUser(nodeId: string | undefined, additive: boolean): void;
  /** Expands a collapsed group node or collapses the expanded group of a member; false for other nodes. */
  toggleGroupByUser(nodeId: string): boolean;
  fit(options?: FitOptions): Promise<void>;
  scheduleFrame(): void;
  requestUpdate(): void;
}

export interface TooltipState {
  text: string;
  /** Position of the tooltip's top left corner, in CSS pixels of the element. */
  x: number;
  y: number;
}

const ZOOM_STEP = 1.25;
const TOOLTIP_OFFSET = 14;
/** Room, in CSS pixels, kept right of the tooltip's left edge so it seldom runs past the view. */
const TOOLTIP_ROOM = 200;
/** Margin, in CSS pixels, that a node made active by the keyboard keeps from the view's edge. */
const KEEP_IN_VIEW_MARGIN = 24;

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

  constructor(host: InteractionHost) {
    this.host = host;
  }

  /** True when the active node's ring is drawn: the view has focus and was last used with keys. */
  get showsActive(): boolean {
    return this.focused && this.keyboardMode;
  }

  attach(viewport: HTMLElement): void {
    this.viewport = viewport;
    viewport.addEventListener('click', this.handleClick);
    viewport.addEventListener('dblclick', this.handleDoubleClick);
    viewport.addEventListener('pointermove', this.handlePointerMove);
    viewport.addEventListener('pointerleave', this.handlePointerLeave);
    viewport.addEventListener('pointerdown', this.handlePointerDown, { capture: true });
    viewport.addEventListener('keydown', this.handleKeyDown);
    viewport.addEventListener('focus', this.handleFocus);
    viewport.addEventListener('blur', this.handleBlur);
  }

  /** Forgets the active and hovered nodes, for a new graph. */
  reset(): void {
    this.activeId = undefined;
    this.hoveredId = undefined;
    this.tooltip = undefined;
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
    return node.ghost ? `${text} ${msg('graph.ghost')}.` : text;
  }

  private tooltipText(node: NodeView): string {
    const kind = kindLabel(node.kind);
    return node.alert
      ? msg('graph.tooltip.alert', { kind, name: node.label, severity: severityLabel(node.severity ?? 'unknown') })
      : msg('graph.tooltip.entity', { kind, name: node.label, verdict: verdictLabel(node.verdict) });
  }

  private pointerPosition(event: MouseEvent): Point {
    const rect = this.viewport!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private readonly handleClick = (event: MouseEvent): void => {
    const node = this.host.nodeAt(this.pointerPosition(event));
    if (!node && event.shiftKey) return;
    if (node) this.setActive(node.id, { reveal: false });
    this.host.selectByUser(node?.id, event.shiftKey);
  };

  private readonly handleDoubleClick = (event: MouseEvent): void => {
    const node = this.host.nodeAt(this.pointerPosition(event));
    if (node) this.host.toggleGroupByUser(node.id);
  };

  private readonly handlePointerDown = (): void => {
    this.keyboardMode = false;
    this.host.scheduleFrame();
  };

  private readonly handlePointerMove = (event: PointerEvent): void => {
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
    const width = this.host.surface.width;
    this.hoveredId = node.id;
    this.tooltip = {
      text: this.tooltipText(node),
      x: Math.max(0, Math.min(point.x + TOOLTIP_OFFSET, width - TOOLTIP_ROOM)),
      y: point.y + TOOLTIP_OFFSET,
    };
    this.host.requestUpdate();
    this.host.scheduleFrame();
  };

  private readonly handlePointerLeave = (): void => this.hideTooltip();

  private readonly handleFocus = (): void => {
    this.focused = true;
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
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    this.keyboardMode = true;
    const nodes = this.host.display.nodes;
    const direction = ARROW_DIRECTIONS[event.key];

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
    } else if (event.key === 'Escape') {
      this.host.selectByUser(undefined, false);
    } else if (event.key === '+' || event.key === '=') {
      this.host.zoomCamera.scaleBy(ZOOM_STEP);
    } else if (event.key === '-' || event.key === '_') {
      this.host.zoomCamera.scaleBy(1 / ZOOM_STEP);
    } else if (event.key === '0') {
      void this.host.fit();
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

    const neighbourIds = from.group ? [from.group.alertKey] : boundGraph?.hasNode(from.id) ? boundGraph.neighbors(from.id) : [];
    const neighbours = neighbourIds
      .map((id) => display.byId.get(id))
      .filter((node): node is NodeView => node !== undefined && node !== from);
    const next =
      nearestInDirection(from, neighbours, direction) ??
      nearestInDirection(from, display.nodes.filter((node) => node !== from), direction);
    if (next) this.setActive(next.id, { reveal: true });
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

/**
 * `SheetController`: the details sheet of a narrow `il-incident-view`. It reads whether the view
 * grows with its content, keeps room under the stack for a sheet fixed to the viewport, and pans
 * the graph so that the one selected node shows above the sheet instead of under it. It also
 * sets the part of the graph that the sheet covers as the graph's `viewInsets`, which the
 * graph's fits leave out.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IncidentSession } from '../../session/session.js';
import type { Camera, Point, ViewInsets } from '../incident-graph/geometry.js';
import type { GroupInfo } from '../incident-graph/grouping.js';
import { singleSelectedNode } from './selection-summary.js';
import { cameraRevealingNode } from './sheet-reveal.js';

/** The camera and grouping API of `il-incident-graph` that the sheet needs. */
export interface SheetGraph {
  camera: Camera;
  toScreen(nodeId: string): Point | undefined;
  readonly groups: readonly GroupInfo[];
  viewInsets: ViewInsets | undefined;
}

export interface SheetSources {
  session(): IncidentSession | undefined;
  /** The graph element while the attack story is open, else null. */
  graph(): SheetGraph | null;
}

export class SheetController implements ReactiveController {
  /** True when `--il-incident-view-height` is `auto`, so a narrow view grows and the page scrolls. */
  growsWithContent = false;

  /** True after a selection change, until the next update has kept the selected node clear of the sheet. */
  private revealPending = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly sources: SheetSources,
  ) {
    host.addController(this);
  }

  /** Reads the view's height mode from its computed style; call it before each render. */
  readHeightMode(): void {
    this.growsWithContent = getComputedStyle(this.host).getPropertyValue('--il-incident-view-height').trim() === 'auto';
  }

  /** Asks the next update to pan the graph if the sheet covers the selected node. */
  revealAfterUpdate(): void {
    this.revealPending = true;
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    const frame = root?.querySelector<HTMLElement>('.frame');
    const sheet = root?.querySelector<HTMLElement>('.pane.open');
    // NOTE: the room is measured after each update only, so a viewport resize that changes
    // the sheet's height leaves it stale until the next update.
    if (frame && this.growsWithContent) {
      frame.style.setProperty('--_sheet-space', sheet ? `${sheet.getBoundingClientRect().height}px` : '0px');
    }
    if (this.revealPending && frame && sheet) this.scrollGraphAboveSheet(frame, sheet);
    this.updateGraphInsets(sheet);
    if (this.revealPending) {
      this.revealPending = false;
      if (frame && sheet) this.revealSelectedNode(frame, sheet);
    }
  }

  /**
   * Scrolls the graph's top to the top of the part of the page it shows in, when less than
   * half of the graph's part in view shows above the sheet. In a short view of fixed height the
   * header rows alone can reach down to the sheet, which then covers the whole graph, and the
   * frame scrolls. In a view of auto height, the sheet at the bottom of the viewport covers the
   * lower part of the graph once the page has scrolled down, and the page scrolls. The room that
   * the frame keeps after its content for the sheet lets either scroll that far.
   */
  private scrollGraphAboveSheet(frame: HTMLElement, sheet: HTMLElement): void {
    const graph = this.sources.graph() as unknown as HTMLElement | null;
    if (!graph) return;
    const visible = this.growsWithContent ? { top: 0, bottom: window.innerHeight } : frame.getBoundingClientRect();
    const graphBox = graph.getBoundingClientRect();
    const sheetTop = sheet.getBoundingClientRect().top;
    const inView = Math.min(graphBox.bottom, visible.bottom) - Math.max(graphBox.top, visible.top);
    const aboveSheet = Math.min(graphBox.bottom, sheetTop) - Math.max(graphBox.top, visible.top);
    if (inView <= 0 || aboveSheet >= inView / 2) return;
    if (this.growsWithContent) graph.scrollIntoView({ block: 'start' });
    else frame.scrollTop += graphBox.top - visible.top;
  }

  /**
   * Gives the graph the height of its bottom part that the sheet covers, as its `viewInsets`,
   * or none when the sheet is closed or is a side pane beside the graph.
   */
  private updateGraphInsets(sheet: HTMLElement | null | undefined): void {
    const graph = this.sources.graph();
    if (!graph) return;
    let covered = 0;
    if (sheet) {
      const graphBox = (graph as unknown as HTMLElement).getBoundingClientRect();
      const sheetBox = sheet.getBoundingClientRect();
      const across = Math.min(graphBox.right, sheetBox.right) - Math.max(graphBox.left, sheetBox.left);
      if (sheetBox.top > graphBox.top && across >= graphBox.width / 2) covered = Math.max(0, Math.min(graphBox.bottom, sheetBox.bottom) - sheetBox.top);
    }
    // NOTE: In a view that grows with its content, the sheet is fixed to the viewport, so the
    // part it covers changes as the page scrolls. It is measured after each update only.
    if ((graph.viewInsets?.bottom ?? 0) === covered) return;
    graph.viewInsets = covered > 0 ? { bottom: covered } : undefined;
  }

  /**
   * Pans the graph, without zooming, so that the one selected node shows above the sheet. A
   * side pane covers no node, so nothing moves.
   */
  private revealSelectedNode(frame: HTMLElement, sheet: HTMLElement): void {
    const session = this.sources.session();
    const graph = this.sources.graph();
    if (!session?.snapshot || !graph) return;
    const nodeId = singleSelectedNode(session);
    const point = nodeId === undefined ? undefined : graph.toScreen(nodeId) ?? collapsedGroupPoint(graph, nodeId);
    if (!point) return;

    const graphBox = (graph as unknown as HTMLElement).getBoundingClientRect();
    const sheetBox = sheet.getBoundingClientRect();
    const nodeX = graphBox.left + point.x;
    if (nodeX < sheetBox.left || nodeX > sheetBox.right) return;

    const camera = cameraRevealingNode({
      camera: graph.camera,
      nodeY: point.y,
      graphTop: graphBox.top,
      visibleTop: Math.max(frame.getBoundingClientRect().top, 0),
      sheetTop: sheetBox.top,
      sheetBottom: sheetBox.bottom,
    });
    if (camera) graph.camera = camera;
  }
}

/** Returns where the collapsed group that draws a member is, for a member with no node of its own. */
function collapsedGroupPoint(graph: SheetGraph, memberId: string): Point | undefined {
  const group = graph.groups.find((candidate) => !candidate.expanded && candidate.memberIds.includes(memberId));
  return group ? graph.toScreen(group.id) : undefined;
}

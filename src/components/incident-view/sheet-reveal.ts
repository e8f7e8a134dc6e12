/**
 * The pan that brings a node the details sheet covers into view above it. DOM-free: every
 * input is a number in CSS pixels, and vertical positions are viewport coordinates.
 */

import type { Camera } from '../incident-graph/geometry.js';

/** Space kept between a revealed node's centre and the edges of the visible graph, in CSS pixels. */
export const REVEAL_MARGIN = 32;

export interface SheetRevealInput {
  /** The graph's camera: screen = world × k + (x, y), in CSS pixels of the graph element. */
  camera: Camera;
  /** Vertical position of the node's centre in the graph element, in CSS pixels from its top. */
  nodeY: number;
  /** Top of the graph element in the viewport. */
  graphTop: number;
  /** Top of the part of the graph that is not scrolled out of sight, in the viewport. */
  visibleTop: number;
  /** Top and bottom of the sheet in the viewport. */
  sheetTop: number;
  sheetBottom: number;
}

/**
 * Returns the camera that moves the node to the middle of the graph's visible part above the
 * sheet, panning only vertically and keeping the zoom. Returns undefined when the node is at
 * least `REVEAL_MARGIN` above the sheet, or below the sheet's bottom, where the sheet does not
 * cover it.
 */
export function cameraRevealingNode(input: SheetRevealInput): Camera | undefined {
  const { camera, nodeY, graphTop, visibleTop, sheetTop, sheetBottom } = input;
  const nodeTop = graphTop + nodeY;
  if (nodeTop + REVEAL_MARGIN <= sheetTop || nodeTop > sheetBottom) return undefined;

  const top = Math.max(graphTop, visibleTop);
  const target = top < sheetTop ? (top + sheetTop) / 2 : sheetTop - REVEAL_MARGIN;
  return { x: camera.x, y: camera.y + (target - nodeTop), k: camera.k };
}

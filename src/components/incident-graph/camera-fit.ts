/** Zoom limits and the camera that fits nodes of a display model in the view. DOM-free. */

import { nodeBoundsOf, type DisplayModel } from './display-model.js';
import { boundsOfCircles, fitBounds, type Camera, type FitOptions } from './geometry.js';
import { nodeOrGroupOf } from './grouping.js';

export const DEFAULT_MIN_ZOOM = 0.1;
export const DEFAULT_MAX_ZOOM = 8;
/** `fit()` zooms in no further than this, so one or two nodes do not fill the view. */
const MAX_FIT_ZOOM = 2;
const DEFAULT_FIT_PADDING = 32;
/** World units kept around each node when fitting, for its verdict ring and label. */
const FIT_NODE_MARGIN = 12;

export interface ZoomLimits {
  minZoom: number;
  maxZoom: number;
}

/** Returns usable zoom limits from the element's `min-zoom` and `max-zoom`, with defaults for invalid values. */
export function zoomLimitsOf(minZoomValue: number, maxZoomValue: number): ZoomLimits {
  const minZoom = Number.isFinite(minZoomValue) && minZoomValue > 0 ? minZoomValue : DEFAULT_MIN_ZOOM;
  const maxZoom = Number.isFinite(maxZoomValue) && maxZoomValue >= minZoom ? maxZoomValue : Math.max(minZoom, DEFAULT_MAX_ZOOM);
  return { minZoom, maxZoom };
}

/**
 * Returns the camera that fits the nodes that `options` names (every visible node, the selected
 * ones, or those of `nodeIds` with a collapsed member counting as its group), or undefined
 * when there is nothing to fit or no room.
 */
export function fitDisplay(
  display: DisplayModel,
  options: FitOptions,
  viewport: { width: number; height: number },
  limits: ZoomLimits,
): Camera | undefined {
  let nodes = display.nodes;
  if (options.selection) {
    const selected = nodes.filter((node) => node.selected);
    if (selected.length > 0) nodes = selected;
  } else if (options.nodeIds) {
    nodes = options.nodeIds.map((id) => nodeOrGroupOf(display, id)).filter((node) => node !== undefined);
  }
  // Node views are circles already, so the bounds need no copy of them. Those of every node
  // are the model's own, which the draw reads too.
  const bounds = nodes === display.nodes ? nodeBoundsOf(display, FIT_NODE_MARGIN) : boundsOfCircles(nodes, FIT_NODE_MARGIN);
  return fitBounds(bounds, viewport, { ...limits, maxFitZoom: MAX_FIT_ZOOM }, options.padding ?? DEFAULT_FIT_PADDING);
}

/**
 * The zoom limits in effect for an element: `min-zoom` and `max-zoom`. When the graph is too
 * large to fit at `min-zoom`, the minimum is lowered to the zoom that fits every visible node,
 * so the whole graph can always be seen. The fitting camera is kept per display model and
 * viewport.
 */
export class ZoomLimiter {
  private fitted: { display: DisplayModel; width: number; height: number; maxZoom: number; camera: Camera | undefined } | undefined;

  limitsFor(display: DisplayModel, viewport: { width: number; height: number }, minZoomValue: number, maxZoomValue: number): ZoomLimits {
    const limits = zoomLimitsOf(minZoomValue, maxZoomValue);
    const zoom = this.wholeFit(display, viewport, limits.maxZoom)?.k;
    return zoom !== undefined && zoom < limits.minZoom ? { ...limits, minZoom: zoom } : limits;
  }

  /**
   * Returns the camera that fits every visible node, below no minimum zoom. It is computed once
   * per display model and viewport, because while a layout runs, each frame needs it both for
   * the limits and for the automatic fit.
   */
  wholeFit(display: DisplayModel, viewport: { width: number; height: number }, maxZoom: number): Camera | undefined {
    const { width, height } = viewport;
    if (width === 0 || height === 0 || display.nodes.length === 0) return undefined;
    const fitted = this.fitted;
    if (fitted && fitted.display === display && fitted.width === width && fitted.height === height && fitted.maxZoom === maxZoom) return fitted.camera;

    const camera = fitDisplay(display, {}, viewport, { minZoom: Number.MIN_VALUE, maxZoom });
    this.fitted = { display, width, height, maxZoom, camera };
    return camera;
  }
}

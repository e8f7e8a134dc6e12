/**
 * The geometry of box and lasso selection. `SelectionGesture` imports this module on the first
 * box or lasso a user draws, so a page where no user draws one does not load it. It imports no
 * code that the element loads up front, so bundlers keep it in a chunk of its own.
 */

export { nodesInRect, rectBetween } from './box-select.js';
export { extendOutline, nodesInPolygon } from './lasso.js';

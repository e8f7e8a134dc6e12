export {
  coolingTicks,
  ForceLayout,
  positionOf,
  type ForceLayoutOptions,
  type LayoutEdgeInput,
  type LayoutEndDetail,
  type LayoutInput,
  type LayoutKind,
  type LayoutNodeInput,
  type LayoutPositions,
  type LayoutTickDetail,
} from './force-layout.js';
export {
  ALERT_RADIUS,
  ENTITY_RADIUS,
  isGraphPositioned,
  encodeGraphForLayout,
  layoutInputFromGraph,
  writePositions,
  type LayoutInputOptions,
} from './graph-layout.js';
export { createLcg, DEFAULT_LAYOUT_SEED, hashedPosition, hashString } from './seed.js';
export { layoutQuality, type LayoutQuality } from './quality.js';

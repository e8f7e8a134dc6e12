/**
 * Line styles of the graph's edges. Relations and each evidence role differ by dash pattern and
 * width, never by colour alone, so they stay apart in forced colours and in greyscale print.
 */

import type { EdgeView } from './display-model.js';

/** Line style of an edge, with width and dash lengths in world units. */
export interface EdgeStyle {
  name: EdgeStyleName;
  width: number;
  dash: readonly number[];
  cap: CanvasLineCap;
}

export type EdgeStyleName =
  | 'relation'
  | 'compromised'
  | 'attacker'
  | 'source'
  | 'destination'
  | 'evidence'
  | 'contextual';

/**
 * Edge styles:
 * - `relation` (an entity-to-entity relation): solid, 1.6 wide.
 * - `compromised`: solid, 3 wide, the heaviest line.
 * - `attacker` (also `attacked` and `commandAndControl`): long dashes (9, 3), 2.4 wide.
 * - `source`: medium dashes (6, 3), 1.4 wide.
 * - `destination`: dash-dot (6, 3, 1, 3), 1.4 wide.
 * - `evidence` (any other role, or none): short dashes (4, 3), 1 wide.
 * - `contextual`: solid and thinnest, 0.75 wide, the lightest line for the most common role.
 *
 * Dashes cost the software rasterizer per dash, so the role most edges have is solid.
 */
export const EDGE_STYLES: Readonly<Record<EdgeStyleName, EdgeStyle>> = {
  relation: { name: 'relation', width: 1.6, dash: [], cap: 'butt' },
  compromised: { name: 'compromised', width: 3, dash: [], cap: 'butt' },
  attacker: { name: 'attacker', width: 2.4, dash: [9, 3], cap: 'butt' },
  source: { name: 'source', width: 1.4, dash: [6, 3], cap: 'butt' },
  destination: { name: 'destination', width: 1.4, dash: [6, 3, 1, 3], cap: 'butt' },
  evidence: { name: 'evidence', width: 1, dash: [4, 3], cap: 'butt' },
  contextual: { name: 'contextual', width: 0.75, dash: [], cap: 'butt' },
};

/** Style names in drawing order: the lightest lines first, so heavier ones stay on top. */
export const EDGE_STYLE_ORDER: readonly EdgeStyleName[] = [
  'contextual',
  'evidence',
  'relation',
  'destination',
  'source',
  'attacker',
  'compromised',
];

/** Roles by the style they get, strongest first: an edge with several roles takes the first match. */
const ROLE_STYLES: ReadonlyArray<[string, EdgeStyleName]> = [
  ['compromised', 'compromised'],
  ['attacker', 'attacker'],
  ['attacked', 'attacker'],
  ['commandAndControl', 'attacker'],
  ['source', 'source'],
  ['destination', 'destination'],
];

/** Returns the style of an edge: `relation` for relations, else the style of its strongest role. */
export function edgeStyleOf(edge: Pick<EdgeView, 'evidence' | 'roles'>): EdgeStyle {
  if (!edge.evidence) return EDGE_STYLES.relation;
  for (const [role, name] of ROLE_STYLES) {
    if (edge.roles.includes(role)) return EDGE_STYLES[name];
  }
  const onlyContextual = edge.roles.length > 0 && edge.roles.every((role) => role === 'contextual');
  return onlyContextual ? EDGE_STYLES.contextual : EDGE_STYLES.evidence;
}

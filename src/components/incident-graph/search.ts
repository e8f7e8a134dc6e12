/**
 * Search highlighting of `il-incident-graph`: nodes whose label or id contains the search text,
 * ignoring case, are drawn with an emphasis ring, and every other node and edge is dimmed. The
 * listbox's accessible name says how many nodes match.
 */

import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import type { DisplayModel, NodeView } from './display-model.js';
import { RING_GAP } from './draw-nodes.js';
import type { Camera } from './geometry.js';
import type { Palette } from './palette.js';

registerStrings({
  'graph.search.none': 'No node matches the search.',
  'graph.search.one': '1 node matches the search.',
  'graph.search.other': '{count} nodes match the search.',
});

/** Returns the search text to use, or undefined when it is empty or only white space. */
export function normalizeQuery(query: string | null | undefined): string | undefined {
  const trimmed = query?.trim();
  return trimmed ? trimmed.toLocaleLowerCase() : undefined;
}

/** Returns the label of a graph node by id, for matching the members of a collapsed group. */
export type LabelLookup = (id: string) => string | undefined;

/** True when the node of this id matches the normalized query by a value beyond its label, as an entity property. */
export type ValueMatcher = (id: string, query: string) => boolean;

/**
 * True when the node's label or id contains the normalized query, or `valuesMatch` reports that
 * one of its values does. A collapsed group node also matches when one of its visible members does, so
 * a search finds entities hidden in a group.
 */
export function matchesQuery(node: NodeView, query: string, labelOf?: LabelLookup, valuesMatch?: ValueMatcher): boolean {
  if (containsQuery(node.label, node.id, query) || valuesMatch?.(node.id, query) === true) return true;
  if (!node.group || !labelOf) return false;
  return node.group.visibleIds.some((id) => containsQuery(labelOf(id) ?? '', id, query) || valuesMatch?.(id, query) === true);
}

function containsQuery(label: string, id: string, query: string): boolean {
  return label.toLocaleLowerCase().includes(query) || id.toLocaleLowerCase().includes(query);
}

/** Returns the ids of the visible nodes that match, or undefined without a search. */
export function searchMatches(
  display: DisplayModel,
  search: string | null | undefined,
  labelOf?: LabelLookup,
  valuesMatch?: ValueMatcher,
): Set<string> | undefined {
  const query = normalizeQuery(search);
  if (query === undefined) return undefined;
  return new Set(display.nodes.filter((node) => matchesQuery(node, query, labelOf, valuesMatch)).map((node) => node.id));
}

/**
 * Dims every node that does not match and every edge without a match at both ends. The
 * search's dimming replaces the selection's. Returns the matching ids, or undefined without a
 * search, in which case nothing changes.
 */
export function applySearch(
  display: DisplayModel,
  search: string | null | undefined,
  labelOf?: LabelLookup,
  valuesMatch?: ValueMatcher,
): Set<string> | undefined {
  const matches = searchMatches(display, search, labelOf, valuesMatch);
  if (!matches) return undefined;
  for (const node of display.nodes) node.dimmed = !matches.has(node.id);
  const { edges } = display;
  for (let row = 0; row < edges.length; row++) {
    edges.setDimmed(row, !(matches.has(edges.sourceOf(row).id) && matches.has(edges.targetOf(row).id)));
  }
  return matches;
}

/**
 * Returns the sentence that ends the accessible name while a search is set, else an empty
 * string. The count is in the locale of `format`.
 */
export function searchSummary(count: number | undefined, format: LocaleFormat): string {
  if (count === undefined) return '';
  if (count === 0) return msg('graph.search.none');
  return format.msg(count === 1 ? 'graph.search.one' : 'graph.search.other', { count });
}

/** Draws a ring around each matching node, over the scene the draw phase painted. */
export function drawSearchMatches(
  ctx: CanvasRenderingContext2D,
  state: { pixelRatio: number; camera: Camera; palette: Palette; display: DisplayModel },
  matches: ReadonlySet<string>,
): void {
  const { pixelRatio, camera, palette } = state;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.strokeStyle = palette.focus;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (const node of state.display.nodes) {
    if (!matches.has(node.id)) continue;
    const x = node.x * camera.k + camera.x;
    const y = node.y * camera.k + camera.y;
    const radius = (node.radius + RING_GAP + 8) * camera.k;
    ctx.moveTo(x + radius, y);
    ctx.arc(x, y, radius, 0, Math.PI * 2);
  }
  ctx.stroke();
  ctx.restore();
}

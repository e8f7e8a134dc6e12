/**
 * The accessible layer of `il-incident-graph`: the listbox that mirrors the visible nodes. A big
 * graph would need thousands of option elements, so only a window of options around the active
 * one is rendered, each with `aria-setsize` and `aria-posinset` so that a screen reader still
 * announces its place in the whole list ("12 of 11,000").
 */

import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg } from '../shared/strings.js';
import type { DisplayModel, NodeView } from './display-model.js';
import { searchSummary } from './search.js';
import { countLabel } from './strings.js';

/** Number of option elements rendered at most. A list this long or shorter renders whole. */
export const OPTION_WINDOW = 50;

/** Returns the start (inclusive) and end (exclusive) of the options to render around `activeIndex`. */
export function optionWindow(count: number, activeIndex: number, size = OPTION_WINDOW): [number, number] {
  if (count <= size) return [0, count];
  const centre = activeIndex >= 0 ? activeIndex : 0;
  const start = Math.max(0, Math.min(count - size, centre - Math.floor(size / 2)));
  return [start, start + size];
}

/** Returns the id of the option element of the node at `index` in the display model's list. */
export function optionId(index: number): string {
  return `node-${index}`;
}

/**
 * Returns the listbox's accessible name: the visible counts, and the search summary while
 * searching, with numbers in the locale of `format`.
 */
export function listboxName(display: DisplayModel, searchMatchCount: number | undefined, format: LocaleFormat): string {
  const counts = msg('graph.name', {
    alerts: countLabel('alerts', display.alertCount, format),
    entities: countLabel('entities', display.entityCount, format),
  });
  const summary = searchSummary(searchMatchCount, format);
  return summary ? `${counts}. ${summary}` : counts;
}

/**
 * Renders the listbox element with the window of options around the active node. The canvas
 * and anything else inside the listbox come in `content`.
 */
export function renderListbox(options: {
  display: DisplayModel;
  activeId: string | undefined;
  searchMatchCount: number | undefined;
  describe: (node: NodeView) => string;
  content: unknown;
  format: LocaleFormat;
}): TemplateResult {
  const { display, describe } = options;
  const nodes = display.nodes;
  const activeIndex = options.activeId === undefined ? -1 : nodes.findIndex((node) => node.id === options.activeId);
  const [start, end] = optionWindow(nodes.length, activeIndex);
  const windowNodes = nodes.slice(start, end);

  return html`
    <div
      part="viewport"
      class="viewport"
      role="listbox"
      tabindex="0"
      aria-multiselectable="true"
      aria-label=${listboxName(display, options.searchMatchCount, options.format)}
      aria-activedescendant=${ifDefined(activeIndex >= 0 ? optionId(activeIndex) : undefined)}
    >
      ${options.content}
      ${windowNodes.map(
        (node, offset) => html`<div
          class="option"
          role="option"
          id=${optionId(start + offset)}
          aria-setsize=${nodes.length}
          aria-posinset=${start + offset + 1}
          aria-selected=${node.selected ? 'true' : 'false'}
        >${describe(node)}</div>`,
      )}
    </div>
  `;
}

/**
 * The template of `il-incident-graph`: the listbox that contains the canvas, the empty message,
 * the overlay of the pointer gestures, the minimap and the hint of a cooperative graph.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg } from '../shared/strings.js';
import type { GestureHint } from './gesture-hint.js';
import type { GraphBinding } from './graph-binding.js';
import type { GraphInteraction } from './interaction.js';
import { renderListbox } from './listbox.js';
import type { MinimapLoader } from './minimap-loader.js';

/** The state and helpers the template renders from. */
export interface GraphView {
  readonly binding: GraphBinding;
  readonly interaction: GraphInteraction;
  readonly minimapView: MinimapLoader;
  readonly gestureHint: GestureHint;
  readonly format: LocaleFormat;
  /** The `minimap` attribute. */
  readonly minimap: boolean;
  /** Shows the empty message in place of a graph. */
  readonly empty: boolean;
}

export function renderGraphView(view: GraphView): TemplateResult {
  const { binding, interaction } = view;
  return html`
    ${renderListbox({
      display: binding.display,
      activeId: interaction.activeId,
      searchMatchCount: binding.searchMatchIds?.size,
      describe: (node) => interaction.describe(node),
      content: html`<canvas part="canvas" aria-hidden="true"></canvas>`,
      format: view.format,
    })}
    ${view.empty ? html`<p part="empty" class="empty">${msg('graph.empty')}</p>` : nothing}
    ${interaction.renderOverlay()}
    ${view.minimapView.render(view.minimap)}
    ${view.gestureHint.render()}
  `;
}

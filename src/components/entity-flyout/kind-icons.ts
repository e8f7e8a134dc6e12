/**
 * The entity-kind icon of the flyout: the same shape the graph draws for the kind, as inline
 * SVG filled with `currentColor`. Decorative: the kind's name is always written next to it.
 */

import { html, svg, type TemplateResult } from 'lit';
import type { EntityKind } from '../../model/types.js';
import { ICON_FILL_RULE, ICON_VIEW_BOX_SIZE, iconPathData } from '../shared/entity-icons.js';

const VIEW_BOX = `0 0 ${ICON_VIEW_BOX_SIZE} ${ICON_VIEW_BOX_SIZE}`;

/** Returns the icon of an entity kind; a kind outside the contract gets the `other` icon. */
export function kindIcon(kind: EntityKind): TemplateResult {
  return html`<svg class="kind-icon" viewBox=${VIEW_BOX} width="16" height="16" aria-hidden="true" focusable="false">${svg`<path d=${iconPathData(kind)} fill-rule=${ICON_FILL_RULE}></path>`}</svg>`;
}

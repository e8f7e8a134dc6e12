/**
 * Small outline icons for entity kinds, 16 × 16. The stylesheet strokes them with
 * `currentColor` (`.kind-icon`). Decorative: the kind's name is always written next to them.
 */

import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { EntityKind } from '../../model/types.js';

const SHAPES: Record<EntityKind, SVGTemplateResult> = {
  device: svg`<rect x="1.5" y="2.5" width="13" height="8.5" rx="1"/><path d="M5.5 14h5M8 11v3"/>`,
  user: svg`<circle cx="8" cy="5" r="3"/><path d="M2.5 14.5c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5"/>`,
  mailbox: svg`<path d="M1.5 9l2-6.5h9l2 6.5v4.5h-13zM1.5 9h4l1 2h3l1-2h4"/>`,
  mailMessage: svg`<rect x="1.5" y="3" width="13" height="10" rx="1"/><path d="M1.8 3.5L8 8.5l6.2-5"/>`,
  mailCluster: svg`<rect x="1.5" y="5" width="11" height="8.5" rx="1"/><path d="M1.8 5.5L7 9.5l5.2-4M4 2.5h10.5V10"/>`,
  file: svg`<path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3"/>`,
  process: svg`<rect x="1.5" y="2.5" width="13" height="11" rx="1"/><path d="M4 6.5l2 1.7L4 10M7.5 10.5h4"/>`,
  ip: svg`<circle cx="8" cy="8" r="6.5"/><path d="M1.5 8h13M8 1.5c-2.4 3.6-2.4 9.4 0 13M8 1.5c2.4 3.6 2.4 9.4 0 13"/>`,
  url: svg`<path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.6-2.6a2.6 2.6 0 0 0-3.7-3.7l-1 1M9.2 6.8a2.6 2.6 0 0 0-3.7 0L2.9 9.4a2.6 2.6 0 0 0 3.7 3.7l1-1"/>`,
  dnsName: svg`<circle cx="8" cy="8" r="6.5"/><path d="M4.5 6.5v3M4.5 6.5h1a1.5 1.5 0 0 1 0 3h-1M8 9.5v-3l2 3v-3M11.5 9.5h1.2a.8.8 0 0 0 0-1.5h-.4a.8.8 0 0 1 0-1.5h1.2" stroke-width="1"/>`,
  cloudApp: svg`<path d="M4.5 12.5a3 3 0 0 1-.3-6 4 4 0 0 1 7.7-.8 3.4 3.4 0 0 1 .3 6.8z"/>`,
  oauthApp: svg`<circle cx="5" cy="8" r="3"/><path d="M8 8h6.5M12.5 8v2.5M10.5 8v2"/>`,
  cloudResource: svg`<path d="M4.5 10.5a3 3 0 0 1-.3-6 4 4 0 0 1 7.7-.8 3.4 3.4 0 0 1 .3 6.8"/><rect x="5.5" y="9" width="5" height="5"/>`,
  registryKey: svg`<path d="M1.5 3.5h5l1.5 2h6.5v8h-13z"/>`,
  registryValue: svg`<rect x="2" y="2" width="12" height="12" rx="1"/><path d="M5 6h6M5 8.5h6M5 11h3.5"/>`,
  securityGroup: svg`<circle cx="5.5" cy="5.5" r="2.3"/><circle cx="11" cy="6" r="2"/><path d="M1.5 13.5c.4-2.4 2-3.6 4-3.6s3.6 1.2 4 3.6M10 10c2 0 3.8.9 4.5 3.5"/>`,
  container: svg`<path d="M8 1.5l6 3v7l-6 3-6-3v-7zM2 4.5l6 3 6-3M8 7.5v7"/>`,
  other: svg`<circle cx="8" cy="8" r="6.5"/><circle cx="5" cy="8" r=".9" class="dot"/><circle cx="8" cy="8" r=".9" class="dot"/><circle cx="11" cy="8" r=".9" class="dot"/>`,
};

/** Returns the icon of an entity kind; a kind outside the contract gets the `other` icon. */
export function kindIcon(kind: EntityKind): TemplateResult {
  return html`<svg class="kind-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${SHAPES[kind] ?? SHAPES.other}</svg>`;
}

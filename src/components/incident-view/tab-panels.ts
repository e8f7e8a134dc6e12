/**
 * Renders the content of the tabs other than the attack story. Summary and alerts are this
 * package's own elements, which `define.ts` registers with the view. Assets, investigations and
 * evidence are shown by their elements when those are registered on the page, and by a short
 * note otherwise, so a page that registers only some elements still works.
 */

import { html, type TemplateResult } from 'lit';
import type { IncidentSession } from '../../session/session.js';
import { msg, registerStrings } from '../shared/strings.js';
import type { IncidentViewTab } from './tabs.js';

registerStrings({
  'view.unavailable': 'This section is not available on this page.',
});

/** Tags of the elements that show the optional tabs. */
export const OPTIONAL_TAB_ELEMENTS = {
  assets: 'il-asset-list',
  investigations: 'il-investigations',
  evidence: 'il-evidence-list',
} as const satisfies Partial<Record<IncidentViewTab, string>>;

export function renderTabPanel(tab: Exclude<IncidentViewTab, 'story'>, session: IncidentSession): TemplateResult {
  switch (tab) {
    case 'summary':
      return html`<il-incident-summary part="summary" .session=${session}></il-incident-summary>`;
    case 'alerts':
      return html`<il-alert-queue part="alert-queue" .session=${session}></il-alert-queue>`;
    case 'assets':
      return defined('assets')
        ? html`<il-asset-list part="assets" .session=${session}></il-asset-list>`
        : unavailable();
    case 'investigations':
      return defined('investigations')
        ? html`<il-investigations part="investigations" .session=${session}></il-investigations>`
        : unavailable();
    case 'evidence':
      return defined('evidence')
        ? html`<il-evidence-list part="evidence" .session=${session}></il-evidence-list>`
        : unavailable();
  }
}

function defined(tab: keyof typeof OPTIONAL_TAB_ELEMENTS): boolean {
  return customElements.get(OPTIONAL_TAB_ELEMENTS[tab]) !== undefined;
}

function unavailable(): TemplateResult {
  return html`<p class="hint" part="status">${msg('view.unavailable')}</p>`;
}

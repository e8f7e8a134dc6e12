/**
 * Renders the content of the tabs other than the attack story. The view's `define.ts`
 * registers every element used here. A page that registers the view class on its own may
 * leave out the asset, investigation and evidence elements, and those tabs then show a note.
 */

import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { IncidentSession } from '../../session/session.js';
import { msg, registerStrings } from '../shared/strings.js';
import type { ThemeName } from '../shared/theme.js';
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

/**
 * Renders one tab's element. `search` is the noise-control bar's text, for the lists that
 * search, and `theme` the view's forced theme, if any.
 */
export function renderTabPanel(
  tab: Exclude<IncidentViewTab, 'story'>,
  session: IncidentSession,
  search: string,
  theme: ThemeName | undefined,
): TemplateResult {
  switch (tab) {
    case 'summary':
      return html`<il-incident-summary part="summary" theme=${ifDefined(theme)} .session=${session}></il-incident-summary>`;
    case 'alerts':
      return html`<il-alert-queue part="alert-queue" theme=${ifDefined(theme)} .session=${session}></il-alert-queue>`;
    case 'assets':
      return defined('assets')
        ? html`<il-asset-list part="assets" theme=${ifDefined(theme)} .session=${session} .search=${search}></il-asset-list>`
        : unavailable();
    case 'investigations':
      return defined('investigations')
        ? html`<il-investigations part="investigations" theme=${ifDefined(theme)} .session=${session}></il-investigations>`
        : unavailable();
    case 'evidence':
      return defined('evidence')
        ? html`<il-evidence-list part="evidence" theme=${ifDefined(theme)} .session=${session} .search=${search}></il-evidence-list>`
        : unavailable();
  }
}

function defined(tab: keyof typeof OPTIONAL_TAB_ELEMENTS): boolean {
  return customElements.get(OPTIONAL_TAB_ELEMENTS[tab]) !== undefined;
}

function unavailable(): TemplateResult {
  return html`<p class="hint" part="status">${msg('view.unavailable')}</p>`;
}

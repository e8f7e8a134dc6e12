/**
 * The tabs of `il-incident-view` and their tab list. The list follows the WAI-ARIA tabs pattern
 * with manual activation. It is one tab stop (the selected tab). Arrow keys, Home and End move
 * the focus between tabs, and Enter or Space (a click on the focused button) selects one.
 */

import { html, type TemplateResult } from 'lit';
import { msg, registerStrings } from '../shared/strings.js';

export const INCIDENT_VIEW_TABS = ['story', 'summary', 'alerts', 'assets', 'investigations', 'evidence'] as const;

/** A tab of the incident view: `story` is the attack story with the graph and the timeline. */
export type IncidentViewTab = (typeof INCIDENT_VIEW_TABS)[number];

registerStrings({
  'view.tabs': 'Incident sections',
  'view.tab.story': 'Attack story',
  'view.tab.summary': 'Summary',
  'view.tab.alerts': 'Alerts',
  'view.tab.assets': 'Assets',
  'view.tab.investigations': 'Investigations',
  'view.tab.evidence': 'Evidence and response',
});

/** True for one of `INCIDENT_VIEW_TABS`. */
export function isIncidentViewTab(value: unknown): value is IncidentViewTab {
  return typeof value === 'string' && (INCIDENT_VIEW_TABS as readonly string[]).includes(value);
}

export function tabId(tab: IncidentViewTab): string {
  return `tab-${tab}`;
}

export function panelId(tab: IncidentViewTab): string {
  return `panel-${tab}`;
}

export function renderTabList(selected: IncidentViewTab, select: (tab: IncidentViewTab) => void): TemplateResult {
  return html`
    <div class="tabs" part="tabs" role="tablist" aria-label=${msg('view.tabs')} @keydown=${handleTabKeydown}>
      ${INCIDENT_VIEW_TABS.map(
        (tab) => html`
          <button
            type="button"
            role="tab"
            class="tab"
            part="tab"
            id=${tabId(tab)}
            data-tab=${tab}
            aria-selected=${tab === selected ? 'true' : 'false'}
            aria-controls=${panelId(tab)}
            tabindex=${tab === selected ? 0 : -1}
            @click=${() => select(tab)}
          >${msg(`view.tab.${tab}`)}</button>
        `,
      )}
    </div>
  `;
}

/** Moves the focus between tabs. The keys wrap around at both ends, as the pattern suggests. */
function handleTabKeydown(event: KeyboardEvent): void {
  const list = event.currentTarget as HTMLElement;
  const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const index = tabs.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;

  let next: number;
  switch (event.key) {
    case 'ArrowRight':
      next = (index + 1) % tabs.length;
      break;
    case 'ArrowLeft':
      next = (index - 1 + tabs.length) % tabs.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = tabs.length - 1;
      break;
    default:
      return;
  }

  event.preventDefault();
  tabs[next]!.focus();
}

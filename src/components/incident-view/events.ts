/** Events of `<il-incident-view>`. */

import type { IncidentViewTab } from './tabs.js';

export interface TabChangeDetail {
  tab: IncidentViewTab;
}

/** The user chose another tab of the incident view. */
export class TabChangeEvent extends CustomEvent<TabChangeDetail> {
  static readonly eventName = 'il-tab-change';
  constructor(detail: TabChangeDetail) {
    super(TabChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-tab-change': TabChangeEvent;
  }
}

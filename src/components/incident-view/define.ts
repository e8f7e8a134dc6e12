/** Registers `<il-incident-view>` and the elements it is made of. */

import '../alert-queue/define.js';
import '../alert-timeline/define.js';
import '../asset-list/define.js';
import '../entity-flyout/define.js';
import '../evidence-list/define.js';
import '../incident-filters/define.js';
import '../incident-graph/define.js';
import '../incident-summary/define.js';
import '../investigations/define.js';
import '../verdict-badge/define.js';
import { defineElement } from '../shared/define-element.js';
import { IncidentView } from './incident-view.js';

defineElement('il-incident-view', IncidentView);

declare global {
  interface HTMLElementTagNameMap {
    'il-incident-view': IncidentView;
  }
}

export { IncidentView };

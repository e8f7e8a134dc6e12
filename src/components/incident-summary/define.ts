/** Registers `<il-incident-summary>` and the badge it shows. Importing `incident-summary.js` alone registers nothing. */

import '../verdict-badge/define.js';
import { defineElement } from '../shared/define-element.js';
import { IncidentSummary } from './incident-summary.js';

export { IncidentSummary };

defineElement('il-incident-summary', IncidentSummary);

declare global {
  interface HTMLElementTagNameMap {
    'il-incident-summary': IncidentSummary;
  }
}

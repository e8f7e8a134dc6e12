/** Registers `<il-incident-graph>`. Importing `incident-graph.js` alone registers nothing. */

import { defineElement } from '../shared/define-element.js';
import { IncidentGraphElement } from './incident-graph.js';

export { IncidentGraphElement };

defineElement('il-incident-graph', IncidentGraphElement);

declare global {
  interface HTMLElementTagNameMap {
    'il-incident-graph': IncidentGraphElement;
  }
}

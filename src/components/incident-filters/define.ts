/** Registers `<il-incident-filters>`. Importing `incident-filters.js` alone registers nothing. */

import { defineElement } from '../shared/define-element.js';
import { IncidentFiltersElement } from './incident-filters.js';

export { IncidentFiltersElement };

defineElement('il-incident-filters', IncidentFiltersElement);

declare global {
  interface HTMLElementTagNameMap {
    'il-incident-filters': IncidentFiltersElement;
  }
}

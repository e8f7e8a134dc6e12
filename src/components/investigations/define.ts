/**
 * Registers `<il-investigations>` and the `<il-incident-graph>` it renders. Importing
 * `investigations.js` alone registers nothing.
 */

import '../incident-graph/define.js';
import { defineElement } from '../shared/define-element.js';
import { Investigations } from './investigations.js';

export { Investigations };

defineElement('il-investigations', Investigations);

declare global {
  interface HTMLElementTagNameMap {
    'il-investigations': Investigations;
  }
}

/**
 * Registers `<il-evidence-list>` and the `<il-verdict-badge>` it renders. Importing
 * `evidence-list.js` alone registers nothing.
 */

import '../verdict-badge/define.js';
import { defineElement } from '../shared/define-element.js';
import { EvidenceList } from './evidence-list.js';

export { EvidenceList };
export type { EvidenceShow } from './evidence-list.js';

defineElement('il-evidence-list', EvidenceList);

declare global {
  interface HTMLElementTagNameMap {
    'il-evidence-list': EvidenceList;
  }
}

/** Registers `<il-verdict-badge>`. Importing `verdict-badge.js` alone registers nothing. */

import { defineElement } from '../shared/define-element.js';
import { VerdictBadge } from './verdict-badge.js';

export { VerdictBadge };

defineElement('il-verdict-badge', VerdictBadge);

declare global {
  interface HTMLElementTagNameMap {
    'il-verdict-badge': VerdictBadge;
  }
}

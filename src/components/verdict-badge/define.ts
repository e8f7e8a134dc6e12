/** Registers `<il-verdict-badge>`. Importing `verdict-badge.js` alone registers nothing. */

import { VerdictBadge } from './verdict-badge.js';

export { VerdictBadge };

if (!customElements.get('il-verdict-badge')) {
  customElements.define('il-verdict-badge', VerdictBadge);
}

declare global {
  interface HTMLElementTagNameMap {
    'il-verdict-badge': VerdictBadge;
  }
}

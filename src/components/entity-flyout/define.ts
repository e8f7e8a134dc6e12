/**
 * Registers `<il-entity-flyout>` and the `<il-verdict-badge>` it renders. Importing
 * `entity-flyout.js` alone registers nothing.
 */

import '../verdict-badge/define.js';
import { EntityFlyout } from './entity-flyout.js';

export { EntityFlyout };
export { FlyoutCloseEvent, type FlyoutCloseDetail } from './events.js';

if (!customElements.get('il-entity-flyout')) {
  customElements.define('il-entity-flyout', EntityFlyout);
}

declare global {
  interface HTMLElementTagNameMap {
    'il-entity-flyout': EntityFlyout;
  }
}

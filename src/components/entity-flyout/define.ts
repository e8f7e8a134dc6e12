/**
 * Registers `<il-entity-flyout>` and the `<il-verdict-badge>` it renders. Importing
 * `entity-flyout.js` alone registers nothing.
 */

import '../verdict-badge/define.js';
import { defineElement } from '../shared/define-element.js';
import { EntityFlyout } from './entity-flyout.js';

export { EntityFlyout };
export { FlyoutCloseEvent, type FlyoutCloseDetail } from './events.js';

defineElement('il-entity-flyout', EntityFlyout);

declare global {
  interface HTMLElementTagNameMap {
    'il-entity-flyout': EntityFlyout;
  }
}

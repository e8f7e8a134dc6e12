/**
 * Registers `<il-entity-flyout>` and the `<il-verdict-badge>` and `<il-hunt-results>` it
 * renders. Importing `entity-flyout.js` alone registers nothing.
 */

import '../hunt-results/define.js';
import '../verdict-badge/define.js';
import { defineElement } from '../shared/define-element.js';
import { EntityFlyout } from './entity-flyout.js';

export { EntityFlyout };
export type { FlyoutMode } from './entity-flyout.js';
export {
  ActionCompleteEvent,
  ActionErrorEvent,
  ActionRequestEvent,
  FlyoutCloseEvent,
  type ActionCompleteDetail,
  type ActionErrorDetail,
  type ActionRequestDetail,
  type FlyoutCloseDetail,
  type FlyoutCloseReason,
} from './events.js';

defineElement('il-entity-flyout', EntityFlyout);

declare global {
  interface HTMLElementTagNameMap {
    'il-entity-flyout': EntityFlyout;
  }
}

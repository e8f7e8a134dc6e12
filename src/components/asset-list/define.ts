/**
 * Registers `<il-asset-list>` and the `<il-verdict-badge>` it renders. Importing
 * `asset-list.js` alone registers nothing.
 */

import '../verdict-badge/define.js';
import { defineElement } from '../shared/define-element.js';
import { AssetList } from './asset-list.js';

export { AssetList };
export type { AssetCategory } from './asset-columns.js';
export {
  BulkActionCompleteEvent,
  BulkActionErrorEvent,
  BulkActionRequestEvent,
  type BulkActionCompleteDetail,
  type BulkActionErrorDetail,
  type BulkActionRequestDetail,
  type BulkActionWork,
} from './events.js';

defineElement('il-asset-list', AssetList);

declare global {
  interface HTMLElementTagNameMap {
    'il-asset-list': AssetList;
  }
}

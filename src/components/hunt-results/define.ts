/** Registers `<il-hunt-results>`. Importing `hunt-results.js` alone registers nothing. */

import { defineElement } from '../shared/define-element.js';
import { HuntResults } from './hunt-results.js';

export { HuntResults };
export {
  HuntCompleteEvent,
  LinkToIncidentEvent,
  type HuntCompleteDetail,
  type LinkToIncidentDetail,
} from './events.js';

defineElement('il-hunt-results', HuntResults);

declare global {
  interface HTMLElementTagNameMap {
    'il-hunt-results': HuntResults;
  }
}

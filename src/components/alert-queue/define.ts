/** Registers `<il-alert-queue>`. Importing `alert-queue.js` alone registers nothing. */

import { defineElement } from '../shared/define-element.js';
import { AlertQueue } from './alert-queue.js';

export { AlertQueue };

defineElement('il-alert-queue', AlertQueue);

declare global {
  interface HTMLElementTagNameMap {
    'il-alert-queue': AlertQueue;
  }
}

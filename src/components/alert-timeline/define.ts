/** Registers `<il-alert-timeline>`. Importing `alert-timeline.js` alone registers nothing. */

import { defineElement } from '../shared/define-element.js';
import { AlertTimeline } from './alert-timeline.js';

export { AlertTimeline };

defineElement('il-alert-timeline', AlertTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'il-alert-timeline': AlertTimeline;
  }
}

/** Microsoft Sentinel mapping. */

export { fromSentinel } from './from-sentinel.js';
export { DETECTED_IN_RELATION } from './entity-links.js';

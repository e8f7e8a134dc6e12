/** Microsoft Graph security API mapping. */

export { fromMicrosoftGraph } from './from-microsoft-graph.js';
export { SENT_FROM_RELATION } from './relations.js';

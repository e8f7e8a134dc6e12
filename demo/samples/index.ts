/** The project's own sample incidents, as Microsoft Graph payloads. */

import { contosoPhishToMacro, type GraphPayload } from './contoso-phish-to-macro.js';
import { publishedShape } from './published-shape.js';

export type { GraphPayload } from './contoso-phish-to-macro.js';
export { contosoPhishToMacro, publishedShape };
export { samplePendingActions, withSamplePendingActions } from './pending-actions.js';

/** Every sample payload: the phishing-to-credential-theft incident first. */
export const sampleIncidents: GraphPayload[] = [contosoPhishToMacro, publishedShape];

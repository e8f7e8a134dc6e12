/** The project's own sample incidents, as Microsoft Graph payloads. */

import { contosoPhishToMacro, type GraphPayload } from './contoso-phish-to-macro.js';
import { fabrikamPhishToRansomware } from './fabrikam-phish-to-ransomware.js';
import { publishedShape } from './published-shape.js';

export type { GraphPayload } from './contoso-phish-to-macro.js';
export { contosoPhishToMacro, fabrikamPhishToRansomware, publishedShape };
export { samplePendingActions, withSamplePendingActions } from './pending-actions.js';

/**
 * Every sample payload: the phishing-to-credential-theft incident first, and last the
 * phishing-to-ransomware incident, whose graph forms groups.
 */
export const sampleIncidents: GraphPayload[] = [contosoPhishToMacro, publishedShape, fabrikamPhishToRansomware];

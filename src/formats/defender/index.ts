/** Defender XDR incidents API and Defender for Endpoint alerts API mapping. */

export { fromDefender } from './from-defender.js';

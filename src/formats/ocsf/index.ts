/** OCSF mapping. */

export { fromOcsf } from './from-ocsf.js';

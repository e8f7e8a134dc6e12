/** The data adapter interface that host apps implement, and the ready in-memory adapter. */

export type * from './adapter.js';
export { createStaticAdapter } from './static-adapter.js';

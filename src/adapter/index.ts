/** The data adapter interface that host apps implement, and the ready in-memory adapter. */

export type * from './adapter.js';
export { createLiveStaticAdapter, createStaticAdapter, type LiveStaticAdapter } from './static-adapter.js';

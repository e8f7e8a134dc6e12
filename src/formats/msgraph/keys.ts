/** Entity ids of Graph evidence: the shared key builders, under the name the Graph modules import. */

export * from '../shared/entity-keys.js';

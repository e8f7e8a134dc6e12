/**
 * The define module of every element, imported on first use. In the script-tag bundle each
 * import below becomes the chunk `bundle/<tag>.js` next to the entry, which rollup.config.mjs
 * names after the tag and checks at build time.
 */

declare const __IL_BUNDLED__: boolean | undefined;

export const ELEMENT_CHUNKS = {
  'il-alert-queue': () => import('../components/alert-queue/define.js'),
  'il-alert-timeline': () => import('../components/alert-timeline/define.js'),
  'il-asset-list': () => import('../components/asset-list/define.js'),
  'il-entity-flyout': () => import('../components/entity-flyout/define.js'),
  'il-evidence-list': () => import('../components/evidence-list/define.js'),
  'il-hunt-results': () => import('../components/hunt-results/define.js'),
  'il-incident-filters': () => import('../components/incident-filters/define.js'),
  'il-incident-graph': () => import('../components/incident-graph/define.js'),
  'il-incident-summary': () => import('../components/incident-summary/define.js'),
  'il-incident-view': () => import('../components/incident-view/define.js'),
  'il-investigations': () => import('../components/investigations/define.js'),
  'il-verdict-badge': () => import('../components/verdict-badge/define.js'),
} as const;

/** Tag of an incident-lens element. */
export type ElementTag = keyof typeof ELEMENT_CHUNKS;

/** Every element tag, in alphabetical order. */
export const ELEMENT_TAGS = Object.keys(ELEMENT_CHUNKS) as ElementTag[];

export function isElementTag(name: string): name is ElementTag {
  return Object.hasOwn(ELEMENT_CHUNKS, name);
}

/**
 * Returns the URL of the module that defines `tag`, for error messages. In the script-tag bundle
 * that is its chunk, in the folder of the chunk that contains this module. In the sources and
 * the ES-module build it is the element's define module.
 */
export function elementModuleUrl(tag: ElementTag): string {
  const bundled = typeof __IL_BUNDLED__ === 'boolean' && __IL_BUNDLED__;
  const path = bundled ? `./${tag}.js` : `../components/${tag.slice('il-'.length)}/define.js`;
  return new URL(path, import.meta.url).href;
}

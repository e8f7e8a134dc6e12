/**
 * Loads the code of each incident-lens element when an element with its tag first appears, so
 * a page that loads the script-tag bundle downloads only the elements it shows. The loader
 * scans the document once, then watches it with one `MutationObserver` until every tag is
 * requested. It cannot see into shadow roots or detached trees: their owner calls `discover`.
 */

import { ELEMENT_CHUNKS, ELEMENT_TAGS, elementModuleUrl, isElementTag, type ElementTag } from './element-chunks.js';

const ELEMENT_SELECTOR = ELEMENT_TAGS.join(',');

/** Loads in flight or done, by tag. A failed load stays here, so it is reported once. */
const loads = new Map<ElementTag, Promise<void>>();

let observer: MutationObserver | undefined;
let started = false;

/**
 * Imports the chunk that defines `tag`, once per page. Rejects with an error naming the tag and
 * the chunk's URL when the chunk does not load, and logs that error once to the console.
 */
function loadElement(tag: ElementTag): Promise<void> {
  const existing = loads.get(tag);
  if (existing) return existing;

  // Another copy of incident-lens, or an `il-*.js` module, may have defined the tag already.
  const load = customElements.get(tag)
    ? Promise.resolve()
    : ELEMENT_CHUNKS[tag]().then(
        () => undefined,
        (cause: unknown) => {
          const error = new Error(
            `incident-lens: <${tag}> stays undefined, because its code did not load from ${elementModuleUrl(tag)} (${String(cause)}). ` +
              'Serve the bundle/ folder of dist/ next to incident-lens.bundle.js.',
            { cause },
          );
          console.error(error.message);
          throw error;
        },
      );
  loads.set(tag, load);
  if (loads.size === ELEMENT_TAGS.length) stopWatching();
  return load;
}

/**
 * Returns the element tags used in `root` that `selector` matches, the root itself included
 * when it is an element.
 */
function tagsIn(root: ParentNode, selector: string): Set<ElementTag> {
  const tags = new Set<ElementTag>();
  if (root instanceof Element && isElementTag(root.localName) && root.matches(selector)) tags.add(root.localName);
  for (const element of root.querySelectorAll(selector)) tags.add(element.localName as ElementTag);
  return tags;
}

/** Returns a selector of the tags not requested yet, which the observer still looks for. */
function unrequestedSelector(): string {
  return ELEMENT_TAGS.filter((tag) => !loads.has(tag)).join(',');
}

/**
 * Starts loading the tags used in `root` that `selector` matches, and swallows failures, which
 * `loadElement` logged.
 */
function loadTagsIn(root: ParentNode, selector = ELEMENT_SELECTOR): Promise<void>[] {
  return [...tagsIn(root, selector)].map((tag) => {
    const load = loadElement(tag);
    load.catch(() => undefined);
    return load;
  });
}

function stopWatching(): void {
  observer?.disconnect();
  observer = undefined;
}

/**
 * Scans the document for incident-lens elements and watches it for added ones. The script-tag
 * bundle calls it when it loads; a second call does nothing.
 */
export function startAutoloader(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  loadTagsIn(document);
  if (loads.size === ELEMENT_TAGS.length) return;

  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // Stops when the last tag was requested, which also disconnects the observer.
        if (!observer) return;
        if (node instanceof Element) loadTagsIn(node, unrequestedSelector());
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Loads the incident-lens elements used in `root`, a shadow root or a tree that is not in the
 * document, which the document's observer cannot see, or the document when left out. Resolves
 * once each of them is defined and upgraded, or rejects with an error naming the tag and URL
 * of a chunk that did not load, or a `TypeError` for a root that is not a node with children.
 * Call it again after adding elements with new tags to the same root.
 */
export async function discover(root: ParentNode = document): Promise<void> {
  if (!(root instanceof Document || root instanceof DocumentFragment || root instanceof Element)) {
    throw new TypeError(
      `discover: invalid root (got ${root === null ? 'null' : typeof root}). Pass a shadow root, an element, a fragment or the document, for example discover(host.shadowRoot).`,
    );
  }
  await Promise.all(loadTagsIn(root));
  // Connected elements upgrade when their tag is defined; detached ones only on request.
  if (root instanceof Node) customElements.upgrade(root);
}

/**
 * Defines the elements `tags` (every element when left out) without waiting for them to
 * appear. Resolves once they are defined, or rejects with an error naming the tag and URL of
 * a chunk that did not load, or a `TypeError` for a tag that is not an incident-lens element.
 */
export async function defineElements(tags: Iterable<ElementTag> = ELEMENT_TAGS): Promise<void> {
  const requested = [...tags];
  const unknown = requested.filter((tag) => !isElementTag(tag));
  if (unknown.length > 0) {
    throw new TypeError(`defineElements: unknown tag (got ${unknown.map((tag) => JSON.stringify(tag)).join(', ')}). Pass tags among ${ELEMENT_TAGS.join(', ')}.`);
  }
  await Promise.all(requested.map(loadElement));
}

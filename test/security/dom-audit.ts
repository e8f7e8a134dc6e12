/**
 * Checks for the security tests: a canary that script payloads call, and a walk through the
 * document and every open shadow root that lists elements and attributes which only parsed
 * data could have made.
 */

import { CANARY_NAME, MARKER_ATTRIBUTE, MARKER_TAG } from '../fixtures/hostile-strings.js';

declare global {
  interface Window {
    [CANARY_NAME]?: () => void;
  }
}

/** Counts calls of the global canary from the moment it is installed. */
export class Canary {
  calls = 0;

  install(): void {
    window[CANARY_NAME] = () => {
      this.calls++;
    };
  }

  uninstall(): void {
    delete window[CANARY_NAME];
  }
}

/** Tags that no element of the library creates, so any of them came from data. */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'img', 'foreignobject', 'style', 'link', 'meta', 'base', 'form', MARKER_TAG]);

/** Schemes a link may have. */
const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export interface AuditFinding {
  where: string;
  problem: string;
}

export interface AuditReport {
  /** Elements walked, in the light DOM and every open shadow root. */
  elements: number;
  shadowRoots: number;
  links: number;
  findings: AuditFinding[];
}

/** Yields every element under `root`, descending into open shadow roots. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

function describe(element: Element): string {
  const host = (element.getRootNode() as ShadowRoot).host;
  return `${host ? `${host.localName} > ` : ''}${element.localName}`;
}

/**
 * Walks `root` and reports elements made from data: forbidden tags, the marker attribute,
 * event handler attributes, and links or sources whose scheme is not http(s) or mailto.
 * Elements inside `<style>` sheets adopted by Lit are not elements, so they are not seen.
 */
export function auditDom(root: Element): AuditReport {
  const report: AuditReport = { elements: 0, shadowRoots: 0, links: 0, findings: [] };

  for (const element of [root, ...deepElements(root.shadowRoot ?? root), ...(root.shadowRoot ? deepElements(root) : [])]) {
    report.elements++;
    if (element.shadowRoot) report.shadowRoots++;
    const tag = element.localName.toLowerCase();

    if (FORBIDDEN_TAGS.has(tag)) report.findings.push({ where: describe(element), problem: `forbidden element <${tag}>` });

    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name === MARKER_ATTRIBUTE) report.findings.push({ where: describe(element), problem: 'marker attribute from data' });
      if (name.startsWith('on')) report.findings.push({ where: describe(element), problem: `event handler attribute ${name}` });
      if (name === 'href' || name === 'xlink:href' || name === 'src' || name === 'action' || name === 'formaction') {
        report.links++;
        const protocol = safeProtocol(attribute.value, element.baseURI);
        if (!SAFE_LINK_PROTOCOLS.has(protocol)) {
          report.findings.push({ where: describe(element), problem: `${name} with scheme ${protocol}: ${attribute.value.slice(0, 80)}` });
        }
      }
    }
  }

  return report;
}

function safeProtocol(value: string, base: string): string {
  try {
    return new URL(value, base).protocol;
  } catch {
    return 'invalid:';
  }
}

/** Records every element added to `root` or its shadow roots while it observes. */
export class AdditionRecorder {
  readonly added: Element[] = [];
  private readonly observers: MutationObserver[] = [];
  private readonly observed = new WeakSet<Node>();

  /** Observes `root` and every shadow root that exists or appears under it. */
  observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          this.added.push(node);
          this.observeShadowRoots(node);
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    this.observers.push(observer);
    if (root instanceof Element || root instanceof ShadowRoot || root instanceof Document) this.observeShadowRoots(root);
  }

  /** Picks up shadow roots made since the last call, for example by elements that rendered later. */
  refresh(root: ParentNode): void {
    this.observeShadowRoots(root);
  }

  disconnect(): void {
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
  }

  /** Added elements with a forbidden tag or the marker attribute. */
  suspicious(): Element[] {
    return this.added.filter(
      (element) => FORBIDDEN_TAGS.has(element.localName.toLowerCase()) || element.hasAttribute(MARKER_ATTRIBUTE),
    );
  }

  private observeShadowRoots(root: ParentNode): void {
    if (root instanceof Element && root.shadowRoot) this.observe(root.shadowRoot);
    for (const element of deepElements(root)) {
      if (element.shadowRoot) this.observe(element.shadowRoot);
    }
  }
}

/** Returns every text node's text under `root` and its shadow roots, joined. */
export function deepText(root: ParentNode): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      walk(child);
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(root as Node);
  return parts.join('\n');
}

/**
 * Parses markup that a test inspects, such as the graph's SVG export. The test pages require
 * Trusted Types for script sinks, and `DOMParser` is one, so the markup passes through the
 * `il-test-markup` policy, which the pages' `trusted-types` directive lists. The parsed document
 * is inert: its scripts never run and it loads nothing.
 */

/** The part of a Trusted Types policy this module uses. A TrustedHTML is typed as a string here. */
interface MarkupPolicy {
  createHTML(markup: string): string;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: (markup: string) => string }): MarkupPolicy;
}

/** Name of the policy, which the `trusted-types` directive of the test pages lists. */
export const MARKUP_POLICY_NAME = 'il-test-markup';

const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
const policy = factory?.createPolicy(MARKUP_POLICY_NAME, { createHTML: (markup) => markup });

/** Parses `markup` as a document of `type` through the test markup policy. */
export function parseMarkup(markup: string, type: DOMParserSupportedType): Document {
  return new DOMParser().parseFromString(policy ? policy.createHTML(markup) : markup, type);
}

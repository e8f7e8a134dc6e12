/**
 * Reads the Content Security Policies that the README's Security section documents: each code
 * block of the section, with its lines joined by spaces into one header value.
 */

import { expect } from '@open-wc/testing';

/** Returns the documented policies in README order: with `blob:` workers, then without. */
export async function documentedPolicies(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  const start = readme.indexOf('\n## Security');
  expect(start, 'a "Security" section in the README').to.be.greaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);

  const blocks = [...section.matchAll(/^ *```\n([\s\S]*?)^ *```/gm)].map((match) => match[1]!.trim().split(/\s*\n\s*/).join(' '));
  expect(blocks.length, 'code blocks in the README Security section').to.equal(2);
  return blocks;
}

// Checks that Storybook's docs pages will be complete: every element in custom-elements.json
// has a description, and so has each of its public attributes, members, events, slots, CSS
// parts and CSS custom properties. Every element also needs a stories file with autodocs
// (`component: '<tag>'` and `tags: ['autodocs']`), since that file is its docs page.
// Run after `npm run analyze`; exits with status 1 and lists what is missing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
} catch (error) {
  console.error(`check-manifest-docs: cannot read custom-elements.json (${error.message}). Run npm run analyze first.`);
  process.exit(1);
}

const DOCUMENTED_LISTS = ['attributes', 'events', 'slots', 'cssParts', 'cssProperties'];

/** Returns what an element's manifest entry leaves undescribed, as `kind name` strings. */
function missingDescriptions(declaration) {
  const missing = [];
  if (!declaration.description?.trim()) missing.push('class description');
  for (const list of DOCUMENTED_LISTS) {
    for (const entry of declaration[list] ?? []) {
      if (!entry.description?.trim()) missing.push(`${list} ${entry.name || '(default slot)'}`);
    }
  }
  for (const member of declaration.members ?? []) {
    const hidden = member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('_') || member.name.startsWith('#');
    if (!hidden && !member.static && !member.description?.trim()) missing.push(`member ${member.name}`);
  }
  return missing;
}

/** Returns the tags that a stories file with autodocs documents. */
function tagsWithDocsPages() {
  const tags = new Set();
  const folder = join(root, 'stories');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.stories.ts'))) {
    const source = readFileSync(join(folder, file), 'utf8');
    if (!/tags:\s*\[[^\]]*'autodocs'/.test(source)) continue;
    for (const match of source.matchAll(/component:\s*'([a-z0-9-]+)'/g)) tags.add(match[1]);
  }
  return tags;
}

const docsPages = tagsWithDocsPages();
const problems = [];
let elements = 0;
for (const module of manifest.modules ?? []) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.tagName) continue;
    elements += 1;
    for (const missing of missingDescriptions(declaration)) problems.push(`${declaration.tagName}: no description for ${missing} (${module.path})`);
    if (!docsPages.has(declaration.tagName)) problems.push(`${declaration.tagName}: no stories file with autodocs names it as its component`);
  }
}

if (elements === 0) problems.push('custom-elements.json lists no element; check custom-elements-manifest.config.mjs');
if (problems.length > 0) {
  console.error(`check-manifest-docs: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-manifest-docs: ${elements} elements, each with a docs page and every entry described.`);

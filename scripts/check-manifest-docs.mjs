// Checks that Storybook's docs pages will be complete: every element in custom-elements.json
// has a description, and so has each of its public attributes, members, events, slots, CSS
// parts and CSS custom properties. Every element also needs a stories file with autodocs
// (`component: '<tag>'` and `tags: ['autodocs']`), since that file is its docs page. Every
// stories file of an element is titled `Elements/<tag>` or `Elements/<tag>/<facet>`, so the
// sidebar lists the elements in one group.
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

/**
 * Returns a problem for each stories file whose meta names an element as its `component` but
 * whose `title` is not `Elements/<tag>` or `Elements/<tag>/<facet>`. The meta's fields are read
 * at two spaces of indentation, where the stories files declare them.
 */
function misplacedStories() {
  const problems = [];
  const folder = join(root, 'stories');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.stories.ts'))) {
    const source = readFileSync(join(folder, file), 'utf8');
    const tag = /^ {2}component:\s*'(il-[a-z0-9-]+)'/m.exec(source)?.[1];
    if (tag === undefined) continue;
    const title = /^ {2}title:\s*'([^']*)'/m.exec(source)?.[1];
    if (title === `Elements/${tag}` || title?.startsWith(`Elements/${tag}/`)) continue;
    problems.push(`stories/${file}: title ${JSON.stringify(title ?? '(none)')} of ${tag} stories; expected "Elements/${tag}" or "Elements/${tag}/<facet>"`);
  }
  return problems;
}

const docsPages = tagsWithDocsPages();
const problems = misplacedStories();
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

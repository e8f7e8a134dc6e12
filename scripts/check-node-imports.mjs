// Imports every ES module entry of the package's `exports` map in Node, as server-side
// rendering and build tools do, and fails when one throws. Run after `npm run build`.
// Left out: the script-tag bundle, which carries Lit's browser build for pages only, and the
// layout worker script, which runs only inside a Web Worker.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const targets = Object.entries(pkg.exports)
  .map(([name, target]) => [name, typeof target === 'string' ? target : target.default])
  .filter(([name, target]) => target.endsWith('.js') && !['./bundle', './layout-worker.js'].includes(name));

let failures = 0;
for (const [name, target] of targets) {
  try {
    await import(new URL(`../${target}`, import.meta.url).href);
  } catch (error) {
    failures++;
    console.error(`Importing "${name}" (${target}) in Node failed: ${error instanceof Error ? error.stack : error}`);
  }
}

console.log(`Node imports: ${targets.length - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;

// Bundles each element's `define.ts` as an application bundler would (esbuild, code
// splitting) and fails when the code a page loads up front for it contains the session model or
// graphology. An element given a graph or a shared session must not load them: the session
// module loads on first use (see src/session/session-loader.ts), and the graph's host brings
// graphology. Any value import from `src/model/build-graph.ts` brings graphology along, about
// 13 KiB gzipped.
//
// Left out: `il-incident-view` and `il-investigations`, which build investigation graphs with
// graphology themselves.
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleUpFront } from './up-front-chunks.mjs';

const LEFT_OUT = new Set(['incident-view', 'investigations']);
const FORBIDDEN = [
  { name: 'graphology', matches: (input) => input.includes('node_modules/graphology/') },
  { name: 'the session model', matches: (input) => input === 'src/session/session.ts' },
];

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

let failures = 0;
let checked = 0;
for (const folder of readdirSync('src/components')) {
  const entry = `src/components/${folder}/define.ts`;
  if (LEFT_OUT.has(folder) || !existsSync(entry)) continue;
  checked++;

  const { result, upFront } = await bundleUpFront(entry, { outdir: 'up-front-check' });
  const outputs = result.metafile.outputs;
  const inputs = [...upFront].flatMap((path) => Object.keys(outputs[path].inputs));
  for (const { name, matches } of FORBIDDEN) {
    const found = inputs.filter(matches);
    if (found.length === 0) continue;
    failures++;
    console.error(`${entry} loads ${name} up front (${found[0]}). Import it with import() or from a module that does not.`);
  }
}

console.log(`Up-front code: ${checked} elements checked, ${failures} problems`);
process.exitCode = failures > 0 ? 1 : 0;

// Checks the published type declarations as an application's compiler reads them: packs the built
// package, installs the tarball into a fresh folder and type-checks consumer code against it
// under `moduleResolution` NodeNext and Bundler, each with and without `skipLibCheck`.
// Also checks that every package the declarations import is a runtime dependency.
//
// Run `npm run build` first (`npm run check:types` does both). Needs the npm registry for the
// package's dependencies. Exits 1 when any check fails. Pass --keep to keep the folder.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const keep = process.argv.includes('--keep');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const CONSUMER_SOURCE = `import { fromMicrosoftGraph, createStaticAdapter, IncidentView } from 'incident-lens';
import * as bundle from 'incident-lens/bundle';
import 'incident-lens/il-incident-view.js';
import 'incident-lens/bundle';

const view = document.createElement('il-incident-view');
const isView: IncidentView = view;
const order: number = view.graph!.order;
// @ts-expect-error order is a number, so view.graph is not \`any\`.
const wrongOrder: string = view.graph!.order;
const kind: string = view.graph!.getNodeAttribute('node', 'kind');

view.addEventListener('il-selection-change', (event) => {
  const entityIds: readonly string[] = event.detail.entityIds;
  // @ts-expect-error entityIds is an array of strings.
  const wrongIds: number = event.detail.entityIds;
  console.log(entityIds, wrongIds);
});

const version: string = bundle.VERSION;
console.log(isView, order, wrongOrder, kind, version, fromMicrosoftGraph, createStaticAdapter);
`;

const RESOLUTIONS = [
  { name: 'nodenext', module: 'NodeNext', moduleResolution: 'NodeNext' },
  { name: 'bundler', module: 'ESNext', moduleResolution: 'Bundler' },
];

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Returns the bare module specifiers that the declaration files under `folder` import. */
function importedPackages(folder) {
  const names = new Set();
  const pattern = /(?:from|import\()\s*['"]([^'"]+)['"]/g;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const [, specifier] of text.matchAll(pattern)) {
      if (specifier.startsWith('.')) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

function checkDeclarationImports(failures) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
  const imported = importedPackages(join(root, 'dist'));
  for (const name of imported) {
    if (!dependencies.has(name)) failures.push(`dist declarations import '${name}', which is not in dependencies`);
  }
  console.log(`Declarations import: ${[...imported].sort().join(', ') || 'no package'}`);
}

function writeConsumer(folder, tarball) {
  const pkg = { name: 'incident-lens-consumer-check', private: true, type: 'module', dependencies: { 'incident-lens': `file:${tarball}` } };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(folder, 'consumer.ts'), CONSUMER_SOURCE);

  for (const resolution of RESOLUTIONS) {
    for (const skipLibCheck of [false, true]) {
      const compilerOptions = { ...baseOptions(resolution), skipLibCheck };
      const config = { compilerOptions, files: ['consumer.ts'] };
      writeFileSync(join(folder, configName(resolution, skipLibCheck)), `${JSON.stringify(config, null, 2)}\n`);
    }

    // Every shipped declaration file, also those that no export path reaches.
    const allDeclarations = {
      compilerOptions: { ...baseOptions(resolution), skipLibCheck: false },
      include: ['node_modules/incident-lens/dist/**/*.d.ts'],
    };
    writeFileSync(join(folder, allDeclarationsConfigName(resolution)), `${JSON.stringify(allDeclarations, null, 2)}\n`);
  }
}

function baseOptions(resolution) {
  return {
    target: 'ES2022',
    module: resolution.module,
    moduleResolution: resolution.moduleResolution,
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    noUncheckedSideEffectImports: true,
    types: [],
  };
}

function allDeclarationsConfigName(resolution) {
  return `tsconfig.${resolution.name}.all-declarations.json`;
}

function configName(resolution, skipLibCheck) {
  return `tsconfig.${resolution.name}${skipLibCheck ? '.skiplibcheck' : ''}.json`;
}

function compile(folder, configFile, failures) {
  try {
    run(process.execPath, [tsc, '-p', configFile], folder);
    console.log(`ok   ${configFile}`);
  } catch (error) {
    console.log(`FAIL ${configFile}`);
    failures.push(`${configFile}:\n${error.stdout || error.message}`);
  }
}

function main() {
  const failures = [];
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
    console.error('dist/index.d.ts is missing: run `npm run build` first.');
    process.exit(1);
  }

  checkDeclarationImports(failures);

  const folder = mkdtempSync(join(tmpdir(), 'incident-lens-consumer-'));
  try {
    const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', folder], root));
    const tarball = join(folder, packed[0].filename);
    console.log(`Packed ${packed[0].filename} (${packed[0].entryCount} files)`);

    writeConsumer(folder, tarball);
    run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], folder);

    for (const resolution of RESOLUTIONS) {
      const names = [configName(resolution, false), configName(resolution, true), allDeclarationsConfigName(resolution)];
      for (const name of names) compile(folder, name, failures);
    }
  } finally {
    if (keep) console.log(`Consumer folder kept at ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }

  if (failures.length > 0) {
    console.error(`\n${failures.join('\n\n')}`);
    process.exit(1);
  }
  console.log('Consumer type check passed.');
}

main();

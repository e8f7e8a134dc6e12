// Builds dist/ in two passes:
// 1. ES modules per layer and per component, with type declarations, dependencies left as
//    imports so applications bundle them once (tree-shakable; only define modules register).
// 2. dist/incident-lens.bundle.js, the script-tag build for <script type="module"> and import
//    from a URL: a small minified entry that exports the public API from dist/bundle/core-*.js
//    and loads each element's chunk, dist/bundle/il-<element>.js, when its tag first appears.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const isExternal = (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

const defineModules = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/components/${entry.name}/define.ts`))
  .map((entry) => `src/components/${entry.name}/define.ts`);

const layerEntries = [
  'src/index.ts',
  'src/define-all.ts',
  'src/model/index.ts',
  'src/formats/index.ts',
  'src/adapter/index.ts',
  'src/session/index.ts',
  'src/layout/index.ts',
  ...defineModules,
];

const version = replace({
  preventAssignment: true,
  values: { __IL_VERSION__: JSON.stringify(pkg.version) },
});

const tsOptions = {
  tsconfig: './tsconfig.build.json',
  compilerOptions: { sourceMap: true },
};

// The script-tag bundle's entry and the folder of its chunks, next to it in dist/. The element
// chunks are named after their tags, because src/autoload/element-chunks.ts builds their URLs
// for its error messages and hosts may preload them.
const BUNDLE_ENTRY = resolve('src/bundle.ts');
const BUNDLE_CHUNK_FOLDER = 'bundle';
const ELEMENT_DEFINE_MODULE = /[\\/]src[\\/]components[\\/]([a-z-]+)[\\/]define\.ts$/;

/**
 * Returns `il-<element>` for the chunk that contains one element's define module, else undefined.
 * Rollup may merge a define module into a chunk of shared code (the graph's, which the view and
 * the investigations import too), so the chunk is found by its modules, not its facade.
 */
function elementTagOfChunk(chunk) {
  const folders = chunk.moduleIds.map((id) => ELEMENT_DEFINE_MODULE.exec(id)?.[1]).filter(Boolean);
  return folders.length === 1 ? `il-${folders[0]}` : undefined;
}

/** The modules that the entry imports statically, found on the first `manualChunks` call of a build. */
let coreModules;

/**
 * Puts every module that the entry imports statically into one `core` chunk, so the entry only
 * re-exports it. Element chunks then import the shared code from that chunk, never from the
 * entry. So a page that loads the entry under another URL (with a query string, say) still
 * runs one copy of the model, the string table and the loader.
 */
function coreChunk(id, { getModuleInfo }) {
  if (!coreModules) {
    coreModules = new Set();
    const pending = [...getModuleInfo(BUNDLE_ENTRY).importedIds];
    while (pending.length > 0) {
      const next = pending.pop();
      if (coreModules.has(next)) continue;
      coreModules.add(next);
      pending.push(...(getModuleInfo(next)?.importedIds ?? []));
    }
  }
  return coreModules.has(id) ? 'core' : undefined;
}

/**
 * Empties dist/bundle/ and the core modules of an earlier build before a build, so hashed chunks
 * of earlier builds do not pile up. Fails the build unless every element of src/components has
 * its chunk, named after its tag.
 */
function bundleChunkFolder() {
  return {
    name: 'bundle-chunk-folder',
    buildStart() {
      coreModules = undefined;
      rmSync(`dist/${BUNDLE_CHUNK_FOLDER}`, { recursive: true, force: true });
    },
    generateBundle(_options, bundle) {
      const expected = defineModules.map((module) => `${BUNDLE_CHUNK_FOLDER}/il-${module.split('/')[2]}.js`);
      const missing = expected.filter((fileName) => !(fileName in bundle));
      if (missing.length > 0) this.error(`The script-tag bundle has no chunk ${missing.join(', ')}; check src/autoload/element-chunks.ts.`);
    },
  };
}

export default [
  {
    input: layerEntries,
    external: isExternal,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [
      version,
      typescript({ ...tsOptions, compilerOptions: { ...tsOptions.compilerOptions, declaration: true, declarationDir: 'dist' } }),
    ],
  },
  {
    input: { 'incident-lens.bundle': BUNDLE_ENTRY },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => {
        const tag = elementTagOfChunk(chunk);
        return tag ? `${BUNDLE_CHUNK_FOLDER}/${tag}.js` : `${BUNDLE_CHUNK_FOLDER}/[name]-[hash].js`;
      },
      manualChunks: coreChunk,
    },
    plugins: [
      version,
      replace({ preventAssignment: true, values: { __IL_BUNDLED__: 'true' } }),
      bundleChunkFolder(),
      // Lit's production build: no dev-mode warnings in the bundle.
      nodeResolve({ browser: true, preferBuiltins: false, exportConditions: ['production'] }),
      // graphology imports EventEmitter from the CommonJS `events` package.
      commonjs(),
      typescript({ ...tsOptions, compilerOptions: { ...tsOptions.compilerOptions, declaration: false } }),
      terser({ format: { comments: false } }),
    ],
  },
];

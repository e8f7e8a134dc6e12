// Builds dist/ in two passes:
// 1. ES modules per layer and per component, with type declarations, dependencies left as
//    imports so applications bundle them once (tree-shakable; only define modules register).
// 2. dist/incident-lens.bundle.js: one self-contained, minified ES module that registers every
//    element and exports the public API, for <script type="module"> and import from a URL.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

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
    input: 'src/bundle.ts',
    output: {
      file: 'dist/incident-lens.bundle.js',
      format: 'es',
      sourcemap: true,
      // One file: the layout worker's code, imported on first use elsewhere, is inlined here.
      inlineDynamicImports: true,
    },
    plugins: [
      version,
      // Lit's production build: no dev-mode warnings in the bundle.
      nodeResolve({ browser: true, preferBuiltins: false, exportConditions: ['production'] }),
      // graphology imports EventEmitter from the CommonJS `events` package.
      commonjs(),
      typescript({ ...tsOptions, compilerOptions: { ...tsOptions.compilerOptions, declaration: false } }),
      terser({ format: { comments: false } }),
    ],
  },
];

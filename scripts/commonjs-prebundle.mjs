// A test-runner plugin that serves CommonJS-only packages (React 19 and react-dom ship no ES
// module build) as ES modules, because the dev server cannot convert CommonJS. The packages
// are bundled once with esbuild into one file, so react-dom and the page share one copy of
// React. Each bare import then resolves to a small module that re-exports that package by name.
//
// Use it in web-test-runner.config.mjs:
//   plugins: [commonJsPrebundle({ rootDir: root, packages: ['react', 'react-dom', 'react-dom/client'] }), ...]
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const servedPrefix = '/__il/commonjs/';
const identifier = /^[A-Za-z_$][\w$]*$/;

/** Returns the served path of a package's module, such as `/__il/commonjs/react-dom__client.js`. */
function servedPath(specifier) {
  return `${servedPrefix}${specifier.replaceAll('/', '__')}.js`;
}

/**
 * Creates the plugin. `packages` are bare specifiers, `rootDir` is where they resolve from,
 * and `nodeEnv` is the value that `process.env.NODE_ENV` takes inside the bundle.
 */
export function commonJsPrebundle({ rootDir, packages, nodeEnv = 'development' }) {
  const cacheDir = join(rootDir, 'node_modules/.cache/incident-lens');
  const bundleFile = join(cacheDir, 'commonjs-packages.js');
  const facades = new Map();

  return {
    name: 'commonjs-prebundle',

    async serverStart() {
      mkdirSync(cacheDir, { recursive: true });
      const entry = packages.map((specifier, index) => `import * as m${index} from '${specifier}';`).join('\n');
      const exported = `export { ${packages.map((_specifier, index) => `m${index}`).join(', ')} };`;
      await build({
        stdin: { contents: `${entry}\n${exported}\n`, resolveDir: rootDir, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
        outfile: bundleFile,
        logLevel: 'warning',
      });

      // The export names are read from the CommonJS module in Node. React's development and
      // production builds export the same names.
      const require = createRequire(join(rootDir, 'package.json'));
      packages.forEach((specifier, index) => {
        const names = Object.keys(require(specifier)).filter((name) => identifier.test(name) && name !== 'default');
        facades.set(
          servedPath(specifier),
          [
            `import { m${index} as namespace } from '${servedPrefix}bundle.js';`,
            'const module = namespace.default ?? namespace;',
            'export default module;',
            names.length > 0 ? `export const { ${names.join(', ')} } = module;` : '',
          ].join('\n'),
        );
      });
    },

    resolveImport({ source }) {
      if (packages.includes(source)) return servedPath(source);
      return undefined;
    },

    serve(context) {
      if (context.path === `${servedPrefix}bundle.js`) return { body: readFileSync(bundleFile, 'utf8'), type: 'js' };
      const facade = facades.get(context.path);
      if (facade !== undefined) return { body: facade, type: 'js' };
      return undefined;
    },
  };
}

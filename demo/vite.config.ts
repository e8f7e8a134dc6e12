// Dev server of the demo page: `npm start` serves demo/index.html on 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Dependencies pre-bundled before the first page load. Without the list, Vite discovers some of
 * them while serving the page, bundles again and answers the first load with "504 Outdated
 * Optimize Dep" errors until it reloads.
 */
const prebundled = [
  'lit',
  'lit/directives/if-defined.js',
  'lit/directives/ref.js',
  'lit/directives/style-map.js',
  '@lit/context',
  'graphology',
  'd3-force',
  'd3-quadtree',
  'd3-scale',
  'd3-selection',
  'd3-zoom',
];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    open: false,
    fs: { allow: [projectRoot] },
  },
  optimizeDeps: { include: prebundled },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: fileURLToPath(new URL('../build/demo', import.meta.url)), emptyOutDir: true },
});

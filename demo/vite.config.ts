// Dev server of the demo page: `npm start` serves demo/index.html on 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { prebundled } from './prebundled.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

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

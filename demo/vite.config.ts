// Dev server of the demo page: `npm start` serves demo/index.html on 127.0.0.1, and
// `vite preview` serves the built demo. Both send the Content Security Policy that the README
// documents, so the demo shows the library working under it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from '../scripts/content-security-policy.mjs';
import { prebundled } from './prebundled.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const headers = { 'Content-Security-Policy': contentSecurityPolicy() };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    open: false,
    fs: { allow: [projectRoot] },
    headers,
  },
  optimizeDeps: { include: prebundled },
  preview: { host: '127.0.0.1', port: 4173, headers },
  build: { outDir: fileURLToPath(new URL('../build/demo', import.meta.url)), emptyOutDir: true },
});

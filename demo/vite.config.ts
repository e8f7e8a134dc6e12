// Dev server of the demo page: `npm start` serves demo/index.html on 127.0.0.1, and
// `vite preview` serves the built demo. Both send the Content Security Policy that the README
// documents, so the demo shows the library working under it. Only the Vue and Angular examples
// under /frameworks/ get that policy with their framework's allowances, the same policy their
// tests run under.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { contentSecurityPolicy, frameworkContentSecurityPolicy } from '../scripts/content-security-policy.mjs';
import { prebundled } from './prebundled.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const strictPolicy = contentSecurityPolicy();
const frameworkPolicies = {
  vue: frameworkContentSecurityPolicy('vue'),
  angular: frameworkContentSecurityPolicy('angular'),
};

/** Returns the policy of the request URL `url`: a framework example's or the strict one. */
function policyForUrl(url: string): string {
  const { pathname } = new URL(url, 'http://127.0.0.1');
  const example = /^\/frameworks\/(vue|angular)(?:\/|$)/.exec(pathname)?.[1] as keyof typeof frameworkPolicies | undefined;
  return example === undefined ? strictPolicy : frameworkPolicies[example];
}

/**
 * Sets the Content-Security-Policy header of every response by its path. It is added before
 * Vite's own middlewares, which then send the page with the header already set.
 */
function contentSecurityPolicyHeaders(): Plugin {
  const setPolicy: Connect.NextHandleFunction = (request: IncomingMessage, response: ServerResponse, next) => {
    response.setHeader('Content-Security-Policy', policyForUrl(request.url ?? '/'));
    next();
  };
  return {
    name: 'incident-lens-content-security-policy',
    configureServer(server) {
      server.middlewares.use(setPolicy);
    },
    configurePreviewServer(server) {
      server.middlewares.use(setPolicy);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [contentSecurityPolicyHeaders()],
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

// Serves every test page of @web/test-runner under a Content Security Policy header, and counts
// the violations that the pages report.
//
// The runner injects two inline module scripts into each test page (its browser-log capture and
// `window.__WTR_CONFIG__`), which `script-src 'self'` blocks. The plugin moves each inline
// script into a served file at /__il/inline/<sha-256>.js, so the page needs no nonce, no hash
// and no 'unsafe-inline'. Module scripts run in document order whether inline or external, so
// the move keeps their order.
//
// The policy of a page is named by the `data-il-policy` attribute of its <html> element, which
// the `testRunnerHtml` of its group writes. test/page/violation-listener.ts posts each violation
// of the page to VIOLATION_PATH, and the reporter prints them all at the end of the run.
// Chromium sends one `report-uri` report for identical violations of a document, so the count
// comes from the page's `securitypolicyviolation` events instead.
//
// /__il/policy-frame serves a page under a policy given in the query, for tests that compare
// policies in a frame: `?policy=<header value>&script=/test/x.ts&script=/test/y.ts`.
import { createHash } from 'node:crypto';
import { relative } from 'node:path';

export const VIOLATION_PATH = '/__il/csp-violation';
const INLINE_PREFIX = '/__il/inline/';
const FRAME_PATH = '/__il/policy-frame';
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;
const POLICY_ATTRIBUTE = /<html\b[^>]*\sdata-il-policy="([\w-]+)"/;
const FRAME_SCRIPT = /^\/test\/[\w/.-]+\.ts$/;
const SESSION_ID = /[?&]wtr-session-id=([^&#]+)/;

/** Reads a request body of at most `limit` bytes as text. */
async function readBody(request, limit = 64 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > limit) throw new Error(`The request body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Creates the plugin, the middleware and the reporter. `policies` maps a policy name to its
 * header value, `defaultPolicy` names the one for pages without `data-il-policy`, and the
 * reporter names test files relative to `rootDir`.
 */
export function strictTestPages({ policies, defaultPolicy, rootDir }) {
  if (!(defaultPolicy in policies)) throw new Error(`strictTestPages: no policy named "${defaultPolicy}" (got ${Object.keys(policies).join(', ')}).`);
  const inlineScripts = new Map();
  /** Violations posted by the test pages, in the order they arrived. */
  const violations = [];

  const plugin = {
    name: 'strict-test-pages',

    serve(context) {
      if (!context.path.startsWith(INLINE_PREFIX)) return undefined;
      const body = inlineScripts.get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },

    transform(context) {
      // Only the runner's own pages: '/' with a session id, or with a test file when debugging.
      if (context.path !== '/' || !context.response.is('html')) return undefined;
      const html = String(context.body);
      const name = POLICY_ATTRIBUTE.exec(html)?.[1] ?? defaultPolicy;
      const policy = policies[name];
      if (policy === undefined) throw new Error(`strictTestPages: the test page names the policy "${name}", which is not configured.`);

      const body = html.replace(INLINE_SCRIPT, (element, attributes = '', code) => {
        if (/\ssrc=/.test(attributes) || code.trim() === '') return element;
        const path = `${INLINE_PREFIX}${createHash('sha256').update(code).digest('hex')}.js`;
        inlineScripts.set(path, code);
        return `<script${attributes} src="${path}"></script>`;
      });
      return { body, headers: { 'content-security-policy': policy } };
    },
  };

  const middleware = async (context, next) => {
    if (context.path === VIOLATION_PATH && context.method === 'POST') {
      try {
        violations.push(JSON.parse(await readBody(context.req)));
        context.status = 204;
      } catch (error) {
        // Counted all the same, so a page that cannot report still fails the count.
        violations.push({ page: context.get('referer'), directive: 'unreadable report', sample: String(error) });
        console.error(`${VIOLATION_PATH}: could not read a violation report from ${context.get('referer')}: ${error}`);
        context.status = 400;
      }
      return undefined;
    }
    if (context.path === FRAME_PATH && context.method === 'GET') {
      const policy = context.query.policy;
      const scripts = [context.query.script ?? []].flat();
      if (typeof policy !== 'string' || /[\r\n]/.test(policy) || !scripts.every((script) => FRAME_SCRIPT.test(script))) {
        context.status = 400;
        context.body = `${FRAME_PATH}: expected one "policy" on one line and "script" paths under /test/ ending in .ts (got ${context.querystring}).`;
        console.error(context.body);
        return undefined;
      }
      context.set('content-security-policy', policy);
      context.type = 'html';
      context.body = `<!doctype html><html lang="en"><head><meta charset="utf-8">${scripts.map((script) => `<script type="module" src="${script}"></script>`).join('')}</head><body></body></html>`;
      return undefined;
    }
    return next();
  };

  let testFileOfSession = () => undefined;
  const reporter = {
    start({ sessions }) {
      testFileOfSession = (id) => sessions.get(id)?.testFile;
    },
    onTestRunFinished() {
      console.log(`CSP violations: ${violations.length}`);
      for (const { page, directive, blockedURI, source, sample } of violations) {
        const session = SESSION_ID.exec(String(page))?.[1];
        const testFile = session && testFileOfSession(decodeURIComponent(session));
        const where = [blockedURI && `blocked ${blockedURI}`, source && `in ${source}`, sample && `sample "${sample}"`].filter(Boolean);
        console.log(`  ${directive} in ${testFile ? relative(rootDir, testFile) : page}: ${where.join(', ')}`);
      }
    },
  };

  return { plugin, middleware, reporter };
}

// Prints how long mapping, validation, graph building and the force layout take, on the
// project's sample incident and on synthetic Microsoft Graph incidents of growing size.
// Runs on the built ES modules: `npm run build && npm run bench:node`. Figures, not pass or fail.
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('bench: dist/ is missing. Run `npm run build` first.');
  process.exit(1);
}

const { fromMicrosoftGraph, buildIncidentGraph, ForceLayout, layoutInputFromGraph, validateSnapshot } =
  await import('../dist/index.js');

const sizes = (process.argv[2] ?? '100,1000,5000').split(',').map(Number);

/** Builds a Graph incident with `entityCount` file evidence items spread over alerts, one device each. */
function syntheticIncident(entityCount) {
  const alertCount = Math.max(1, Math.round(entityCount / 20));
  const start = Date.UTC(2026, 0, 1);
  const alerts = [];
  for (let a = 0; a < alertCount; a++) {
    const evidence = [{ '@odata.type': '#microsoft.graph.security.deviceEvidence', mdeDeviceId: `device-${a % 50}`, deviceDnsName: `ws-${a % 50}.contoso.com`, verdict: 'suspicious', remediationStatus: 'none', roles: ['compromised'] }];
    for (let e = a; e < entityCount; e += alertCount) {
      evidence.push({
        '@odata.type': '#microsoft.graph.security.fileEvidence',
        verdict: e % 7 === 0 ? 'malicious' : 'unknown',
        remediationStatus: e % 11 === 0 ? 'remediated' : 'none',
        roles: [],
        mdeDeviceId: `device-${a % 50}`,
        fileDetails: { sha256: e.toString(16).padStart(64, '0'), fileName: `payload-${e}.dll`, filePath: 'C:\\Temp' },
      });
    }
    alerts.push({
      id: `alert-${a}`,
      title: `Synthetic alert ${a}`,
      severity: ['low', 'medium', 'high'][a % 3],
      status: 'new',
      firstActivityDateTime: new Date(start + a * 60_000).toISOString(),
      lastActivityDateTime: new Date(start + a * 60_000 + 30_000).toISOString(),
      evidence,
    });
  }
  return { id: `synthetic-${entityCount}`, displayName: `Synthetic ${entityCount}`, severity: 'high', status: 'active', alerts };
}

function time(action) {
  const started = performance.now();
  const result = action();
  return [result, performance.now() - started];
}

// The sample payloads are TypeScript modules: bundle them once for Node with esbuild.
const samplesFile = new URL('../node_modules/.cache/incident-lens/samples.mjs', import.meta.url);
await build({ entryPoints: ['demo/samples/index.ts'], bundle: true, format: 'esm', platform: 'node', outfile: samplesFile.pathname, logLevel: 'warning' });
const { contosoPhishToMacro } = await import(samplesFile.href);

const cases = [
  ['sample incident', contosoPhishToMacro],
  ...sizes.map((size) => [`synthetic, ${size} entities`, syntheticIncident(size)]),
];

console.log(`node ${process.version}, ${process.arch}`);
console.log('case'.padEnd(28), 'nodes'.padStart(7), 'edges'.padStart(7), 'map ms'.padStart(9), 'validate ms'.padStart(12), 'graph ms'.padStart(9), 'layout ms'.padStart(10), 'ticks'.padStart(6), 'heap MB'.padStart(8));
for (const [name, payload] of cases) {
  const [snapshots, mapMs] = time(() => fromMicrosoftGraph(payload));
  const [, validateMs] = time(() => validateSnapshot(snapshots[0]));
  const [graph, graphMs] = time(() => buildIncidentGraph(snapshots[0]));
  const layout = new ForceLayout(layoutInputFromGraph(graph));
  const [, layoutMs] = time(() => layout.runToCompletion());
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(
    name.padEnd(28),
    String(graph.order).padStart(7),
    String(graph.size).padStart(7),
    mapMs.toFixed(1).padStart(9),
    validateMs.toFixed(1).padStart(12),
    graphMs.toFixed(1).padStart(9),
    layoutMs.toFixed(0).padStart(10),
    String(layout.ticks).padStart(6),
    heap.toFixed(0).padStart(8),
  );
}

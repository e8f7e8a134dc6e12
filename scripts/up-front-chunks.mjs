// Bundles one entry as an application bundler would (esbuild, code splitting, nothing written)
// and finds the output files a page loads up front for it: the entry's own file and the chunks
// it imports statically, and theirs. The rest load on first use, through `import()`.
import { build } from 'esbuild';

/**
 * Returns esbuild's result for `entry` (with `outputFiles` and `metafile`) and `upFront`, the
 * set of output paths, as keys of `metafile.outputs`, that load with the entry.
 */
export async function bundleUpFront(entry, { outdir, minify = false }) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify,
    format: 'esm',
    splitting: true,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });

  const outputs = result.metafile.outputs;
  const upFront = new Set();
  const visit = (path) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path].entryPoint));
  return { result, upFront };
}

/**
 * A module of `il-incident-graph` that loads in a chunk of its own on first use: the export,
 * the minimap, the main-thread layout engine and the box and lasso geometry.
 */

export class LazyModule<T> {
  /** The module once imported, so later callers can use it in the same task. */
  loaded: T | undefined;

  private readonly importModule: () => Promise<T>;
  private pending: Promise<T> | undefined;

  /** `importModule` calls `import()` with a literal path, so bundlers split the chunk there. */
  constructor(importModule: () => Promise<T>) {
    this.importModule = importModule;
  }

  /** Imports the module once and resolves with it. After a failed import, the next call tries again. */
  load(): Promise<T> {
    this.pending ??= this.importModule().then(
      (module) => (this.loaded = module),
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }
}

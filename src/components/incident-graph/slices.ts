/**
 * Work split into slices: a step function written as a generator yields between slices, so the
 * caller can run it to the end at once or spread it over several tasks within a time budget.
 * Building the display model of a 50,000-entity incident takes a few hundred milliseconds on a
 * slow machine. Run in slices, it leaves the page responsive while it builds.
 */

/** A computation that yields between slices of work and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Items processed between two yields: a slice of a loop over nodes or edges. */
export const SLICE_ITEMS = 2048;

/** Runs steps to the end at once and returns their result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Sorts `items` in place like a stable `Array.prototype.sort`, yielding between slices: blocks
 * of `SLICE_ITEMS` are sorted first, then merged pairwise.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const length = items.length;
  if (length <= SLICE_ITEMS) return items.sort(compare);

  for (let start = 0; start < length; start += SLICE_ITEMS) {
    const block = items.slice(start, start + SLICE_ITEMS).sort(compare);
    for (let i = 0; i < block.length; i++) items[start + i] = block[i]!;
    yield;
  }

  let source = items;
  let target = new Array<T>(length);
  for (let width = SLICE_ITEMS; width < length; width *= 2) {
    let written = 0;
    for (let start = 0; start < length; start += 2 * width) {
      const middle = Math.min(start + width, length);
      const end = Math.min(start + 2 * width, length);
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        // Taking the left item on ties keeps the sort stable.
        target[out++] = compare(source[right]!, source[left]!) < 0 ? source[right++]! : source[left++]!;
      }
      while (left < middle) target[out++] = source[left++]!;
      while (right < end) target[out++] = source[right++]!;
      written += end - start;
      if (written >= SLICE_ITEMS) {
        written = 0;
        yield;
      }
    }
    [source, target] = [target, source];
  }

  if (source !== items) for (let i = 0; i < length; i++) items[i] = source[i]!;
  return items;
}

/**
 * Seeded mutations of JSON payloads and snapshots for the fuzz test. Every mutation is drawn
 * from a PRNG seeded by the case number and written to a log, so a failing case can be
 * replayed from its seed alone.
 */

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Fuzzer {
  readonly log: string[] = [];
  private readonly random: () => number;

  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  /** Returns a random whole number in [0, count). */
  int(count: number): number {
    return Math.floor(this.random() * count);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** Applies `count` mutations to `root` in place and returns it, or a replacement root. */
  mutateJson(root: unknown, count: number): unknown {
    let result = root;
    for (let index = 0; index < count; index++) result = this.mutateOnce(result);
    return result;
  }

  private mutateOnce(root: unknown): unknown {
    const slots = collectSlots(root);
    if (slots.length === 0) return root;
    const slot = this.pick(slots);
    const value = slot.get();
    const operation = this.pick(OPERATIONS);
    const next = operation.apply(value, this, slot.key);
    this.log.push(`${operation.name} ${slot.path}`);

    if (next === DROP) {
      slot.drop();
      return root;
    }
    if (slot.path === '$') return next;
    slot.set(next);
    return root;
  }
}

/** Marks a slot to delete. */
const DROP = Symbol('drop');

interface Slot {
  path: string;
  key: string;
  get(): unknown;
  set(value: unknown): void;
  drop(): void;
}

/** Lists every value of a JSON tree as a slot that can be read, replaced or deleted. */
function collectSlots(root: unknown): Slot[] {
  const slots: Slot[] = [{ path: '$', key: '', get: () => root, set: () => undefined, drop: () => undefined }];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        slots.push({
          path: `${path}[${index}]`,
          key: String(index),
          get: () => value[index],
          set: (next) => (value[index] = next),
          drop: () => value.splice(index, 1),
        });
        walk(item, `${path}[${index}]`, depth + 1);
      });
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      slots.push({
        path: `${path}.${key}`,
        key,
        get: () => record[key],
        set: (next) => (record[key] = next),
        drop: () => delete record[key],
      });
      walk(record[key], `${path}.${key}`, depth + 1);
    }
  };
  walk(root, '$', 0);
  return slots;
}

interface Operation {
  name: string;
  apply(value: unknown, fuzzer: Fuzzer, key: string): unknown;
}

/** Times at the edges of what JavaScript dates and ISO 8601 can express. */
export const EDGE_TIMES = [
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.9999999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '2026-02-30T25:61:61Z',
  'yesterday',
  '',
];

const RETYPED_VALUES: unknown[] = [null, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, true, '', 'x', [], {}, [null], { length: 3 }, '__proto__', 'constructor', 'NaN'];

const OPERATIONS: Operation[] = [
  { name: 'drop', apply: () => DROP },
  {
    name: 'duplicate',
    apply: (value) => (Array.isArray(value) && value.length > 0 ? [...value, ...value.map((item) => structuredClone(item))] : value),
  },
  { name: 'retype', apply: (_value, fuzzer) => structuredClone(fuzzer.pick(RETYPED_VALUES)) },
  {
    name: 'truncate',
    apply: (value, fuzzer) => {
      if (typeof value === 'string') return value.slice(0, fuzzer.int(value.length + 1));
      if (Array.isArray(value)) return value.slice(0, fuzzer.int(value.length + 1));
      return value;
    },
  },
  {
    name: 'edge-time',
    apply: (_value, fuzzer) => fuzzer.pick(EDGE_TIMES),
  },
  {
    name: 'change-case',
    apply: (value, fuzzer) => (typeof value === 'string' ? (fuzzer.chance(0.5) ? value.toUpperCase() : value.toLowerCase()) : value),
  },
  { name: 'wrap-in-array', apply: (value) => [value] },
];

/**
 * Idempotency keys of user intents. An intent (an action on a target, a decision on a pending
 * action) keeps its key until its request gets a result, so a retry after a call that
 * may have reached the service sends the same key again. DOM-free.
 */

export class IntentKeys {
  private readonly unsettled = new Map<string, string>();

  /** Returns the key of the named intent, making one the first time. */
  keyFor(intent: string): string {
    let key = this.unsettled.get(intent);
    if (key === undefined) {
      key = newIdempotencyKey();
      this.unsettled.set(intent, key);
    }
    return key;
  }

  /** Forgets the key of an intent whose request got a result, so the next attempt is a new intent. */
  settle(intent: string): void {
    this.unsettled.delete(intent);
  }
}

/**
 * Returns a random version 4 UUID. `crypto.randomUUID` exists only in secure contexts, so a
 * page served over plain http gets one built from `crypto.getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();

  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

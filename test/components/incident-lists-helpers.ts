/**
 * Sessions and event recorders shared by the tests of the incident lists and the noise-control
 * bar: the project's sample incidents and generated incidents of any size.
 */

import { sampleIncidents } from '../../demo/samples/index.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';

/** Maps the demo's sample incidents from their Microsoft Graph payloads to snapshots. */
export function sampleSnapshots(): IncidentSnapshot[] {
  return sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload));
}

/** Creates a session with `snapshot` loaded. */
export function sessionOf(snapshot: IncidentSnapshot): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  return session;
}

/** Creates a session on the first sample incident. */
export function sampleSession(): IncidentSession {
  return sessionOf(sampleSnapshots()[0]!);
}

/** Creates a session on a generated incident of `entityCount` entities. */
export function generatedSession(entityCount: number, seed = 1): IncidentSession {
  return sessionOf(generateIncidentSnapshot({ entityCount, seed }));
}

/** Records every event of the given types that reaches `target`. */
export function recordEvents(target: EventTarget, types: readonly string[]): Event[] {
  const events: Event[] = [];
  for (const type of types) target.addEventListener(type, (event) => events.push(event));
  return events;
}

/** Waits for pending microtasks, timers of 0 ms and the element's render. */
export async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

/** Returns the focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

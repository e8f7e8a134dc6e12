import { expect } from '@open-wc/testing';
import { contosoPhishToMacro, publishedShape } from '../../demo/samples/index.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { alertNodeKey, buildIncidentGraph } from '../../src/model/build-graph.js';
import type { Entity, IncidentSnapshot, Relation } from '../../src/model/types.js';
import { validateSnapshot } from '../../src/model/validate.js';
import { IncidentSession } from '../../src/session/session.js';
import { readSharedJson } from '../helpers/shared-data.js';
import { Fuzzer } from './fuzz-mutations.js';

const SHARED_PAYLOADS = [
  'msgraph/graph-alerts_v2-list.xsoar-mock.json',
  'msgraph/graph-v1.0_security-alert-get.response.json',
  'msgraph/graph-v1.0_security-incident-get.response.json',
  'msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json',
];

/** Seeds of the payload cases: each runs every source once with 1 to 6 mutations. */
const PAYLOAD_SEEDS = { first: 1, count: 150 };
/** Seeds of the snapshot cases, which mutate mapped snapshots at the record level. */
const SNAPSHOT_SEEDS = { first: 10_001, count: 150 };
const LARGE_ENTITY_COUNT = 100_000;

interface CaseFailure {
  seed: number;
  source: string;
  log: string[];
  error: string;
}

/** Returns what is wrong with a snapshot and its graph; empty when it meets the contract. */
function checkSnapshot(input: IncidentSnapshot): string[] {
  const problems: string[] = [];
  const session = new IncidentSession();
  session.setSnapshot(input);
  const snapshot = session.snapshot!;
  const graph = session.graph!;

  const entityIds = new Set<string>();
  for (const entity of snapshot.entities) {
    entityIds.add(entity.id);
    if (!graph.hasNode(entity.id)) problems.push(`entity ${JSON.stringify(entity.id)} is not in the graph`);
  }
  for (const alert of snapshot.alerts) {
    if (!graph.hasNode(alertNodeKey(alert.id, entityIds))) problems.push(`alert ${JSON.stringify(alert.id)} is not in the graph`);
  }
  for (const relation of snapshot.relations) {
    if (!entityIds.has(relation.source) || !entityIds.has(relation.target)) problems.push(`relation ${relation.source} -> ${relation.target} kept with a missing end`);
  }
  for (const issue of snapshot.issues) {
    if (typeof issue?.id !== 'string' || issue.id === '') problems.push(`issue without an id: ${JSON.stringify(issue)}`);
    if (typeof issue?.field !== 'string' || issue.field === '') problems.push(`issue without a field: ${JSON.stringify(issue)}`);
    if (typeof issue?.problem !== 'string' || issue.problem === '') problems.push(`issue without a problem: ${JSON.stringify(issue)}`);
  }
  for (const time of [session.time, session.timeBounds?.start, session.timeBounds?.end]) {
    if (time !== undefined && !Number.isFinite(time)) problems.push(`session time ${time} is not finite`);
  }
  return problems;
}

/** Entities of the input that are valid on their own: a non-empty string id and an object. */
function validInputIds(snapshot: IncidentSnapshot): string[] {
  const entities: unknown[] = Array.isArray(snapshot.entities) ? snapshot.entities : [];
  return entities
    .filter((entity): entity is Entity => typeof entity === 'object' && entity !== null && typeof (entity as Entity).id === 'string' && (entity as Entity).id !== '')
    .map((entity) => entity.id);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Record-level mutations of a mapped snapshot: the cases a JSON mutation seldom reaches. */
function mutateSnapshot(snapshot: IncidentSnapshot, fuzzer: Fuzzer): IncidentSnapshot {
  const entities = snapshot.entities;
  const processes = entities.filter((entity) => entity.kind === 'process');
  const anyEntity = (): Entity | undefined => (entities.length > 0 ? fuzzer.pick(entities) : undefined);
  const steps = 1 + fuzzer.int(4);

  for (let step = 0; step < steps; step++) {
    const choice = fuzzer.int(9);
    const entity = anyEntity();
    if (choice === 0 && processes.length >= 2) {
      // A cycle of parent processes through every process.
      processes.forEach((process, index) => {
        snapshot.relations.push({ source: process.id, target: processes[(index + 1) % processes.length]!.id, type: 'parentProcess' });
      });
      fuzzer.log.push(`process cycle of ${processes.length}`);
    } else if (choice === 1 && entity) {
      snapshot.relations.push({ source: entity.id, target: entity.id, type: fuzzer.pick(['parentProcess', 'communicatesWith', '']) });
      fuzzer.log.push(`self-loop ${entity.id}`);
    } else if (choice === 2 && snapshot.relations.length > 0) {
      const relation = fuzzer.pick(snapshot.relations);
      for (let copy = 0; copy < 5; copy++) snapshot.relations.push({ ...relation } as Relation);
      fuzzer.log.push(`parallel relations ${relation.source} -> ${relation.target}`);
    } else if (choice === 3 && entity) {
      entities.push({ ...structuredClone(entity), id: entity.id.toUpperCase() === entity.id ? entity.id.toLowerCase() : entity.id.toUpperCase() });
      entities.push({ ...structuredClone(entity), displayName: `${entity.displayName} (again)` });
      fuzzer.log.push(`same id in other case and duplicate id ${entity.id}`);
    } else if (choice === 4 && entity) {
      entity.firstSeen = fuzzer.pick([-8.64e15, 8.64e15, Number.MAX_VALUE, -Number.MAX_VALUE, Number.NaN, Infinity, 0]);
      const alert = snapshot.alerts.length > 0 ? fuzzer.pick(snapshot.alerts) : undefined;
      if (alert) alert.firstActivityTime = fuzzer.pick([-8.64e15, 8.64e15, Number.MAX_VALUE, Number.NaN]);
      fuzzer.log.push(`far time on ${entity.id}`);
    } else if (choice === 5 && entity) {
      const record = entity as unknown as Record<string, unknown>;
      const field = fuzzer.pick(['kind', 'displayName', 'properties', 'verdict', 'remediationStatus', 'webUrl', 'ghost']);
      record[field] = fuzzer.pick([42, null, [], {}, 'javascript:x', true, '']);
      fuzzer.log.push(`retype entity ${entity.id}.${field}`);
    } else if (choice === 6 && snapshot.alerts.length > 0) {
      const alert = fuzzer.pick(snapshot.alerts) as unknown as Record<string, unknown>;
      const field = fuzzer.pick(['evidence', 'mitreTechniques', 'relatedAlertIds', 'severity', 'title', 'story']);
      alert[field] = fuzzer.pick([42, null, 'text', [null], [{ entityId: 42 }], {}]);
      const list: unknown = snapshot.alerts[0]?.evidence;
      const evidence = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
      if (typeof evidence === 'object' && evidence !== null) evidence[fuzzer.pick(['roles', 'detailedRoles', 'verdict', 'createdTime'])] = fuzzer.pick([7, 'text', null, {}]);
      fuzzer.log.push(`retype alert ${String(alert.id)}.${field}`);
    } else if (choice === 7) {
      const record = snapshot as unknown as Record<string, unknown>;
      const field = fuzzer.pick(['entities', 'alerts', 'relations', 'issues', 'pendingActions', 'investigations']);
      record[field] = fuzzer.pick([null, {}, 'text', [null, 42, 'x']]);
      fuzzer.log.push(`retype snapshot.${field}`);
    } else {
      snapshot.entities = fuzzer.chance(0.5) ? [] : entities.slice(0, 1);
      fuzzer.log.push(`keep ${snapshot.entities.length} entities`);
      return snapshot;
    }
  }
  return snapshot;
}

describe('fuzz', () => {
  let uncaught: string[] = [];
  const recordUncaught = (event: ErrorEvent | PromiseRejectionEvent): void => {
    uncaught.push(describeError('reason' in event ? event.reason : event.error));
  };

  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', recordUncaught);
    window.addEventListener('unhandledrejection', recordUncaught);
  });

  afterEach(() => {
    window.removeEventListener('error', recordUncaught);
    window.removeEventListener('unhandledrejection', recordUncaught);
  });

  async function sources(context: Mocha.Context): Promise<Array<{ name: string; payload: unknown }>> {
    const shared = [];
    for (const path of SHARED_PAYLOADS) shared.push({ name: path, payload: await readSharedJson(context, path) });
    return [...shared, { name: 'demo/contoso-phish-to-macro', payload: contosoPhishToMacro }, { name: 'demo/published-shape', payload: publishedShape }];
  }

  it(`Graph payloads, seeds ${PAYLOAD_SEEDS.first}-${PAYLOAD_SEEDS.first + PAYLOAD_SEEDS.count - 1}`, async function () {
    this.timeout(20_000);
    const inputs = await sources(this);
    const failures: CaseFailure[] = [];
    let cases = 0;
    let snapshots = 0;
    let rejectedShapes = 0;
    let issues = 0;

    for (let seed = PAYLOAD_SEEDS.first; seed < PAYLOAD_SEEDS.first + PAYLOAD_SEEDS.count; seed++) {
      for (const input of inputs) {
        const fuzzer = new Fuzzer(seed);
        const payload = fuzzer.mutateJson(structuredClone(input.payload), 1 + fuzzer.int(6));
        cases++;
        let mapped: IncidentSnapshot[];
        try {
          mapped = fromMicrosoftGraph(payload);
        } catch (error) {
          // The mapper's contract: a TypeError for a payload of none of the known shapes.
          if (error instanceof TypeError && error.message.startsWith('fromMicrosoftGraph:')) {
            rejectedShapes++;
            continue;
          }
          failures.push({ seed, source: input.name, log: fuzzer.log, error: `fromMicrosoftGraph threw ${describeError(error)}` });
          continue;
        }
        for (const snapshot of mapped) {
          snapshots++;
          issues += snapshot.issues.length;
          try {
            const problems = checkSnapshot(snapshot);
            if (problems.length > 0) failures.push({ seed, source: input.name, log: fuzzer.log, error: problems.slice(0, 3).join('; ') });
          } catch (error) {
            failures.push({ seed, source: input.name, log: fuzzer.log, error: `model threw ${describeError(error)}` });
          }
        }
      }
    }

    console.log(`[fuzz] payload cases ${cases} (${inputs.length} sources x ${PAYLOAD_SEEDS.count} seeds), snapshots ${snapshots}, data issues ${issues}, rejected shapes ${rejectedShapes}, failures ${failures.length}`);
    expect(failures.slice(0, 5), `${failures.length} failing cases; replay with the seed and source`).to.deep.equal([]);
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
    expect(snapshots).to.be.greaterThan(cases / 2);
  });

  it(`snapshot records, seeds ${SNAPSHOT_SEEDS.first}-${SNAPSHOT_SEEDS.first + SNAPSHOT_SEEDS.count - 1}`, async function () {
    this.timeout(20_000);
    const inputs = await sources(this);
    const mapped = inputs.flatMap((input) => fromMicrosoftGraph(input.payload).map((snapshot) => ({ name: input.name, snapshot })));
    const failures: CaseFailure[] = [];
    let cases = 0;
    let missing = 0;

    for (let seed = SNAPSHOT_SEEDS.first; seed < SNAPSHOT_SEEDS.first + SNAPSHOT_SEEDS.count; seed++) {
      const fuzzer = new Fuzzer(seed);
      const base = fuzzer.pick(mapped);
      const snapshot = mutateSnapshot(structuredClone(base.snapshot), fuzzer);
      cases++;
      try {
        const problems = checkSnapshot(snapshot);
        // Every entity that is valid on its own reaches the graph, whatever else is broken.
        const graph = buildIncidentGraph(validateSnapshot(snapshot));
        for (const id of validInputIds(snapshot)) {
          if (!graph.hasNode(id)) {
            missing++;
            problems.push(`valid entity ${id} is not in the graph`);
          }
        }
        if (problems.length > 0) failures.push({ seed, source: base.name, log: fuzzer.log, error: problems.slice(0, 3).join('; ') });
      } catch (error) {
        failures.push({ seed, source: base.name, log: fuzzer.log, error: `threw ${describeError(error)}` });
      }
    }

    console.log(`[fuzz] snapshot cases ${cases} from ${mapped.length} mapped snapshots, valid entities missing ${missing}, failures ${failures.length}`);
    expect(failures.slice(0, 5), `${failures.length} failing cases; replay with the seed`).to.deep.equal([]);
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
  });

  it(`0, 1 and ${LARGE_ENTITY_COUNT.toLocaleString('en-US')} entities`, function () {
    this.timeout(20_000);
    const [base] = fromMicrosoftGraph(contosoPhishToMacro);
    const template = base!.entities[0]!;
    const sizes = [0, 1, LARGE_ENTITY_COUNT];
    const orders: number[] = [];

    for (const size of sizes) {
      const entities = Array.from({ length: size }, (_, index) => ({ ...template, id: `entity-${index}`, displayName: `host-${index}` }));
      const relations = entities.slice(1).map((entity, index) => ({ source: entity.id, target: entities[index >> 1]!.id, type: 'communicatesWith' }));
      const snapshot: IncidentSnapshot = { ...structuredClone(base!), entities, relations, alerts: [] };
      const started = performance.now();
      const session = new IncidentSession();
      session.setSnapshot(snapshot);
      const graph = session.graph!;
      const problems = validInputIds(snapshot).filter((id) => !graph.hasNode(id));
      console.log(`[fuzz] ${size} entities: ${graph.order} nodes, ${graph.size} edges in ${Math.round(performance.now() - started)} ms`);
      expect(problems, `${size} entities`).to.deep.equal([]);
      orders.push(graph.order);
    }
    expect(orders).to.deep.equal(sizes);
  });
});

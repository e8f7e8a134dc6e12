import { expect } from '@open-wc/testing';
import { validateSnapshot } from '../../src/model/validate.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import {
  ALERT_ENTITY_RANGE,
  GENERATED_KIND_SHARES,
  generateIncidentGraph,
  generateIncidentSnapshot,
  hubDeviceIds,
  HUB_PROCESS_SHARE,
  kindCounts,
} from '../fixtures/generated-incident.js';

/** Returns the device each process runs on, following parent processes up to a root's `runsOn`. */
function deviceOfEachProcess(snapshot: IncidentSnapshot): Map<string, string> {
  const parent = new Map<string, string>();
  const runsOn = new Map<string, string>();
  for (const relation of snapshot.relations) {
    if (relation.type === 'parentProcess') parent.set(relation.source, relation.target);
    if (relation.type === 'runsOn') runsOn.set(relation.source, relation.target);
  }

  const devices = new Map<string, string>();
  for (const entity of snapshot.entities) {
    if (entity.kind !== 'process') continue;
    let current = entity.id;
    const seen = new Set<string>();
    while (parent.has(current) && !seen.has(current)) {
      seen.add(current);
      current = parent.get(current)!;
    }
    const device = runsOn.get(current);
    if (device) devices.set(entity.id, device);
  }
  return devices;
}

describe('generated incident', () => {
  for (const size of [100, 1_000, 10_000]) {
    it(`has the kind shares at ${size} entities`, () => {
      const snapshot = generateIncidentSnapshot({ entityCount: size });
      expect(snapshot.entities).to.have.length(size);

      for (const [kind, share] of Object.entries(GENERATED_KIND_SHARES)) {
        const count = snapshot.entities.filter((entity) => entity.kind === kind).length;
        expect(Math.abs(count - share * size), kind).to.be.at.most(1);
      }
    });

    it(`has about 2.5 edges per entity at ${size} entities`, () => {
      const graph = generateIncidentGraph({ entityCount: size });
      const edgesPerEntity = graph.size / size;

      expect(edgesPerEntity).to.be.within(2.2, 2.8);
    });
  }

  it('has one alert per ten entities', () => {
    const snapshot = generateIncidentSnapshot({ entityCount: 1_000 });
    const [fewest, most] = ALERT_ENTITY_RANGE;

    expect(snapshot.alerts).to.have.length(100);
    for (const alert of snapshot.alerts) {
      expect(alert.evidence.length, alert.id).to.be.within(fewest, most);
    }
  });

  it('links each alert to entities near one another', () => {
    const snapshot = generateIncidentSnapshot({ entityCount: 1_000 });
    const position = new Map(snapshot.entities.map((entity, index) => [entity.id, index]));

    for (const alert of snapshot.alerts) {
      const positions = alert.evidence.map((evidence) => position.get(evidence.entityId)!);
      const spread = Math.max(...positions) - Math.min(...positions);
      expect(spread, alert.id).to.be.below(alert.evidence.length * 2);
    }
  });

  it('puts a fifth of the processes on hub devices', () => {
    const size = 10_000;
    const snapshot = generateIncidentSnapshot({ entityCount: size });
    const hubs = new Set(hubDeviceIds(size));
    const devices = deviceOfEachProcess(snapshot);
    const onHubs = [...devices.values()].filter((device) => hubs.has(device)).length;

    expect(hubs.size).to.be.within(1, 4);
    expect(devices.size).to.equal(kindCounts(size).process);
    expect(onHubs / devices.size).to.be.closeTo(HUB_PROCESS_SHARE, 0.01);
  });

  it('roots every process tree at a device', () => {
    const snapshot = generateIncidentSnapshot({ entityCount: 1_000 });
    const devices = deviceOfEachProcess(snapshot);
    const deviceIds = new Set(snapshot.entities.filter((entity) => entity.kind === 'device').map((entity) => entity.id));

    expect(devices.size).to.equal(kindCounts(1_000).process);
    for (const device of devices.values()) expect(deviceIds.has(device), device).to.equal(true);
  });

  it('passes validation without issues', () => {
    const snapshot = generateIncidentSnapshot({ entityCount: 1_000 });

    expect(validateSnapshot(snapshot).issues).to.deep.equal([]);
  });

  it('is the same for the same seed', () => {
    const first = generateIncidentSnapshot({ entityCount: 1_000, seed: 7 });
    const second = generateIncidentSnapshot({ entityCount: 1_000, seed: 7 });

    expect(JSON.stringify(second)).to.equal(JSON.stringify(first));
  });

  it('differs for another seed', () => {
    const first = generateIncidentSnapshot({ entityCount: 1_000, seed: 7 });
    const other = generateIncidentSnapshot({ entityCount: 1_000, seed: 8 });

    expect(JSON.stringify(other)).not.to.equal(JSON.stringify(first));
  });

  it('keeps kind counts summing to the size', () => {
    for (const size of [0, 1, 7, 13, 999]) {
      const counts = Object.values(kindCounts(size));
      expect(counts.reduce((sum, count) => sum + count, 0), String(size)).to.equal(size);
    }
  });

  it('builds small sizes without failing', () => {
    for (const size of [0, 1, 5, 12]) {
      const graph = generateIncidentGraph({ entityCount: size });
      const entities = graph.filterNodes((_, attributes) => attributes.kind !== 'alert');
      expect(entities, String(size)).to.have.length(size);
    }
  });
});

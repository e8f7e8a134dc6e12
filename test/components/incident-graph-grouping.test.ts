import { expect } from '@open-wc/testing';
import { baseModelSteps, buildDisplayModel, compareNodes } from '../../src/components/incident-graph/display-model.js';
import { runToEnd } from '../../src/components/incident-graph/slices.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import {
  DEFAULT_GROUP_THRESHOLD,
  effectiveGroupThreshold,
  findGroups,
  findGroupsSteps,
  groupLabel,
  LARGE_INCIDENT_GROUP_THRESHOLD,
  LARGE_INCIDENT_NODE_COUNT,
  selectGroupMembers,
} from '../../src/components/incident-graph/grouping.js';
import { collapseGroups } from '../../src/components/incident-graph/group-collapse.js';
import { localeFormat } from '../../src/components/shared/locale-controller.js';
import { buildIncidentGraph } from '../../src/model/build-graph.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';
import { generateIncidentGraph } from '../fixtures/generated-incident.js';
import { EXTRA_FILE_IDS, GROUP_ID, groupedSnapshot } from './incident-graph-grouping-fixture.js';

describe('incident graph grouping', () => {
  describe('findGroups', () => {
    it('groups leaf entities above the threshold', () => {
      const graph = buildIncidentGraph(groupedSnapshot());
      const groups = findGroups(graph, DEFAULT_GROUP_THRESHOLD);

      expect(groups).to.have.length(1);
      expect(groups[0]!.id).to.equal(GROUP_ID);
      expect(groups[0]!.alertId).to.equal('alert-c2');
      expect(groups[0]!.kind).to.equal('file');
      expect(groups[0]!.memberIds).to.deep.equal(EXTRA_FILE_IDS);
    });

    it('forms no group at the threshold', () => {
      const graph = buildIncidentGraph(groupedSnapshot());
      expect(findGroups(graph, EXTRA_FILE_IDS.length)).to.deep.equal([]);
      expect(findGroups(graph, EXTRA_FILE_IDS.length - 1)).to.have.length(1);
    });

    it('leaves out shared and linking entities', () => {
      const graph = buildIncidentGraph(groupedSnapshot());
      const members = findGroups(graph, 1).flatMap((group) => group.memberIds);

      expect(members).to.include('ip-extra-0');
      expect(members).to.include(EXTRA_FILE_IDS[7]);
      expect(members).not.to.include('file-shared');
      expect(members).not.to.include('file-related');
      expect(members).not.to.include('process-payload');
      expect(members).not.to.include('device-ws042');
    });

    it('never groups the story skeleton', () => {
      const graph = createFixtureGraph();
      for (const kind of ['process', 'device', 'user', 'mailbox'] as const) {
        for (let index = 0; index < 3; index++) {
          graph.addNode(`${kind}-leaf-${index}`, { kind, label: `${kind} ${index}` });
          graph.addDirectedEdge('alert-c2', `${kind}-leaf-${index}`, { type: 'evidence', roles: [] });
        }
      }

      expect(findGroups(graph, 1)).to.deep.equal([]);
    });

    it('finds the same groups from a base model', () => {
      const withPositions = (graph: IncidentGraph): IncidentGraph => {
        graph.forEachNode((id, attributes) => graph.mergeNodeAttributes(id, { x: attributes.label.length * 7, y: graph.degree(id) * 5 }));
        return graph;
      };
      const grouped = withPositions(buildIncidentGraph(groupedSnapshot()));
      // A self-loop counts as one relation; evidence from a second alert makes a file shared.
      grouped.addDirectedEdge(EXTRA_FILE_IDS[0]!, EXTRA_FILE_IDS[0]!, { type: 'relatedTo', roles: [] });
      grouped.addDirectedEdge(EXTRA_FILE_IDS[1]!, EXTRA_FILE_IDS[1]!, { type: 'relatedTo', roles: [] });
      grouped.addDirectedEdge(EXTRA_FILE_IDS[1]!, 'ip-extra-0', { type: 'relatedTo', roles: [] });
      const otherAlert = grouped.filterNodes((_id, attributes) => attributes.kind === 'alert').find((id) => id !== 'alert-c2')!;
      grouped.addDirectedEdge(otherAlert, EXTRA_FILE_IDS[2]!, { type: 'evidence', roles: [] });
      const generated = withPositions(generateIncidentGraph({ entityCount: 3000 }));

      for (const graph of [grouped, generated]) {
        const base = runToEnd(baseModelSteps(graph, undefined));
        for (const threshold of [1, 2, DEFAULT_GROUP_THRESHOLD]) {
          const fromBase = runToEnd(findGroupsSteps(graph, threshold, base));
          if (threshold === 1) expect(fromBase.length).to.be.greaterThan(0);
          // The base also gives each member's place in the graph's order.
          for (const group of fromBase) {
            expect(group.memberIndexes!.map((index) => base.graphOrder[index]!.id)).to.deep.equal(group.memberIds);
          }
          const definitions = fromBase.map(({ memberIndexes: _indexes, ...group }) => group);
          expect(definitions).to.deep.equal(findGroups(graph, threshold));
        }
      }
      const members = findGroups(grouped, 1).flatMap((group) => group.memberIds);
      expect(members).to.include(EXTRA_FILE_IDS[0]);
      expect(members).not.to.include(EXTRA_FILE_IDS[1]);
      expect(members).not.to.include(EXTRA_FILE_IDS[2]);
    });

    it('finds nothing with threshold 0', () => {
      const graph = buildIncidentGraph(groupedSnapshot());
      expect(findGroups(graph, 0)).to.deep.equal([]);
    });
  });

  describe('effectiveGroupThreshold', () => {
    it('lowers the threshold for large incidents', () => {
      expect(effectiveGroupThreshold(6, LARGE_INCIDENT_NODE_COUNT)).to.equal(6);
      expect(effectiveGroupThreshold(6, LARGE_INCIDENT_NODE_COUNT + 1)).to.equal(LARGE_INCIDENT_GROUP_THRESHOLD);
      expect(effectiveGroupThreshold(1, LARGE_INCIDENT_NODE_COUNT + 1)).to.equal(1);
    });

    it('keeps 0 and invalid values off', () => {
      expect(effectiveGroupThreshold(0, LARGE_INCIDENT_NODE_COUNT + 1)).to.equal(0);
      expect(effectiveGroupThreshold(-3, 10)).to.equal(0);
      expect(effectiveGroupThreshold(Number.NaN, 10)).to.equal(0);
    });
  });

  describe('groupLabel', () => {
    const english = localeFormat('en-US');

    it('pluralises per kind', () => {
      expect(groupLabel('file', 14, english)).to.equal('14 files');
      expect(groupLabel('file', 1, english)).to.equal('1 file');
      expect(groupLabel('ip', 3, english)).to.equal('3 IP addresses');
      expect(groupLabel('registryValue', 7, english)).to.equal('7 registry values');
    });

    it('formats the count in the locale', () => {
      expect(groupLabel('file', 1234, english)).to.equal('1,234 files');
      expect(groupLabel('file', 1234, localeFormat('de-DE'))).to.equal('1.234 files');
      expect(groupLabel('file', 1234, localeFormat('ar-EG'))).to.equal('١٬٢٣٤ files');
    });
  });

  describe('selectGroupMembers', () => {
    it('replaces, adds and removes members', () => {
      const current = { entityIds: ['a', 'x'], alertIds: ['alert'] };

      expect(selectGroupMembers(current, ['x', 'y'], false)).to.deep.equal({ entityIds: ['x', 'y'], alertIds: [] });
      expect(selectGroupMembers(current, ['x', 'y'], true)).to.deep.equal({ entityIds: ['a', 'x', 'y'], alertIds: ['alert'] });
      expect(selectGroupMembers({ entityIds: ['a', 'x', 'y'], alertIds: [] }, ['x', 'y'], true)).to.deep.equal({
        entityIds: ['a'],
        alertIds: [],
      });
    });
  });

  describe('collapseGroups', () => {
    it('keeps the list order with group nodes', () => {
      const graph = generateIncidentGraph({ entityCount: 600 });
      let index = 0;
      graph.forEachNode((node) => graph.mergeNodeAttributes(node, { x: (index % 40) * 50, y: Math.floor(index++ / 40) * 50 }));
      const model = buildDisplayModel({ graph, existsNow: () => true, selection: { entityIds: [], alertIds: [] } });
      const groups = findGroups(graph, 1);
      expect(groups.length, 'groups in the generated incident').to.be.greaterThan(1);

      const positionOf = (id: string): { x: number; y: number } => ({ x: graph.getNodeAttribute(id, 'x')!, y: graph.getNodeAttribute(id, 'y')! });
      const collapsed = collapseGroups(model, groups, new Set(), positionOf, localeFormat('en-US'));
      const groupNodes = collapsed.nodes.filter((node) => node.group);
      expect(groupNodes.length).to.equal(groups.length);
      const sorted = [...collapsed.nodes].sort(compareNodes);
      expect(collapsed.nodes.map((node) => node.id)).to.deep.equal(sorted.map((node) => node.id));
    });
  });
});

import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { buildDisplayModel, type DisplayModel, type EdgeView, type NodeView } from '../../src/components/incident-graph/display-model.js';
import { drawScene, type SceneState } from '../../src/components/incident-graph/draw.js';
import { EDGE_DIMMED, EDGE_FRESH, EdgeTable, edgeTableOf } from '../../src/components/incident-graph/edge-table.js';
import { collapseGroups } from '../../src/components/incident-graph/group-collapse.js';
import { findGroups } from '../../src/components/incident-graph/grouping.js';
import { readPalette } from '../../src/components/incident-graph/palette.js';
import { localeFormat } from '../../src/components/shared/locale-controller.js';
import { INCIDENT_GRAPH_OPTIONS } from '../../src/model/build-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';

const NO_SELECTION = { alertIds: [], entityIds: [] };

function node(id: string, x: number, y: number): NodeView {
  return {
    id, kind: 'file', label: id, alert: false, verdict: undefined, remediationStatus: undefined, severity: undefined,
    ghost: false, firstSeen: undefined, x, y, radius: 16, selected: false, dimmed: false,
  };
}

function edge(id: string, source: NodeView, target: NodeView, extra: Partial<EdgeView> = {}): EdgeView {
  return { id, source, target, type: 'relation', evidence: false, roles: [], curve: 0, loopIndex: 0, dimmed: false, ...extra };
}

/** Returns a graph of an alert with eight files on one device: the files group, the device does not. */
function groupedGraph(): IncidentGraph {
  const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
  graph.addNode('alert-1', { kind: 'alert', label: 'Dropped files', x: 0, y: 0 });
  graph.addNode('device-1', { kind: 'device', label: 'ws-01', x: 100, y: 0 });
  graph.addDirectedEdge('alert-1', 'device-1', { type: 'evidence', roles: ['compromised'] });
  for (let index = 0; index < 8; index++) {
    const id = `file-${index}`;
    graph.addNode(id, { kind: 'file', label: `payload-${index}.dll`, x: index * 40, y: 100 });
    graph.addDirectedEdge('alert-1', id, { type: 'evidence', roles: ['contextual'] });
    graph.addDirectedEdge(id, 'device-1', { type: 'storedOn', roles: [] });
  }
  return graph;
}

describe('EdgeTable', () => {
  it('gives back the edges it was made of', () => {
    const a = node('a', 0, 0);
    const b = node('b', 10, 0);
    const edges = [
      edge('a-b', a, b, { curve: -9, dimmed: true }),
      edge('b-b', b, b, { loopIndex: 2, type: 'evidence', evidence: true, roles: ['compromised'], fresh: true }),
    ];
    const views = edgeTableOf(edges).views();

    expect(views.map((view) => [view.id, view.source.id, view.target.id, view.type, view.curve, view.loopIndex])).to.deep.equal([
      ['a-b', 'a', 'b', 'relation', -9, 0],
      ['b-b', 'b', 'b', 'evidence', 0, 2],
    ]);
    expect(views.map((view) => [view.evidence, view.dimmed, view.fresh])).to.deep.equal([[false, true, false], [true, false, true]]);
    expect(views[1]!.roles).to.deep.equal(['compromised']);
  });

  it('keeps rows that point to its extras through a filter', () => {
    const a = node('a', 0, 0);
    const group = node('group', 50, 0);
    const table = new EdgeTable(2, { nodes: [a], ids: ['a-a'], attributes: [{ type: 'relation' }] }, {
      nodes: [group],
      edges: [{ id: 'a->group:evidence', type: 'evidence', roles: ['contextual'] }],
    });
    table.add(0, 0, 0, 0);
    table.add(0, ~0, ~0, EDGE_DIMMED);

    const dimmedRows = table.filter((row) => table.dimmed(row));

    expect(dimmedRows.length).to.equal(1);
    expect(dimmedRows.view(0)).to.include({ id: 'a->group:evidence', type: 'evidence', dimmed: true });
    expect(dimmedRows.sourceOf(0)).to.equal(a);
    expect(dimmedRows.targetOf(0)).to.equal(group);
    expect(dimmedRows.rolesOf(0)).to.deep.equal(['contextual']);
  });

  it('takes a subset of rows in order', () => {
    const a = node('a', 0, 0);
    const b = node('b', 10, 0);
    const table = edgeTableOf([edge('a-b', a, b), edge('b-b', b, b, { loopIndex: 1, dimmed: true }), edge('a-a', a, a)]);

    const loops = table.subset([2, 1]).views();

    expect(loops.map((view) => view.id)).to.deep.equal(['a-a', 'b-b']);
    expect(loops.map((view) => [view.loopIndex, view.dimmed])).to.deep.equal([[0, false], [1, true]]);
  });

  it('copies all rows, clearing flags', () => {
    const a = node('a', 0, 0);
    const b = node('b', 10, 0);
    const from = edgeTableOf([
      edge('a-b', a, b, { evidence: true, dimmed: true, fresh: true, curve: 12 }),
      edge('b-b', b, b, { loopIndex: 1, dimmed: true }),
    ]);
    const into = new EdgeTable(3, from.data, from.extras);
    into.copy(from, 1, 0);

    into.copyAll(from, EDGE_DIMMED | EDGE_FRESH);

    const views = into.views();
    expect(views.map((view) => view.id)).to.deep.equal(['b-b', 'a-b', 'b-b']);
    expect(views[1]).to.deep.include({ source: a, target: b, evidence: true, dimmed: false, fresh: false, curve: 12 });
    expect(views[2]).to.deep.include({ loopIndex: 1, dimmed: false });
    // The table copied from keeps its flags.
    expect(from.view(0).dimmed).to.equal(true);
  });

  it('counts its self-loops', () => {
    const a = node('a', 0, 0);
    const b = node('b', 10, 0);
    const table = edgeTableOf([edge('a-b', a, b), edge('b-b', b, b), edge('a-a', a, a, { loopIndex: 1 }), edge('b-a', b, a)]);
    expect(table.loopCount).to.equal(2);

    const into = new EdgeTable(5, table.data, table.extras);
    into.copy(table, 1, 0);
    into.copyAll(table, 0);
    expect(into.loopCount).to.equal(3);
    expect(table.subset([0, 3]).loopCount).to.equal(0);
    expect(table.filter((row) => row !== 2).loopCount).to.equal(1);
    expect(EdgeTable.empty().loopCount).to.equal(0);
  });

  it('sets and reads the dimmed flag of one row', () => {
    const a = node('a', 0, 0);
    const table = edgeTableOf([edge('one', a, a), edge('two', a, a)]);
    expect(table.anyDimmed()).to.equal(false);

    table.setDimmed(1, true);
    expect([table.dimmed(0), table.dimmed(1), table.anyDimmed()]).to.deep.equal([false, true, true]);

    table.setDimmed(1, false);
    expect(table.anyDimmed()).to.equal(false);
  });
});

describe('edges of a collapsed group', () => {
  it('end at the group node, merged by type', () => {
    const graph = groupedGraph();
    const model = buildDisplayModel({ graph, existsNow: () => true, selection: NO_SELECTION });
    const groups = findGroups(graph, 6);
    const positionOf = (id: string): { x: number; y: number } | undefined => model.byId.get(id);
    const collapsed = collapseGroups(model, groups, new Set(), positionOf, localeFormat('en-US'));

    const groupId = groups[0]!.id;
    const ends = collapsed.edges.views().map((view) => `${view.source.id} ${view.type} ${view.target.id}`).sort();
    expect(ends).to.deep.equal(['alert-1 evidence device-1', `alert-1 evidence ${groupId}`, `${groupId} storedOn device-1`].sort());
    const toGroup = collapsed.edges.views().find((view) => view.target.id === groupId)!;
    expect(toGroup.roles).to.deep.equal(['contextual']);
    expect(toGroup.target).to.equal(collapsed.byId.get(groupId));
  });

  it('are written as pixels to the group node', () => {
    // Enough copies of one edge for the frame to write its lines as pixels.
    const a = node('a', -50, 0);
    const group = node('group', 50, 0);
    const copies = 2500;
    const table = new EdgeTable(copies, { nodes: [a], ids: ['a-group'], attributes: [{ type: 'relation' }] }, {
      nodes: [group],
      edges: [{ id: 'a->group:relation', type: 'relation', roles: [] }],
    });
    for (let copy = 0; copy < copies; copy++) table.add(0, ~0, ~0, 0);
    const display: DisplayModel = { nodes: [a, group], edges: table, byId: new Map([[a.id, a], [group.id, group]]), alertCount: 0, entityCount: 2 };

    const canvas = document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 100;
    const context = canvas.getContext('2d')!;
    const scene: SceneState = {
      width: 200, height: 100, pixelRatio: 1, camera: { x: 100, y: 50, k: 0.2 }, palette: readPalette(document.body),
      display, hoveredId: undefined, activeId: undefined, showActive: false,
    };
    const stats = drawScene(context, scene);

    // The line runs from (90, 50) to (110, 50); the pixel above it shows the background.
    const onLine = [...context.getImageData(100, 50, 1, 1).data];
    const background = [...context.getImageData(100, 40, 1, 1).data];
    expect(stats.raster).to.equal(true);
    expect(onLine).to.not.deep.equal(background);
  });
});

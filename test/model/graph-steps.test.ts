import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { INCIDENT_GRAPH_OPTIONS } from '../../src/model/build-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { forEachEdgeSteps, forEachNodeSteps, GRAPH_SLICE_ITEMS } from '../../src/model/graph-steps.js';

/** Returns a chain of `count` files, each related to the next. */
function chain(count: number): IncidentGraph {
  const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
  for (let index = 0; index < count; index++) graph.addNode(`file-${index}`, { kind: 'file', label: `f${index}` });
  for (let index = 1; index < count; index++) graph.addDirectedEdge(`file-${index - 1}`, `file-${index}`, { type: 'relation', roles: [] });
  return graph;
}

/** Runs steps to the end and returns how often they yielded. */
function countYields(steps: Generator<void, void, void>): number {
  let yields = 0;
  while (!steps.next().done) yields += 1;
  return yields;
}

describe('graph passes in slices', () => {
  it('visit nodes in order, in slices', () => {
    const graph = chain(2 * GRAPH_SLICE_ITEMS + 5);
    const seen: string[] = [];
    const labels: Array<string | undefined> = [];

    const yields = countYields(forEachNodeSteps(graph, (id, attributes) => {
      seen.push(id);
      labels.push(attributes.label);
    }));

    expect(seen).to.deep.equal(graph.nodes());
    expect(labels[7]).to.equal('f7');
    expect(yields).to.equal(2);
  });

  it('visit edges with their ends', () => {
    const graph = chain(GRAPH_SLICE_ITEMS + 2);
    const ends: string[] = [];

    const yields = countYields(forEachEdgeSteps(graph, (id, attributes, source, target) => {
      expect(attributes.type).to.equal('relation');
      expect(graph.source(id)).to.equal(source);
      ends.push(`${source}>${target}`);
    }));

    expect(ends).to.have.length(graph.size);
    expect(ends[0]).to.equal('file-0>file-1');
    expect(ends.at(-1)).to.equal(`file-${GRAPH_SLICE_ITEMS}>file-${GRAPH_SLICE_ITEMS + 1}`);
    expect(yields).to.equal(1);
  });

  it('skip an empty graph', () => {
    const graph = chain(0);
    let visits = 0;
    expect(countYields(forEachNodeSteps(graph, () => (visits += 1)))).to.equal(0);
    expect(countYields(forEachEdgeSteps(graph, () => (visits += 1)))).to.equal(0);
    expect(visits).to.equal(0);
  });
});

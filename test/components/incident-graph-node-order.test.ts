import { expect } from '@open-wc/testing';
import type { NodeView } from '../../src/components/incident-graph/display-model.js';
import { compareNodes, orderTiesSteps, sortByTimeSteps } from '../../src/components/incident-graph/node-order.js';
import { runToEnd, SLICE_ITEMS } from '../../src/components/incident-graph/slices.js';

/** Returns a node view with the fields that the order reads. */
function nodeView(id: string, label: string, firstSeen: number | undefined, alert = false): NodeView {
  return {
    id,
    kind: alert ? 'alert' : 'file',
    label,
    alert,
    verdict: undefined,
    remediationStatus: undefined,
    severity: alert ? 'medium' : undefined,
    ghost: false,
    firstSeen,
    x: 0,
    y: 0,
    radius: 10,
    selected: false,
    dimmed: false,
  };
}

/**
 * Returns nodes in a scrambled order: alerts, entities sharing a few times in runs of 2 to 40,
 * and more than `SLICE_ITEMS` entities without a time, some with equal labels.
 */
function scrambledNodes(): NodeView[] {
  const nodes: NodeView[] = [];
  for (let index = 0; index < 30; index++) nodes.push(nodeView(`alert-${index}`, `Alert ${index % 7}`, 1000 + (index % 5) * 10, true));
  for (let index = 0; index < 400; index++) nodes.push(nodeView(`timed-${index}`, `file-${(index * 7919) % 97}.dll`, 1000 + (index % 11) * 10));
  for (let index = 0; index < SLICE_ITEMS + 300; index++) nodes.push(nodeView(`untimed-${index}`, `host-${(index * 104729) % 5003}`, undefined));
  for (let index = nodes.length - 1; index > 0; index--) {
    const other = (index * 48271) % (index + 1);
    [nodes[index], nodes[other]] = [nodes[other]!, nodes[index]!];
  }
  return nodes;
}

describe('il-incident-graph node order', () => {
  it('sorts in two passes like compareNodes', () => {
    const nodes = scrambledNodes();
    const expected = [...nodes].sort(compareNodes).map((node) => node.id);

    runToEnd(sortByTimeSteps(nodes));
    runToEnd(orderTiesSteps(nodes));

    expect(nodes.map((node) => node.id)).to.deep.equal(expected);
  });

  it('orders by time before ties are ordered', () => {
    const nodes = runToEnd(sortByTimeSteps(scrambledNodes()));
    const alertCount = nodes.filter((node) => node.alert).length;
    const times = nodes.slice(alertCount).map((node) => node.firstSeen ?? -Infinity);

    expect(nodes.slice(0, alertCount).every((node) => node.alert)).to.equal(true);
    expect(times.every((time, index) => index === 0 || times[index - 1]! <= time)).to.equal(true);
    expect(nodes.slice(0, alertCount).map((node) => node.id)).to.deep.equal(
      [...nodes].sort(compareNodes).slice(0, alertCount).map((node) => node.id),
    );
  });

  it('sorts a long run of ties in several slices', () => {
    const nodes = scrambledNodes();
    runToEnd(sortByTimeSteps(nodes));
    let yields = 0;
    const steps = orderTiesSteps(nodes);
    while (!steps.next().done) yields += 1;

    expect(yields).to.be.greaterThan(2);
    expect(nodes.map((node) => node.id)).to.deep.equal([...nodes].sort(compareNodes).map((node) => node.id));
  });
});

import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { readSharedJson } from './helpers/shared-data.js';

describe('toolchain', () => {
  it('imports graphology', () => {
    const graph = new Graph({ multi: true });
    graph.addNode('a');
    expect(graph.order).to.equal(1);
  });

  it('reads shared data', async function () {
    const payload = (await readSharedJson(this, 'msgraph/graph-v1.0_security-incident-get.response.json')) as { id: string };
    expect(payload.id).to.equal('2972395');
  });
});

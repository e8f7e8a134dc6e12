import { expect } from '@open-wc/testing';
import type { Entity } from '../../src/model/types.js';
import { entityMatchesSearch, normalizeSearch } from '../../src/session/search.js';
import { IncidentSession } from '../../src/session/session.js';
import { createFixtureSnapshot } from '../fixtures/graph-snapshot.js';

const FILE: Entity = {
  id: 'file-1',
  kind: 'file',
  displayName: 'invoice.docm',
  properties: {
    sha256: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
    size: 48213,
    signer: { name: 'Contoso Ltd', issuer: { name: 'Example CA' } },
    paths: ['C:\\Users\\jdoe\\Downloads'],
  },
};

describe('entity search', () => {
  it('normalizes the search text', () => {
    expect(normalizeSearch('  SHA ')).to.equal('sha');
    expect(normalizeSearch('   ')).to.equal(undefined);
    expect(normalizeSearch(undefined)).to.equal(undefined);
  });

  it('matches the name, the id and property values, ignoring case', () => {
    expect(entityMatchesSearch(FILE, 'invoice')).to.equal(true);
    expect(entityMatchesSearch(FILE, 'file-1')).to.equal(true);
    expect(entityMatchesSearch(FILE, 'e3b0c442')).to.equal(true);
    expect(entityMatchesSearch(FILE, '48213')).to.equal(true);
    expect(entityMatchesSearch(FILE, 'contoso ltd')).to.equal(true);
    expect(entityMatchesSearch(FILE, 'downloads')).to.equal(true);
    expect(entityMatchesSearch(FILE, 'payload')).to.equal(false);
  });

  it('reads values down to three levels', () => {
    expect(entityMatchesSearch(FILE, 'example ca')).to.equal(true);
    const deep: Entity = { ...FILE, properties: { a: { b: { c: { d: 'hidden' } } } } };
    expect(entityMatchesSearch(deep, 'hidden')).to.equal(false);
  });

  it('goes through the session by entity id', () => {
    const session = new IncidentSession();
    const snapshot = createFixtureSnapshot();
    snapshot.entities[0] = { ...snapshot.entities[0]!, properties: { osPlatform: 'Windows11' } };
    session.setSnapshot(snapshot);

    expect(session.entityMatchesSearch(snapshot.entities[0]!.id, 'windows11')).to.equal(true);
    expect(session.entityMatchesSearch(snapshot.entities[1]!.id, 'windows11')).to.equal(false);
    expect(session.entityMatchesSearch('missing', 'windows11')).to.equal(false);
  });
});

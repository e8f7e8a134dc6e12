import { expect } from '@open-wc/testing';
import { mergeEntities, mostUrgentRemediation, strongestVerdict } from '../../src/model/index.js';
import type { Entity } from '../../src/model/index.js';

describe('strongestVerdict', () => {
  it('ranks verdicts', () => {
    const order = ['malicious', 'suspicious', 'clean', 'unknown'] as const;
    for (let stronger = 0; stronger < order.length; stronger++) {
      for (let weaker = stronger; weaker < order.length; weaker++) {
        expect(strongestVerdict(order[stronger], order[weaker])).to.equal(order[stronger]);
        expect(strongestVerdict(order[weaker], order[stronger])).to.equal(order[stronger]);
      }
      expect(strongestVerdict(undefined, order[stronger])).to.equal(order[stronger]);
    }
  });

  it('keeps absent when both are absent', () => {
    expect(strongestVerdict(undefined, undefined)).to.equal(undefined);
  });
});

describe('mostUrgentRemediation', () => {
  const tiers = [
    ['pendingApproval', 'running'],
    ['failed', 'unremediated', 'declined', 'partiallyRemediated'],
    ['remediated', 'prevented', 'blocked'],
    ['notFound'],
    ['quarantinedByVendor'],
    ['none'],
  ];

  it('ranks tiers', () => {
    for (let upper = 0; upper < tiers.length; upper++) {
      for (let lower = upper + 1; lower < tiers.length; lower++) {
        for (const a of tiers[upper]!) {
          for (const b of tiers[lower]!) {
            expect(mostUrgentRemediation(a, b), `${a} over ${b}`).to.equal(a);
            expect(mostUrgentRemediation(b, a), `${a} over ${b}`).to.equal(a);
          }
        }
      }
    }
  });

  it('keeps the first within a tier', () => {
    expect(mostUrgentRemediation('remediated', 'blocked')).to.equal('remediated');
    expect(mostUrgentRemediation('blocked', 'remediated')).to.equal('blocked');
  });

  it('prefers any status to none given', () => {
    expect(mostUrgentRemediation(undefined, 'none')).to.equal('none');
    expect(mostUrgentRemediation(undefined, undefined)).to.equal(undefined);
  });
});

describe('mergeEntities', () => {
  const base: Entity = {
    id: 'file:1',
    kind: 'file',
    displayName: 'a.exe',
    verdict: 'suspicious',
    remediationStatus: 'none',
    firstSeen: 2000,
    properties: { fileName: 'a.exe', filePath: '', sha1: 'aa' },
  };

  it('merges by the rule', () => {
    const other: Entity = {
      id: 'file:1',
      kind: 'file',
      displayName: 'A.EXE',
      verdict: 'malicious',
      remediationStatus: 'remediated',
      firstSeen: 1000,
      properties: { fileName: 'A.EXE', filePath: 'C:\\Temp', sha256: 'bb' },
    };
    const merged = mergeEntities(base, other);

    expect(merged.verdict).to.equal('malicious');
    expect(merged.remediationStatus).to.equal('remediated');
    expect(merged.firstSeen).to.equal(1000);
    expect(merged.displayName).to.equal('a.exe');
    expect(merged.properties).to.deep.equal({ fileName: 'a.exe', filePath: 'C:\\Temp', sha1: 'aa', sha256: 'bb' });
    expect(merged.ghost).to.equal(undefined);
  });

  it('leaves inputs unchanged', () => {
    const copy = structuredClone(base);
    mergeEntities(base, { ...base, properties: { md5: 'cc' }, verdict: 'malicious' });
    expect(base).to.deep.equal(copy);
  });

  it('keeps ghost only if both are', () => {
    const ghost: Entity = { ...base, ghost: true, properties: { fileName: 'guess.exe' } };
    expect(mergeEntities(ghost, { ...ghost }).ghost).to.equal(true);
    const merged = mergeEntities(ghost, base);
    expect(merged.ghost).to.equal(undefined);
    expect(merged.properties.fileName).to.equal('a.exe');
  });
});

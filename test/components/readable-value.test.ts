import { expect } from '@open-wc/testing';
import { readableValue } from '../../src/components/shared/readable-value.js';
import { valueWords } from '../../src/components/shared/value-words.js';

describe('readableValue', () => {
  const cases: Array<[string, string]> = [
    ['CredentialAccess', 'Credential access'],
    ['truePositive', 'True positive'],
    ['microsoftDefenderForEndpoint', 'Microsoft Defender for Endpoint'],
    ['EDR', 'EDR'],
    ['MCAS', 'Microsoft Defender for Cloud Apps'],
    ['OfficeATP', 'Microsoft Defender for Office 365'],
    ['WindowsDefenderAtp', 'Microsoft Defender for Endpoint'],
    ['WindowsDefenderAv', 'Microsoft Defender Antivirus'],
    ['antivirus', 'Antivirus'],
    ['smartScreen', 'SmartScreen'],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${value}`, () => {
      expect(readableValue(value)).to.equal(expected);
    });
  }

  it('returns undefined for an empty value', () => {
    expect(readableValue('  ')).to.equal(undefined);
    expect(readableValue(undefined)).to.equal(undefined);
  });
});

describe('valueWords', () => {
  const cases: Array<[string, string]> = [
    ['injectsInto', 'injects into'],
    ['injects-into', 'injects into'],
    ['Injects-Into', 'injects into'],
    ['is-a-member-of', 'is a member of'],
    ['related_to', 'related to'],
    ['HTTPRequest', 'http request'],
    ['T1059-001', 't1059-001'],
  ];
  for (const [value, expected] of cases) {
    it(`splits ${value}`, () => {
      expect(valueWords(value)).to.equal(expected);
    });
  }
});

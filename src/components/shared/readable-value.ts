/**
 * Readable labels for enumeration values that sources write in camel or Pascal case, such as
 * statuses, categories, classifications and service names.
 */

import { msg, registerStrings } from './strings.js';
import { valueWords } from './value-words.js';

registerStrings({
  'value.microsoftDefenderForEndpoint': 'Microsoft Defender for Endpoint',
  'value.microsoftDefenderForOffice365': 'Microsoft Defender for Office 365',
  'value.microsoftDefenderForIdentity': 'Microsoft Defender for Identity',
  'value.microsoftDefenderForCloudApps': 'Microsoft Defender for Cloud Apps',
  'value.microsoftDefenderForCloud': 'Microsoft Defender for Cloud',
  'value.microsoftEntraIdProtection': 'Microsoft Entra ID Protection',
  'value.microsoft365Defender': 'Microsoft 365 Defender',
  'value.microsoftSentinel': 'Microsoft Sentinel',
  'value.customTi': 'Custom threat intelligence',
  'value.automatedInvestigation': 'Automated investigation',
  // Detection sources as the Defender for Endpoint and Defender XDR APIs write them.
  'value.EDR': 'EDR',
  'value.MCAS': 'Microsoft Defender for Cloud Apps',
  'value.OfficeATP': 'Microsoft Defender for Office 365',
  'value.WindowsDefenderAtp': 'Microsoft Defender for Endpoint',
  'value.WindowsDefenderAv': 'Microsoft Defender Antivirus',
  'value.smartScreen': 'SmartScreen',
});

/**
 * Returns the string table's `value.<value>` when it has one, else the value split into words
 * with only the first capitalised ("CredentialAccess" reads "Credential access"). Undefined
 * and empty values return undefined.
 */
export function readableValue(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const key = `value.${value}`;
  const label = msg(key);
  if (label !== key) return label;

  const words = valueWords(value);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Defender XDR advanced hunting rows (AlertInfo, AlertEvidence, DeviceProcessEvents) mapping. */

export { fromAdvancedHunting, type AdvancedHuntingOptions } from './from-advanced-hunting.js';

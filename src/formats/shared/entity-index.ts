/**
 * Lookups of an incident's entities by the identifiers that other evidence uses to name them.
 * A device is found by any of its ids or its DNS name, a user by any account identifier, a
 * mailbox by any of its addresses, and messages by network message id. Entities are read by their
 * well-known property names, so the index serves every format that writes those names.
 */

import type { Entity } from '../../model/types.js';
import { userIdentifiers } from './entity-keys.js';
import { readString, type JsonRecord } from './json-readers.js';

/** Entity lookups of one incident, built once from its entities. */
export class EntityIndex {
  private readonly devices = new Map<string, string>();
  private readonly users = new Map<string, string>();
  private readonly messagesByNetworkId = new Map<string, string[]>();
  private readonly mailboxes = new Map<string, string>();

  constructor(entities: Map<string, Entity>) {
    for (const entity of entities.values()) {
      const properties = entity.properties;
      if (entity.kind === 'device') {
        for (const field of ['mdeDeviceId', 'azureAdDeviceId', 'deviceDnsName']) {
          const value = readString(properties[field]);
          if (value !== undefined && !this.devices.has(value.toLowerCase())) this.devices.set(value.toLowerCase(), entity.id);
        }
      } else if (entity.kind === 'user') {
        for (const identifier of userIdentifiers(properties)) {
          if (!this.users.has(identifier)) this.users.set(identifier, entity.id);
        }
      } else if (entity.kind === 'mailbox') {
        for (const field of ['primaryAddress', 'upn']) {
          const address = readString(properties[field])?.toLowerCase();
          if (address !== undefined && !this.mailboxes.has(address)) this.mailboxes.set(address, entity.id);
        }
      } else if (entity.kind === 'mailMessage') {
        const networkId = readString(properties.networkMessageId)?.toLowerCase();
        if (networkId !== undefined) {
          this.messagesByNetworkId.set(networkId, [...(this.messagesByNetworkId.get(networkId) ?? []), entity.id]);
        }
      }
    }
  }

  device(identifier: string | undefined): string | undefined {
    return identifier === undefined ? undefined : this.devices.get(identifier.toLowerCase());
  }

  /** Returns the user entity matching an account by its strongest shared identifier. */
  user(account: JsonRecord | undefined): string | undefined {
    for (const identifier of userIdentifiers(account)) {
      const id = this.users.get(identifier);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  userByAddress(address: string | undefined): string | undefined {
    return address === undefined ? undefined : this.users.get(address.toLowerCase());
  }

  /** Returns the mailbox whose primary address or UPN is `address`, ignoring case. */
  mailbox(address: string | undefined): string | undefined {
    return address === undefined ? undefined : this.mailboxes.get(address.toLowerCase());
  }

  messages(networkMessageId: string): string[] {
    return this.messagesByNetworkId.get(networkMessageId.toLowerCase()) ?? [];
  }
}

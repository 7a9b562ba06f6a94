import type { AuditLogTable } from '../../db/types';
import { type Crypto, sha256 } from '../../security/crypto';

/**
 * How an audit entry's hash is made. Since 2026-12 the chain is keyed: HMAC-SHA256 under a key
 * derived from QUNTUAN_SECRET (HKDF info 'audit-chain-v1'), so an edit cannot be hidden by
 * recomputing the hashes without the secret. 'sha256' is the plain chain of older databases, kept
 * only to check such a chain before it is re-keyed (audit.rekey.ts).
 */
export const keyedScheme = 'hmac-sha256-v1';
export const plainScheme = 'sha256';
/** the head's scheme inside the re-key's own transaction (the trigger lets hash updates through) */
export const rekeyingScheme = 'rekeying';

export const genesis = '0'.repeat(64);

export type ChainEntry = Omit<AuditLogTable, 'hash'>;

const fields = (e: ChainEntry) =>
  JSON.stringify([e.seq, e.id, e.at, e.actor_id, e.actor_name, e.action, e.entity, e.entity_id, e.org_id, e.ip, e.detail, e.prev_hash]);

/** The hash function of a chain of the given scheme. */
export function chainHasher(scheme: string, crypto: Pick<Crypto, 'auditMac'>): (e: ChainEntry) => string {
  return scheme === keyedScheme ? (e) => crypto.auditMac(fields(e)) : (e) => sha256(fields(e));
}

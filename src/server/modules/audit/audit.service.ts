import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import { newId } from '../../../domain/ids';
import type { AuditLogTable } from '../../db/types';
import { chainHasher } from './audit.chain';

export { verifyAudit, type VerifyResult } from './audit.verify';

export interface AuditEntry {
  action: string; // create, update, delete, read_pii, login, login_failed, …
  entity: string; // person, org, user, designation, …
  entityId?: string | null;
  orgId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one entry to the hash-chained log, inside the caller's transaction so the write and its
 * audit entry land together. Updating the head row first takes its lock, which orders concurrent
 * writers (also across server instances on one PostgreSQL). The hash is keyed (audit.chain.ts).
 */
export async function appendAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const head = await tx.db
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash', 'scheme'])
      .executeTakeFirstOrThrow();
    const row: Omit<AuditLogTable, 'hash'> = {
      seq: Number(head.seq),
      id: newId(),
      at: nowIso(tx),
      actor_id: tx.actor.kind === 'user' ? tx.actor.id : null,
      actor_name: actorName(tx.actor),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      org_id: entry.orgId ?? null,
      ip: tx.ip,
      detail: JSON.stringify(entry.detail ?? {}),
      prev_hash: head.hash,
    };
    const hash = chainHasher(head.scheme, tx.crypto)(row);
    await tx.db.insertInto('audit_log').values({ ...row, hash }).execute();
    await tx.db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  });
}

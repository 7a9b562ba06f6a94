import { sha256 } from '../../security/crypto';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import { newId } from '../../../domain/ids';
import type { Kysely } from 'kysely';
import type { DB, AuditLogTable } from '../../db/types';

export interface AuditEntry {
  action: string; // create, update, delete, read_pii, login, login_failed, …
  entity: string; // person, org, user, designation, …
  entityId?: string | null;
  orgId?: string | null;
  detail?: Record<string, unknown>;
}

const genesis = '0'.repeat(64);

function entryHash(e: Omit<AuditLogTable, 'hash'>): string {
  return sha256(
    JSON.stringify([e.seq, e.id, e.at, e.actor_id, e.actor_name, e.action, e.entity, e.entity_id, e.org_id, e.ip, e.detail, e.prev_hash]),
  );
}

/**
 * Appends one entry to the hash-chained log, inside the caller's transaction so the write and its
 * audit entry land together. Updating the head row first takes its lock, which orders concurrent
 * writers (also across server instances on one PostgreSQL).
 */
export async function appendAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const head = await tx.db
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
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
    const hash = entryHash(row);
    await tx.db.insertInto('audit_log').values({ ...row, hash }).execute();
    await tx.db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  });
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenSeq: number; reason: string };

/** Walks the chain in order; names the first entry that was edited, deleted or inserted out of order. */
export async function verifyAudit(db: Kysely<DB>, onProgress?: (done: number) => void): Promise<VerifyResult> {
  let prevHash = genesis;
  let expectedSeq = 1;
  let count = 0;
  const batch = 2000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        return { ok: false, entries: count, brokenSeq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（被删除）` };
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, entries: count, brokenSeq: seq, reason: `第 ${seq} 条记录的前序哈希与上一条不符` };
      }
      const { hash, ...rest } = r;
      if (entryHash({ ...rest, seq }) !== hash) {
        return { ok: false, entries: count, brokenSeq: seq, reason: `第 ${seq} 条记录的内容被修改（哈希不符）` };
      }
      prevHash = hash;
      expectedSeq++;
      count++;
    }
    onProgress?.(count);
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.seq) !== count || head.hash !== prevHash) {
    return { ok: false, entries: count, brokenSeq: count + 1, reason: `日志末尾被截断：应有 ${head.seq} 条，实有 ${count} 条` };
  }
  return { ok: true, entries: count };
}

import type { Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../../db/types';
import type { Crypto } from '../../security/crypto';
import { type ChainEntry, chainHasher, genesis, keyedScheme } from './audit.chain';
import { type AuditCheckpoint, newestCheckpoint } from './audit.checkpoints';

export type VerifyResult = (
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenSeq: number; reason: string }
) & { checkpoint?: { seq: number; at: string } };

export interface Broken {
  brokenSeq: number;
  reason: string;
}

/** The log in seq order, 2,000 entries at a time. */
export async function* chainRows(db: Kysely<DB>, batch = 2000): AsyncGenerator<AuditLogTable[]> {
  let from = 1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', from).orderBy('seq').limit(batch).execute();
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    from = Number(rows[rows.length - 1].seq) + 1;
  }
}

/** What is wrong with entry `r` where entry `expectedSeq` following `prevHash` belongs; null when it fits. */
export function checkEntry(r: AuditLogTable, expectedSeq: number, prevHash: string, hash: (e: ChainEntry) => string): Broken | null {
  const seq = Number(r.seq);
  if (seq !== expectedSeq) return { brokenSeq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（被删除）` };
  if (r.prev_hash !== prevHash) return { brokenSeq: seq, reason: `第 ${seq} 条记录的前序哈希与上一条不符` };
  const { hash: stored, ...rest } = r;
  if (hash({ ...rest, seq }) !== stored) return { brokenSeq: seq, reason: `第 ${seq} 条记录的内容被修改（哈希不符）` };
  return null;
}

/**
 * Walks the chain in order and names the first entry that was edited, deleted or inserted out of
 * order. With checkpoints (kept outside the database: the data directory's checkpoint file, the
 * server log, a backup's header) it also checks the chain against the newest one, which catches a
 * tail deleted together with a reset head: the first missing seq is named.
 */
export async function verifyAudit(
  db: Kysely<DB>,
  crypto: Pick<Crypto, 'auditMac'>,
  opts: { checkpoints?: AuditCheckpoint[]; onProgress?: (done: number) => void } = {},
): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const hash = chainHasher(head.scheme, crypto);
  const anchor = newestCheckpoint(opts.checkpoints ?? []);
  const used = anchor ? { checkpoint: { seq: anchor.seq, at: anchor.at } } : {};
  let prevHash = genesis;
  let count = 0;
  let anchorHash = anchor?.seq === 0 ? genesis : null;
  for await (const rows of chainRows(db)) {
    for (const r of rows) {
      const broken = checkEntry(r, count + 1, prevHash, hash);
      if (broken) return { ok: false, entries: count, ...broken, ...used };
      prevHash = r.hash;
      count++;
      if (anchor && count === anchor.seq) anchorHash = r.hash;
    }
    opts.onProgress?.(count);
  }
  if (anchor && anchor.seq > count) {
    const reason = `日志末尾被截断：检查点（${anchor.at}）记到第 ${anchor.seq} 条，数据库中只到第 ${count} 条，第 ${count + 1}–${anchor.seq} 条缺失`;
    return { ok: false, entries: count, brokenSeq: count + 1, reason, ...used };
  }
  if (anchor && anchorHash !== anchor.hash) {
    return { ok: false, entries: count, brokenSeq: anchor.seq, reason: `第 ${anchor.seq} 条与检查点（${anchor.at}）不符：此前的日志被整体改写或换过`, ...used };
  }
  if (Number(head.seq) !== count || head.hash !== prevHash) {
    return { ok: false, entries: count, brokenSeq: count + 1, reason: `日志末尾被截断：应有 ${head.seq} 条，实有 ${count} 条`, ...used };
  }
  if (head.scheme !== keyedScheme) {
    const reason = '审计日志是未加密钥的哈希链（持有数据库即可重算），可能被降级改写；核查无误后可运行 quntuan audit rekey 转换为密钥链';
    return { ok: false, entries: count, brokenSeq: 1, reason, ...used };
  }
  return { ok: true, entries: count, ...used };
}

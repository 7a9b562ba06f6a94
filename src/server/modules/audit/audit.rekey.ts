import type { Ctx } from '../../context';
import { chainHasher, genesis, keyedScheme, plainScheme, rekeyingScheme } from './audit.chain';
import { appendAudit } from './audit.service';
import { type Broken, chainRows, checkEntry } from './audit.verify';

/** the migration that marks an existing chain unkeyed; the re-key runs right after it */
export const keyingMigration = '2026-12-07T2345-audit-keyed';

export type RekeyResult = { status: 'keyed' } | { status: 'rekeyed'; entries: number } | ({ status: 'refused' } & Broken);

class Refused extends Error {
  constructor(readonly broken: Broken) {
    super(broken.reason);
  }
}

/**
 * Re-keys a plain (SHA-256) chain once, right after the migration that marks an existing chain
 * 'sha256' (a migration never holds the secret), or when an operator runs `quntuan audit rekey`. In one transaction that holds the
 * head's lock: the plain chain is checked first — a broken one is left as it is and the break is
 * reported, never laundered into a valid keyed chain — then every entry's prev_hash and hash are
 * recomputed under the audit key, the head is marked keyed, and the re-key itself is audited.
 * A second instance starting at the same time finds the chain keyed and does nothing.
 */
export async function keyAuditChain(ctx: Ctx): Promise<RekeyResult> {
  const head = await ctx.db.selectFrom('audit_head').select('scheme').where('id', '=', 1).executeTakeFirst();
  if (!head || head.scheme === keyedScheme) return { status: 'keyed' };
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const locked = await trx
        .updateTable('audit_head')
        .set({ scheme: rekeyingScheme })
        .where('id', '=', 1)
        .where('scheme', '=', plainScheme)
        .returning(['seq', 'hash'])
        .executeTakeFirst();
      if (!locked) return { status: 'keyed' } as const;
      const plain = chainHasher(plainScheme, ctx.crypto);
      const keyed = chainHasher(keyedScheme, ctx.crypto);
      let count = 0;
      let prevPlain = genesis;
      let prevKeyed = genesis;
      for await (const rows of chainRows(trx)) {
        for (const r of rows) {
          const broken = checkEntry(r, count + 1, prevPlain, plain);
          if (broken) throw new Refused(broken);
          const { hash: _plainHash, ...entry } = r;
          const hash = keyed({ ...entry, seq: Number(r.seq), prev_hash: prevKeyed });
          await trx.updateTable('audit_log').set({ prev_hash: prevKeyed, hash }).where('seq', '=', r.seq).execute();
          prevPlain = r.hash;
          prevKeyed = hash;
          count++;
        }
      }
      if (Number(locked.seq) !== count || locked.hash !== prevPlain) {
        throw new Refused({ brokenSeq: count + 1, reason: `日志末尾被截断：应有 ${locked.seq} 条，实有 ${count} 条` });
      }
      await trx.updateTable('audit_head').set({ scheme: keyedScheme, hash: prevKeyed }).where('id', '=', 1).execute();
      await appendAudit({ ...ctx, db: trx }, { action: 'audit_rekey', entity: 'audit_log', detail: { from: plainScheme, to: keyedScheme, entries: count, plainHead: prevPlain } });
      return { status: 'rekeyed', entries: count } as const;
    });
  } catch (e) {
    if (e instanceof Refused) return { status: 'refused', ...e.broken };
    throw e;
  }
}

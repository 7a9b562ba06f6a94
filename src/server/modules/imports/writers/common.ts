import { type Ctx, nowIso } from '../../../context';
import { bulkInsert, ensurePeople, type EnsurePeopleResult } from '../../people/people.bulk';
import type { ParsedRow } from '../parse';
import type { ColumnNamer, KindWriter, Plan } from './types';

export const batchSize = 500;

export function chunked<T>(items: T[], size = batchSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type LedgerTable = 'activities' | 'assistance' | 'loans' | 'contracts';

/** Natural keys among `keys` held by a live (not deleted) record of `table`. */
export async function liveKeys(ctx: Ctx, table: LedgerTable, keys: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (const part of chunked(Array.from(new Set(keys)))) {
    const rows = await ctx.db.selectFrom(table).select('natural_key').where('natural_key', 'in', part).where('deleted_at', 'is', null).execute();
    for (const r of rows) live.add(r.natural_key);
  }
  return live;
}

/** Marks rows whose key is live already, or repeats an earlier row's key in the file. */
export async function markDuplicates(ctx: Ctx, table: LedgerTable, rows: { row: number; fileKey: string; dbKey: string | null }[], plan: Plan): Promise<void> {
  const live = await liveKeys(ctx, table, rows.flatMap((r) => (r.dbKey ? [r.dbKey] : [])));
  const seen = new Set<string>();
  for (const r of rows) {
    if ((r.dbKey && live.has(r.dbKey)) || seen.has(r.fileKey)) plan.duplicates.add(r.row);
    seen.add(r.fileKey);
  }
}

export function ledgerStamp(tx: Ctx, batchId: string, naturalKey: string) {
  const now = nowIso(tx);
  return { natural_key: naturalKey, batch_id: batchId, created_by: tx.actor.kind === 'user' ? tx.actor.id : null, created_at: now, updated_at: now, deleted_at: null, delete_reason: null };
}

interface PersonNamed {
  name?: string | null;
  idNumber?: string | null;
}

/**
 * A ledger whose rows name a person by 姓名 + 身份证号 (assistance, loans): people are resolved in
 * bulk; `key` builds the natural key from a person id (or a stand-in for one not yet on record).
 */
export function personLedgerWriter<I extends PersonNamed>(opts: {
  table: 'assistance' | 'loans';
  key: (input: I, personId: string, orgId: string) => string;
  row: (input: I, personId: string, orgId: string) => Record<string, unknown>;
  warn?: (tx: Ctx, written: { row: number; personId: string; input: I; orgId: string }[]) => Promise<string[]>;
  /** fills columns that depend on other records (e.g. the person's household) before the insert */
  complete?: (tx: Ctx, values: Record<string, unknown>[]) => Promise<void>;
}): KindWriter<I> {
  const people = (rows: ParsedRow<I>[]) => rows.map((r) => ({ name: r.input.name ?? '', idNumber: r.input.idNumber ?? '', orgId: r.orgId }));
  return {
    ledgerTable: opts.table,
    async plan(ctx, rows, name: ColumnNamer) {
      const found = await ensurePeople(ctx, people(rows), null, { dryRun: true });
      const plan: Plan = { errors: [], duplicates: new Set(), state: found };
      const keyed: { row: number; fileKey: string; dbKey: string | null }[] = [];
      rows.forEach((r, i) => {
        const message = found.errors.get(i);
        if (message) return void plan.errors.push({ row: r.row, ...name('name'), message });
        const id = r.input.idNumber ?? '';
        const personId = found.ids.get(id);
        keyed.push({ row: r.row, fileKey: opts.key(r.input, `id:${id}`, r.orgId), dbKey: personId ? opts.key(r.input, personId, r.orgId) : null });
      });
      await markDuplicates(ctx, opts.table, keyed, plan);
      return plan;
    },
    async write(tx, rows, batchId, plan) {
      const found: EnsurePeopleResult = await ensurePeople(tx, people(rows), batchId, { prior: plan.state as EnsurePeopleResult | undefined });
      const written: { row: number; personId: string; input: I; orgId: string }[] = [];
      const values = rows.map((r) => {
        const personId = found.ids.get(r.input.idNumber ?? '') as string;
        written.push({ row: r.row, personId, input: r.input, orgId: r.orgId });
        return { ...opts.row(r.input, personId, r.orgId), ...ledgerStamp(tx, batchId, opts.key(r.input, personId, r.orgId)) };
      });
      if (opts.complete) await opts.complete(tx, values);
      await bulkInsert(tx, opts.table, values as never);
      return { written: values.length, warnings: opts.warn ? await opts.warn(tx, written) : [] };
    },
  };
}

import { hash } from 'node:crypto';
import { type Ctx, nowIso } from '../../../context';
import { bulkInsert, type BulkPersonRow, type PeopleCache, registerPeople, resolvePeople } from '../../people/people.bulk';
import type { ParsedRow } from '../parse';
import type { KindWriter, Plan, Stamp } from './types';

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

/**
 * The file's natural keys seen so far: a row whose key is live already (one query per chunk), or
 * repeats an earlier row's key anywhere before it in the file, is a duplicate. Keys are kept as
 * SHA-1 digests (28 characters instead of ~90), so a 200k-row file's keys stay small.
 */
export class FileKeys {
  private readonly seen = new Set<string>();

  async mark(ctx: Ctx, table: LedgerTable, rows: { row: number; fileKey: string; dbKey: string | null }[], plan: Plan): Promise<void> {
    const live = await liveKeys(ctx, table, rows.flatMap((r) => (r.dbKey ? [r.dbKey] : [])));
    for (const r of rows) {
      const digest = hash('sha1', r.fileKey, 'base64');
      if ((r.dbKey && live.has(r.dbKey)) || this.seen.has(digest)) plan.duplicates.add(r.row);
      this.seen.add(digest);
    }
  }
}

export function stampOf(tx: Ctx, batchId: string): Stamp {
  return { batchId, createdBy: tx.actor.kind === 'user' ? tx.actor.id : null, now: nowIso(tx) };
}

/** The ledger columns of an imported row (natural key, batch, creation), as one literal shape. */
export function ledgerStamp(s: Stamp, naturalKey: string) {
  return { natural_key: naturalKey, batch_id: s.batchId, created_by: s.createdBy, created_at: s.now, updated_at: s.now, deleted_at: null, delete_reason: null };
}

interface PersonNamed {
  name?: string | null;
  idNumber?: string | null;
}

/**
 * A ledger whose rows name a person by 姓名 + 身份证号 (assistance, loans): people are resolved in
 * bulk, once per ID number for the whole file; `key` builds the natural key from a person id (or a
 * stand-in for one not yet on record).
 */
export function personLedgerWriter<I extends PersonNamed, W = never>(opts: {
  table: 'assistance' | 'loans';
  key: (input: I, personId: string, orgId: string) => string;
  row: (input: I, personId: string, orgId: string, naturalKey: string, stamp: Stamp) => Record<string, unknown>;
  /** warnings over everything written, once at the end: `keep` what the report needs of each row */
  warnings?: { keep: (r: ParsedRow<I>, personId: string) => W; report: (tx: Ctx, kept: W[]) => Promise<string[]> };
  /** fills columns that depend on other records (e.g. the person's household) before the insert */
  complete?: (tx: Ctx, values: Record<string, unknown>[]) => Promise<void>;
}): KindWriter<I> {
  const people = (rows: ParsedRow<I>[]): BulkPersonRow[] => rows.map((r) => ({ name: r.input.name ?? '', idNumber: r.input.idNumber ?? '', orgId: r.orgId }));
  return {
    ledgerTable: opts.table,
    start(name) {
      const cache: PeopleCache = new Map();
      const keys = new FileKeys();
      const kept: W[] = [];
      return {
        async plan(ctx, rows) {
          const mismatches = await resolvePeople(ctx, people(rows), cache);
          const plan: Plan = { errors: [], duplicates: new Set() };
          const keyed: { row: number; fileKey: string; dbKey: string | null }[] = [];
          rows.forEach((r, i) => {
            const message = mismatches.get(i);
            if (message) return void plan.errors.push({ row: r.row, ...name('name'), message });
            const id = r.input.idNumber ?? '';
            const personId = cache.get(id)?.id;
            keyed.push({ row: r.row, fileKey: opts.key(r.input, `id:${id}`, r.orgId), dbKey: personId ? opts.key(r.input, personId, r.orgId) : null });
          });
          await keys.mark(ctx, opts.table, keyed, plan);
          return plan;
        },
        async write(tx, rows, batchId) {
          await registerPeople(tx, people(rows), cache, batchId);
          const stamp = stampOf(tx, batchId);
          const values = rows.map((r) => {
            const personId = cache.get(r.input.idNumber ?? '')?.id as string;
            if (opts.warnings) kept.push(opts.warnings.keep(r, personId));
            return opts.row(r.input, personId, r.orgId, opts.key(r.input, personId, r.orgId), stamp);
          });
          if (opts.complete) await opts.complete(tx, values);
          await bulkInsert(tx, opts.table, values as never);
        },
        finish: (tx) => (opts.warnings ? opts.warnings.report(tx, kept) : Promise.resolve([])),
      };
    },
  };
}

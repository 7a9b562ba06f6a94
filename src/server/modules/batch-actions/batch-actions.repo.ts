import type { Expression, Kysely, SqlBool } from 'kysely';
import type { DB } from '../../db/types';
import type { BatchTarget } from './batch-actions.schemas';

/** Kysely queries of 批量操作; the service decides, these only read and write. */

/** What a record needs for a batch action: its unit, state and the columns of its natural key. */
export interface TargetRow {
  id: string;
  org_id: string;
  deleted_at: string | null;
  natural_key: string;
  name?: string;
  type?: string;
  start_on?: string;
  person_id?: string | null;
  household_id?: string | null;
  program?: string;
  given_on?: string;
  amount_fen?: number;
  enterprise?: string;
  signed_on?: string;
}

const keyColumns: Record<BatchTarget, readonly string[]> = {
  activities: ['name', 'type', 'start_on'],
  assistance: ['person_id', 'household_id', 'program', 'given_on', 'amount_fen'],
  loans: [],
  contracts: ['enterprise', 'type', 'signed_on'],
};

export const chunk = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** The rows among `ids` whose unit passes `inScope` (the scope guard's condition on org_id). */
export async function rowsInScope(db: Kysely<DB>, target: BatchTarget, ids: readonly string[], inScope: Expression<SqlBool>): Promise<TargetRow[]> {
  const out: TargetRow[] = [];
  for (const part of chunk(ids, 500)) {
    const rows = await db
      .selectFrom(target as 'contracts')
      .select(['id', 'org_id', 'deleted_at', 'natural_key', ...(keyColumns[target] as 'type'[])])
      .where('id', 'in', part)
      .where(inScope)
      .execute();
    out.push(...(rows as unknown as TargetRow[]));
  }
  return out;
}

/** Live rows (not among `except`) already holding one of `keys`. */
export async function liveKeyHolders(db: Kysely<DB>, target: BatchTarget, keys: readonly string[], except: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  for (const part of chunk(Array.from(new Set(keys)), 500)) {
    const rows = await db.selectFrom(target as 'contracts').select(['id', 'natural_key']).where('natural_key', 'in', part).where('deleted_at', 'is', null).execute();
    for (const r of rows) if (!except.has(r.id)) found.push(r.natural_key);
  }
  return found;
}

/** The deepest unit that holds all of `orgIds` in its subtree (for the audit entry's unit). */
export async function commonAncestor(db: Kysely<DB>, orgIds: readonly string[]): Promise<string | null> {
  const unique = Array.from(new Set(orgIds));
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0];
  const rows = await db
    .selectFrom('org_closure as c')
    .innerJoin('org_closure as d', 'd.ancestor_id', 'c.ancestor_id')
    .select(['c.ancestor_id'])
    .where('c.descendant_id', '=', unique[0])
    .where('d.descendant_id', 'in', unique)
    .groupBy(['c.ancestor_id', 'c.depth'])
    .having((eb) => eb.fn.count('d.descendant_id').distinct(), '=', unique.length)
    .orderBy('c.depth')
    .limit(1)
    .execute();
  return rows[0]?.ancestor_id ?? null;
}

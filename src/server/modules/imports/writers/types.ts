import type { Ctx } from '../../../context';
import type { RowError } from '../kinds/row';
import type { ParsedRow } from '../parse';

/** Names a column of the file for a writer's row errors (header as written, column number). */
export type ColumnNamer = (key: string) => { column: string; col?: number };

export interface Plan {
  errors: RowError[];
  /** Excel row numbers already on record (live natural key) or repeated earlier in the file */
  duplicates: Set<number>;
  /** what the plan looked up, handed to write (people on record, links) */
  state?: unknown;
}

/**
 * A kind's writer: `plan` reads only (people on record, live natural keys) and is also the dry
 * run; `write` inserts the good rows in bulk, each stamped with the batch, inside the caller's
 * transaction.
 */
export interface KindWriter<I = unknown> {
  ledgerTable: 'activities' | 'assistance' | 'loans' | 'contracts' | 'households' | 'people';
  plan(ctx: Ctx, rows: ParsedRow<I>[], name: ColumnNamer): Promise<Plan>;
  write(tx: Ctx, rows: ParsedRow<I>[], batchId: string, plan: Plan): Promise<{ written: number; warnings: string[] }>;
}

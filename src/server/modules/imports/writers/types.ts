import type { Ctx } from '../../../context';
import type { RowError } from '../kinds/row';
import type { ParsedRow } from '../parse';

/** Names a column of the file for a writer's row errors (header as written, column number). */
export type ColumnNamer = (key: string) => { column: string; col?: number };

export interface Plan {
  errors: RowError[];
  /** Excel row numbers already on record (live natural key) or repeated earlier in the file */
  duplicates: Set<number>;
}

/**
 * One import's writer, fed the file's rows chunk by chunk in file order. `plan` reads only (people
 * on record, live natural keys) and remembers what the file said so far (the first name given for
 * an ID number, natural keys already seen), so a chunk's duplicates and mismatches are judged
 * against the whole file before it; `write` inserts a chunk's good rows in bulk, each stamped with
 * the batch, inside the caller's transaction; `finish` runs once after the last write (warnings).
 */
export interface KindSession<I = unknown> {
  plan(ctx: Ctx, rows: ParsedRow<I>[]): Promise<Plan>;
  write(tx: Ctx, rows: ParsedRow<I>[], batchId: string): Promise<void>;
  finish(tx: Ctx): Promise<string[]>;
}

export interface KindWriter<I = unknown> {
  ledgerTable: 'activities' | 'assistance' | 'loans' | 'contracts' | 'households' | 'people';
  start(name: ColumnNamer): KindSession<I>;
}

/** The columns every ledger row carries for its import batch, computed once per chunk. */
export interface Stamp {
  batchId: string;
  createdBy: string | null;
  now: string;
}

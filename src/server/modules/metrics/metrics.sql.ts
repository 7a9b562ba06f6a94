import { type Kysely, type SqlBool, sql } from 'kysely';
import type { MetricLedger, MetricUnit } from '../../../domain/metrics/catalogue';
import type { MetricFilters } from '../../../domain/metrics/parse';
import type { DB } from '../../db/types';

/** What every metric query receives: a resolved unit (its whole subtree counts), an inclusive period, filters. */
export interface MetricArgs {
  orgId: string;
  from: string;
  to: string;
  filters: MetricFilters;
}

export interface Page {
  limit: number;
  offset: number;
}

/** One record a figure counts; `raw` is its contribution in the query's integer (count, 分, 1/0 for rates). */
export interface RecordRow {
  ledger: MetricLedger;
  id: string;
  date: string | null;
  orgName: string;
  label: string;
  raw: number;
}

/**
 * One metric's SQL: the figure as an integer (count, 分, or hundredths of a percent) and the
 * records behind it. `unit` overrides the catalogue's when the records carry their own (outcomes).
 */
export interface MetricQuery {
  value(db: Kysely<DB>, a: MetricArgs): Promise<{ raw: number; unit?: MetricUnit }>;
  records(db: Kysely<DB>, a: MetricArgs, page: Page): Promise<{ rows: RecordRow[]; total: number }>;
}

/**
 * `column` holds a unit of the subtree of orgId (the unit itself included, closure depth 0).
 * The caller has already checked orgId against the scope guard (http/scope.ts): a subtree of a
 * unit in scope is wholly in scope.
 */
export function inSubtree(orgId: string, column: string) {
  return sql<SqlBool>`${sql.ref(column)} in (select oc.descendant_id from org_closure oc where oc.ancestor_id = ${orgId})`;
}

/** LIKE pattern text with the wildcards escaped (used with `escape '\'`). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The calendar years a period touches: designations are held per year. */
export function periodYears(a: Pick<MetricArgs, 'from' | 'to'>): { first: number; last: number } {
  return { first: Number(a.from.slice(0, 4)), last: Number(a.to.slice(0, 4)) };
}

/** Aggregates come back as number (SQLite) or via the pg type parsers in db/database.ts; null when no rows. */
export function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}

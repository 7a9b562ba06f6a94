import type { MoneyUnit } from '../money';
import { type CellValue, cellText, foldWidth } from './cells';

/**
 * Finding the header row of a ledger sheet: the first row within the first 10 whose cells match
 * at least two of the kind's headers, after trimming, full-width folding, dropping spaces, line
 * breaks and the `*` of required columns, and the synonyms of the contract. A unit in a header
 * (金额(元), 金额（万元）) sets the unit of that column's amounts. Pure, no I/O.
 */
export interface ColumnDef {
  key: string;
  /** canonical header, as in the template (may carry a unit: 金额(元), 贷款金额(万元)) */
  header: string;
  required?: boolean;
  synonyms?: readonly string[];
  /** the column holds money; a unit in the file's header overrides this default */
  money?: MoneyUnit;
}

export interface MatchedColumn {
  index: number; // 1-based column number as in Excel
  key: string;
  header: string; // as written in the file
  unit: MoneyUnit | null;
}

export interface HeaderMatch {
  row: number; // Excel row number of the header row
  columns: MatchedColumn[];
  unknown: { index: number; header: string }[];
  missing: ColumnDef[];
  repeated: { index: number; header: string }[];
}

export const headerScanRows = 10;

/** Folds a header for comparison: 金额（万元）* → 金额(万元) */
export function headerKey(raw: string): string {
  return foldWidth(raw).replace(/[\s*＊]+/g, '').replace(/[【[]/g, '(').replace(/[】\]]/g, ')');
}

/** Splits a trailing unit off a header: 金额(万元) → { base: 金额, unit: 万元 }. */
export function splitUnit(raw: string): { base: string; unit: MoneyUnit | null } {
  const key = headerKey(raw);
  const m = /^(.*?)(?:\((万?元)\)|\/(万?元)|（(万?元)）)$/.exec(key);
  if (!m || !m[1]) return { base: key, unit: null };
  return { base: m[1], unit: (m[2] ?? m[3] ?? m[4]) as MoneyUnit };
}

/** Base header → column definition, for the canonical headers and all synonyms. */
export function headerIndex(defs: readonly ColumnDef[]): Map<string, ColumnDef> {
  const index = new Map<string, ColumnDef>();
  for (const def of defs) {
    for (const name of [def.header, ...(def.synonyms ?? [])]) {
      const { base } = splitUnit(name);
      if (!index.has(base)) index.set(base, def);
      const full = headerKey(name);
      if (!index.has(full)) index.set(full, def);
    }
  }
  return index;
}

export function matchHeaderCell(raw: string, index: Map<string, ColumnDef>): { def: ColumnDef; unit: MoneyUnit | null } | null {
  const key = headerKey(raw);
  if (!key) return null;
  const exact = index.get(key);
  const { base, unit } = splitUnit(raw);
  const def = exact ?? index.get(base);
  if (!def) return null;
  if (!def.money) return { def, unit: null };
  return { def, unit: unit ?? splitUnit(exact ? key : def.header).unit ?? def.money };
}

/** Matches one row as a header row; null when fewer than two cells name a column. */
export function matchHeaderRow(row: number, values: readonly (CellValue | undefined)[], defs: readonly ColumnDef[]): HeaderMatch | null {
  const index = headerIndex(defs);
  const columns: MatchedColumn[] = [];
  const unknown: HeaderMatch['unknown'] = [];
  const repeated: HeaderMatch['repeated'] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const header = cellText(v);
    if (!header) return;
    const m = matchHeaderCell(header, index);
    if (!m) unknown.push({ index: i + 1, header });
    else if (seen.has(m.def.key)) repeated.push({ index: i + 1, header });
    else {
      seen.add(m.def.key);
      columns.push({ index: i + 1, key: m.def.key, header, unit: m.unit });
    }
  });
  if (columns.length < 2) return null;
  return { row, columns, unknown, repeated, missing: defs.filter((d) => d.required && !seen.has(d.key)) };
}

/** The header row among the first rows of a sheet (merged title rows above it are passed over). */
export function findHeaderRow(rows: readonly { row: number; values: readonly (CellValue | undefined)[] }[], defs: readonly ColumnDef[]): HeaderMatch | null {
  for (const r of rows.slice(0, headerScanRows)) {
    if (r.row > headerScanRows) break;
    const m = matchHeaderRow(r.row, r.values, defs);
    if (m) return m;
  }
  return null;
}

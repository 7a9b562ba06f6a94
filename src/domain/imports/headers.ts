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

/**
 * A clerk's own column mapping: the file's header text (folded with `headerKey`) → the column key
 * it fills, or null to skip the column. Columns not named in it are matched by their headers.
 */
export type ColumnMapping = Readonly<Record<string, string | null>>;

/** Folds the keys of a mapping as the file's headers are folded, so 救助 项目 and 救助项目 agree. */
export function foldMapping(mapping: ColumnMapping | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [k, v] of Object.entries(mapping ?? {})) {
    const key = headerKey(k);
    if (key) out.set(key, v);
  }
  return out;
}

/**
 * Matches one row as a header row; null when fewer than `minMatches` cells name a column (two by
 * default: a title row never passes as the header). A mapped cell counts as a match; a cell mapped
 * to null is skipped without a warning.
 */
export function matchHeaderRow(row: number, values: readonly (CellValue | undefined)[], defs: readonly ColumnDef[], mapping?: ColumnMapping, minMatches = 2): HeaderMatch | null {
  const index = headerIndex(defs);
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const mapped = foldMapping(mapping);
  const columns: MatchedColumn[] = [];
  const unknown: HeaderMatch['unknown'] = [];
  const repeated: HeaderMatch['repeated'] = [];
  const seen = new Set<string>();
  let skipped = 0;
  values.forEach((v, i) => {
    const header = cellText(v);
    if (!header) return;
    const key = headerKey(header);
    let m: { def: ColumnDef; unit: MoneyUnit | null } | null;
    if (mapped.has(key)) {
      const def = byKey.get(mapped.get(key) ?? '');
      if (!def) {
        skipped++;
        return;
      }
      m = { def, unit: def.money ? (splitUnit(header).unit ?? def.money) : null };
    } else m = matchHeaderCell(header, index);
    if (!m) unknown.push({ index: i + 1, header });
    else if (seen.has(m.def.key)) repeated.push({ index: i + 1, header });
    else {
      seen.add(m.def.key);
      columns.push({ index: i + 1, key: m.def.key, header, unit: m.unit });
    }
  });
  if (columns.length + skipped < minMatches) return null;
  return { row, columns, unknown, repeated, missing: defs.filter((d) => d.required && !seen.has(d.key)) };
}

/** The header row among the first rows of a sheet (merged title rows above it are passed over). */
export function findHeaderRow(rows: readonly { row: number; values: readonly (CellValue | undefined)[] }[], defs: readonly ColumnDef[], mapping?: ColumnMapping): HeaderMatch | null {
  for (const r of rows.slice(0, headerScanRows)) {
    if (r.row > headerScanRows) break;
    const m = matchHeaderRow(r.row, r.values, defs, mapping);
    if (m) return m;
  }
  return null;
}

/**
 * When no row names two of the kind's columns (a clerk's own headers), the header row is taken to be
 * the first of the first rows whose cells are all text, at least two, and about as many as the
 * widest such row: title rows (one merged cell) and 填报单位 lines (two or three cells) fall short,
 * data rows carry numbers or dates. Null when no row qualifies.
 */
export function guessHeaderRow(rows: readonly { row: number; values: readonly (CellValue | undefined)[] }[]): number | null {
  const scanned = rows.filter((r) => r.row <= headerScanRows);
  const textCells = (values: readonly (CellValue | undefined)[]) => {
    let n = 0;
    for (const v of values) {
      if (v === null || v === undefined || cellText(v) === '') continue;
      if (typeof v !== 'string') return -1;
      n++;
    }
    return n;
  };
  const widest = Math.max(0, ...scanned.map((r) => r.values.filter((v) => cellText(v) !== '').length));
  for (const r of scanned) {
    const n = textCells(r.values);
    if (n >= 2 && n * 2 > widest) return r.row;
  }
  return null;
}

/** The header row's shape: its filled cells folded and in order, the key saved mappings are found by. */
export function headerShape(values: readonly (CellValue | undefined)[]): string {
  return values
    .map((v) => headerKey(cellText(v)))
    .filter(Boolean)
    .join('\u0001');
}

import { type CellValue, cellText, isBlankRow, isTotalsRow } from '../../../domain/imports/cells';
import { type ColumnMapping, foldMapping, guessHeaderRow, type HeaderMatch, headerKey, headerScanRows, matchHeaderRow } from '../../../domain/imports/headers';
import { displayCell, fieldLabel, suggestFields } from '../../../domain/imports/mapping';
import type { KindSpec } from './kinds/types';
import type { SheetRow } from './xlsx-reader';

/**
 * Where a sheet's header row is and what each of its columns is: by the clerk's mapping (given, or
 * saved for this header shape), by the template's headers and synonyms, or — for a clerk's own
 * ledger that names fewer than two columns as the template does — the row that looks like a header.
 * Also the first values under each column, so the wizard can show the clerk what each column holds.
 */
export interface LayoutColumn {
  index: number;
  header: string;
  /** the column key it fills, or null (not matched, or skipped) */
  field: string | null;
  samples: CellValue[];
}

export interface SheetLayout {
  headerRow: number;
  /** the header row's filled cells, folded (`headerShape`), to find a saved mapping */
  shapeCells: CellValue[];
  columns: LayoutColumn[];
}

export interface SavedLookup {
  name: string;
  mapping: ColumnMapping;
}

export interface DetectOptions {
  /** the clerk's mapping for this file (wins over a saved one) */
  mapping?: ColumnMapping;
  /** a mapping saved for a header row of this shape, if any */
  findSaved?: (values: readonly CellValue[]) => SavedLookup | null;
}

export interface DetectedHeader {
  header: HeaderMatch;
  layout: SheetLayout;
  /** the saved mapping used, by name */
  savedName: string | null;
  /** headers the clerk's mapping names that the header row does not have */
  unmatchedMapping: string[];
}

export const sampleRows = 3;

/** How much of a cell the preview and the column samples show: a long cell ends in “…”. */
export const previewChars = 200;

export function previewText(text: string): string {
  return text.length > previewChars ? `${text.slice(0, previewChars)}…` : text;
}

/** The header row among the first rows (up to `headerScanRows`), or null. */
export function detectHeader(spec: KindSpec, firstRows: readonly SheetRow[], opts: DetectOptions): DetectedHeader | null {
  const scan = firstRows.filter((r) => r.row <= headerScanRows);
  let found: { header: HeaderMatch; values: CellValue[]; savedName: string | null } | null = null;
  for (const r of scan) {
    const saved = opts.mapping ? null : (opts.findSaved?.(r.values) ?? null);
    const m = matchHeaderRow(r.row, r.values, spec.columns, opts.mapping ?? saved?.mapping, saved ? 1 : 2);
    if (m) {
      found = { header: m, values: r.values, savedName: saved?.name ?? null };
      break;
    }
  }
  if (!found) {
    const row = guessHeaderRow(scan);
    const r = scan.find((x) => x.row === row);
    const m = r ? matchHeaderRow(r.row, r.values, spec.columns, opts.mapping, 0) : null;
    if (!r || !m) return null;
    found = { header: m, values: r.values, savedName: null };
  }
  const { header, values } = found;
  const byIndex = new Map(header.columns.map((c) => [c.index, c.key]));
  const columns: LayoutColumn[] = [];
  const present = new Set<string>();
  values.forEach((v, i) => {
    const text = cellText(v);
    if (!text) return;
    present.add(headerKey(text));
    columns.push({ index: i + 1, header: text, field: byIndex.get(i + 1) ?? null, samples: [] });
  });
  const unmatchedMapping = [...foldMapping(opts.mapping).keys()].filter((k) => !present.has(k));
  return { header, layout: { headerRow: header.row, shapeCells: values, columns }, savedName: found.savedName, unmatchedMapping };
}

/**
 * The template's own example row (row 3 of a downloaded template, right under the header): every
 * column with an example holds exactly it. It is never imported.
 */
export function isExampleRow(spec: KindSpec, header: HeaderMatch, row: SheetRow): boolean {
  if (row.row !== header.row + 1) return false;
  let compared = 0;
  for (const c of header.columns) {
    const example = spec.columns.find((d) => d.key === c.key)?.example;
    if (example === undefined || example === '') continue;
    if (cellText(row.values[c.index - 1]) !== String(example)) return false;
    compared++;
  }
  return compared >= 2;
}

/** Adds a data row's values to the columns' samples (the first `sampleRows` data rows). */
export function addSamples(layout: SheetLayout, row: SheetRow): void {
  if (isBlankRow(row.values) || isTotalsRow(row.values)) return;
  for (const c of layout.columns) if (c.samples.length < sampleRows) c.samples.push(row.values[c.index - 1] ?? null);
}

export interface MappingColumn {
  index: number;
  header: string;
  /** the first values, as the clerk should read them (dates as 2025年3月8日) */
  samples: string[];
  field: string | null;
  suggested: string | null;
  reason: string | null;
}

/** What the wizard shows to map a file's columns: each column, its first values, the field it fills or may fill. */
export interface MappingInfo {
  headerRow: number;
  columns: MappingColumn[];
  fields: { key: string; label: string; required: boolean }[];
  /** labels of the required fields no column fills */
  missing: string[];
  /** the saved mapping this file was read with, by name */
  saved: string | null;
}

export function mappingInfo(spec: KindSpec, layout: SheetLayout, header: HeaderMatch, savedName: string | null, isUnitName: (s: string) => boolean): MappingInfo {
  const taken = new Set(header.columns.map((c) => c.key));
  const open = layout.columns.filter((c) => c.field === null);
  const suggestions = suggestFields(
    open.map((c) => ({ index: c.index, header: c.header, samples: c.samples })),
    spec.columns,
    taken,
    { orgColumn: spec.orgColumn, isUnitName },
  );
  const byKey = new Map(spec.columns.map((d) => [d.key, d]));
  return {
    headerRow: layout.headerRow,
    columns: layout.columns.map((c) => {
      const s = suggestions.get(c.index);
      const def = byKey.get(c.field ?? s?.field ?? '');
      return { index: c.index, header: previewText(c.header), samples: c.samples.map((v) => previewText(displayCell(v, def))), field: c.field, suggested: s?.field ?? null, reason: s?.reason ?? null };
    }),
    fields: spec.columns.map((d) => ({ key: d.key, label: fieldLabel(d), required: d.required === true })),
    missing: header.missing.map((d) => fieldLabel(d)),
    saved: savedName,
  };
}

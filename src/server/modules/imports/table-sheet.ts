import { type CellValue, cellText, isBlankRow, isTotalsRow } from '../../../domain/imports/cells';
import { findHeaderRow, type HeaderMatch, headerScanRows } from '../../../domain/imports/headers';
import { RowColumns, RowReader, type RowError } from './kinds/row';
import type { KindColumn, KindSpec } from './kinds/types';
import { failTooLong, type PreviewRow } from './parse';
import { previewText } from './sheet-layout';
import { readSheetRows } from './xlsx-reader';
import type { SheetLimits } from './zip-guard';

/**
 * A whole small sheet (a county's org tree or its users: hundreds of rows, not hundreds of
 * thousands) read with the ledger imports' machinery — the streaming reader and its zip limits,
 * header detection in the first rows (title rows above, synonyms, full-width folding), blank and
 * totals rows skipped — into one RowReader per data row, so the caller can check the rows against
 * each other (parents after children, duplicates anywhere in the file) before anything is written.
 */
export interface SheetTable {
  header: HeaderMatch | null;
  headerErrors: RowError[];
  warnings: string[];
  rows: RowReader[];
  preview: PreviewRow[];
}

export async function readSheetTable(content: Buffer, columns: readonly KindColumn[], today: string, limits?: SheetLimits): Promise<SheetTable> {
  const out: SheetTable = { header: null, headerErrors: [], warnings: [], rows: [], preview: [] };
  const spec = { columns } as unknown as KindSpec;
  const firstRows: { row: number; values: CellValue[] }[] = [];
  let rowColumns: RowColumns | null = null;
  for await (const r of readSheetRows(content, { limits })) {
    if (!out.header) {
      if (r.row > headerScanRows) break;
      firstRows.push(r);
      out.header = findHeaderRow([r], columns);
      if (!out.header) continue;
      out.headerErrors = out.header.missing.map((c) => ({ row: out.header?.row ?? r.row, column: c.header, message: `缺少必填列“${c.header}”` }));
      if (out.headerErrors.length) return out;
      for (const u of out.header.unknown) out.warnings.push(`第 ${out.header.row} 行的列“${u.header}”不是本表的列，已忽略`);
      for (const u of out.header.repeated) out.warnings.push(`第 ${out.header.row} 行的列“${u.header}”与前面的列重复，已忽略`);
      rowColumns = new RowColumns(spec, out.header.columns);
      continue;
    }
    if (!rowColumns || isBlankRow(r.values) || isTotalsRow(r.values)) continue;
    const reader = new RowReader(rowColumns, r.row, r.values, today);
    failTooLong(reader, rowColumns, r);
    out.rows.push(reader);
    const values: Record<string, string> = {};
    for (const c of rowColumns.matched) values[c.header] = previewText(cellText(r.values[c.index - 1]));
    out.preview.push({ row: r.row, values, status: 'ok' });
  }
  if (!out.header) {
    const names = columns.filter((c) => c.required).map((c) => `“${c.header}”`).join('');
    out.headerErrors.push({ row: firstRows[0]?.row ?? 1, column: '', message: `前 ${headerScanRows} 行中找不到表头（应包含${names}等列名）` });
  }
  return out;
}

/** The required cells of a row that are blank, each as an error naming the column. */
export function requireCells(r: RowReader, keys: readonly string[]): void {
  for (const key of keys) {
    if (r.has(key) && !r.text(key)) r.fail(key, `${r.header(key).replace(/[*＊\s]/g, '').replace(/[(（].*$/, '')}为必填项`);
  }
}

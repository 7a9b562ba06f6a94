import { type CellValue, cellText, isBlankRow, isTotalsRow, textOf } from '../../../domain/imports/cells';
import { findHeaderRow, type HeaderMatch, headerScanRows } from '../../../domain/imports/headers';
import type { OrgResolver } from './org-resolver';
import { RowReader, type RowError } from './kinds/row';
import type { KindSpec } from './kinds/types';
import type { SheetRow } from './xlsx-reader';

/**
 * Turns a sheet's rows into the kind's domain inputs: finds the header row, skips blank and totals
 * rows, converts cells, resolves 所属组织, and runs the shared rules, so every error names the Excel
 * row and the column header as written in the file.
 */
export interface ParsedRow<I = unknown> {
  row: number;
  input: I;
  orgId: string;
}

export interface PreviewRow {
  row: number;
  values: Record<string, string>;
  status: 'ok' | 'error' | 'duplicate';
}

export interface ParseOutcome<I = unknown> {
  header: HeaderMatch | null;
  rows: ParsedRow<I>[];
  errors: RowError[];
  warnings: string[];
  /** data rows read (blank and totals rows excluded) */
  dataRows: number;
  preview: PreviewRow[];
}

export const previewSize = 200;

function headerProblems(spec: KindSpec, header: HeaderMatch | null, firstRows: SheetRow[]): RowError[] {
  if (!header) {
    const names = spec.columns.filter((c) => c.required).map((c) => `“${c.header}”`).join('');
    return [{ row: firstRows[0]?.row ?? 1, column: '', message: `前 ${headerScanRows} 行中找不到表头（应包含${names}等列名）` }];
  }
  return header.missing.map((c) => ({ row: header.row, column: c.header, message: `缺少必填列“${c.header}”` }));
}

export async function parseSheet<I>(spec: KindSpec<I>, source: AsyncIterable<SheetRow>, orgs: OrgResolver, today: string, onRow?: (n: number) => void): Promise<ParseOutcome<I>> {
  const out: ParseOutcome<I> = { header: null, rows: [], errors: [], warnings: [], dataRows: 0, preview: [] };
  const schema = spec.schema(today);
  const firstRows: SheetRow[] = [];
  let header: HeaderMatch | null = null;
  let settled = false;
  const required = spec.columns.filter((c) => c.required && !c.blankAllowed).map((c) => c.key);
  for await (const sheetRow of source) {
    if (!settled) {
      if (sheetRow.row <= headerScanRows) {
        firstRows.push(sheetRow);
        header = findHeaderRow([sheetRow], spec.columns);
        if (!header) continue;
      }
      settled = true;
      out.header = header;
      const problems = headerProblems(spec, header, firstRows);
      if (problems.length) {
        out.errors.push(...problems);
        return out;
      }
      for (const u of header?.unknown ?? []) out.warnings.push(`第 ${header?.row} 行的列“${u.header}”不是本台账的列，已忽略`);
      for (const u of header?.repeated ?? []) out.warnings.push(`第 ${header?.row} 行的列“${u.header}”与前面的列重复，已忽略`);
      if (header && sheetRow.row === header.row) continue;
    }
    if (!header) break;
    if (isBlankRow(sheetRow.values) || isTotalsRow(sheetRow.values)) continue;
    out.dataRows++;
    onRow?.(out.dataRows);
    readRow(spec, schema, header, sheetRow, orgs, today, required, out);
  }
  if (!settled) out.errors.push(...headerProblems(spec, null, firstRows));
  return out;
}

function readRow<I>(spec: KindSpec<I>, schema: ReturnType<KindSpec<I>['schema']>, header: HeaderMatch, sheetRow: SheetRow, orgs: OrgResolver, today: string, required: string[], out: ParseOutcome<I>): void {
  const r = new RowReader(spec as KindSpec, header.columns, sheetRow.row, sheetRow.values, today);
  for (const key of required) {
    if (r.has(key) && textOf(r.raw(key)) === null) r.fail(key, `${r.header(key).replace(/[*＊\s]/g, '').replace(/[(（].*$/, '')}为必填项`);
  }
  const input = spec.toInput(r);
  const org = orgs.resolve(r.text(spec.orgColumn));
  if (!org.ok) r.fail(spec.orgColumn, org.message);
  const failed = new Set(r.errors.map((e) => e.column));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = spec.fields[String(issue.path[0] ?? '')] ?? '';
      const column = key ? r.header(key) : '';
      if (failed.has(column)) continue;
      failed.add(column);
      if (key) r.fail(key, issue.message);
      else r.errors.push({ row: sheetRow.row, column: '', message: issue.message });
    }
  } else if (r.errors.length === 0 && org.ok) {
    out.rows.push({ row: sheetRow.row, input: parsed.data, orgId: org.id });
  }
  out.errors.push(...r.errors);
  if (out.preview.length < previewSize) {
    const values: Record<string, string> = {};
    for (const c of header.columns) values[c.header] = cellText(sheetRow.values[c.index - 1] as CellValue | undefined);
    out.preview.push({ row: sheetRow.row, values, status: r.errors.length ? 'error' : 'ok' });
  }
}

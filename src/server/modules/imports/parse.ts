import { type CellValue, cellText, isBlankRow, isTotalsRow, textOf } from '../../../domain/imports/cells';
import { type HeaderMatch, headerScanRows } from '../../../domain/imports/headers';
import { displayCell } from '../../../domain/imports/mapping';
import type { OrgResolver } from './org-resolver';
import { RowColumns, RowReader, type RowError } from './kinds/row';
import type { KindSpec } from './kinds/types';
import { addSamples, type DetectOptions, detectHeader, isExampleRow, previewText, sampleRows, type SheetLayout } from './sheet-layout';
import { cellTooLongMessage } from './xml-cap';
import type { SheetRow } from './xlsx-reader';

/**
 * Turns a sheet's rows into the kind's domain inputs: finds the header row, skips blank and totals
 * rows, converts cells, resolves 所属组织, and runs the shared rules, so every error names the Excel
 * row and the column header as written in the file. Rows come out in chunks as the sheet is read,
 * so a large file is never held as a whole.
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

/** What the parse learnt about the file as a whole (filled in while its chunks are read). */
export interface SheetSummary {
  header: HeaderMatch | null;
  /** errors of the header row itself (no header found, a required column missing) */
  headerErrors: RowError[];
  warnings: string[];
  /** data rows read (blank and totals rows excluded) */
  dataRows: number;
  preview: PreviewRow[];
  /** the header row's columns and their first values (for mapping a clerk's own headers) */
  layout: SheetLayout | null;
  /** the saved column mapping the file was read with, by name */
  savedMapping: string | null;
}

export interface ParsedChunk<I = unknown> {
  /** rows that passed every rule of the kind */
  rows: ParsedRow<I>[];
  /** the other rows' errors, in row order */
  errors: RowError[];
}

export const previewSize = 200;
export const chunkRows = 2_000;

function headerProblems(spec: KindSpec, header: HeaderMatch | null, firstRows: SheetRow[]): RowError[] {
  if (!header) {
    const names = spec.columns.filter((c) => c.required).map((c) => `“${c.header}”`).join('');
    return [{ row: firstRows[0]?.row ?? 1, column: '', message: `前 ${headerScanRows} 行中找不到表头（应包含${names}等列名）` }];
  }
  return header.missing.map((c) => ({ row: header.row, column: c.header, message: `缺少必填列“${c.header}”` }));
}

export function emptySummary(): SheetSummary {
  return { header: null, headerErrors: [], warnings: [], dataRows: 0, preview: [], layout: null, savedMapping: null };
}

/** The first rows (through `headerScanRows`, plus the one after), and the rest of the sheet still to come. */
async function splitHead(source: AsyncIterable<SheetRow>): Promise<{ head: SheetRow[]; rest: AsyncIterator<SheetRow> }> {
  const rest = source[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    head.push(next.value);
    if (next.value.row > headerScanRows) break;
  }
  return { head, rest };
}

async function* rowsAfter(head: SheetRow[], headerRow: number, rest: AsyncIterator<SheetRow>): AsyncGenerator<SheetRow> {
  for (const r of head) if (r.row > headerRow) yield r;
  if (head.length === 0 || head[head.length - 1].row <= headerScanRows) return; // the sheet ended within the head
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * The sheet's data rows, checked, `size` at a time. Stops (nothing yielded) when no header row is
 * found or it lacks a required column: `summary.headerErrors` then says why, and `summary.layout`
 * holds the file's columns with their first values, for the clerk to map.
 */
export async function* parseSheetChunks<I>(spec: KindSpec<I>, source: AsyncIterable<SheetRow>, orgs: OrgResolver, today: string, summary: SheetSummary, size = chunkRows, opts: DetectOptions = {}): AsyncGenerator<ParsedChunk<I>> {
  const schema = spec.schema(today);
  const { head, rest } = await splitHead(source);
  const detected = detectHeader(spec as KindSpec, head, opts);
  if (!detected) {
    summary.headerErrors.push(...headerProblems(spec as KindSpec, null, head));
    return;
  }
  const { header, layout } = detected;
  summary.header = header;
  summary.layout = layout;
  summary.savedMapping = detected.savedName;
  const rows = rowsAfter(head, header.row, rest);
  const problems = headerProblems(spec as KindSpec, header, head);
  for (const h of detected.unmatchedMapping) problems.push({ row: header.row, column: h, message: `表头中没有列“${h}”（列对应中的原列名）` });
  if (problems.length) {
    summary.headerErrors.push(...problems);
    for await (const r of rows) {
      addSamples(layout, r);
      if (layout.columns.every((c) => c.samples.length >= sampleRows) || r.row > header.row + 50) break;
    }
    return;
  }
  for (const u of header.unknown) summary.warnings.push(`第 ${header.row} 行的列“${u.header}”不是本台账的列，已忽略`);
  for (const u of header.repeated) summary.warnings.push(`第 ${header.row} 行的列“${u.header}”与前面的列重复，已忽略`);
  const columns = new RowColumns(spec as KindSpec, header.columns);
  const dates = new Set(spec.columns.filter((c) => c.date).map((c) => c.key));
  const required = spec.columns.filter((c) => c.required && !c.blankAllowed).map((c) => c.key);
  let chunk: ParsedChunk<I> = { rows: [], errors: [] };
  for await (const sheetRow of rows) {
    if (isBlankRow(sheetRow.values) || isTotalsRow(sheetRow.values)) continue;
    if (isExampleRow(spec as KindSpec, header, sheetRow)) {
      summary.warnings.push(`第 ${sheetRow.row} 行是模板自带的示例行，未导入`);
      continue;
    }
    if (summary.dataRows < sampleRows) addSamples(layout, sheetRow);
    summary.dataRows++;
    readRow(spec, schema, columns, sheetRow, orgs, today, required, chunk, summary, dates);
    if (chunk.rows.length + chunk.errors.length >= size) {
      yield chunk;
      chunk = { rows: [], errors: [] };
    }
  }
  if (chunk.rows.length || chunk.errors.length) yield chunk;
}

function readRow<I>(spec: KindSpec<I>, schema: ReturnType<KindSpec<I>['schema']>, columns: RowColumns, sheetRow: SheetRow, orgs: OrgResolver, today: string, required: string[], out: ParsedChunk<I>, summary: SheetSummary, dates: Set<string>): void {
  const r = new RowReader(columns, sheetRow.row, sheetRow.values, today);
  failTooLong(r, columns, sheetRow);
  for (const key of required) {
    if (r.has(key) && textOf(r.raw(key)) === null) r.fail(key, `${r.header(key).replace(/[*＊\s]/g, '').replace(/[(（].*$/, '')}为必填项`);
  }
  const input = spec.toInput(r);
  const org = orgs.resolve(r.text(spec.orgColumn));
  if (!org.ok) r.fail(spec.orgColumn, org.message);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const failed = new Set(r.errors.map((e) => e.column));
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
  for (const e of r.errors) out.errors.push(e);
  if (summary.preview.length < previewSize) {
    const values: Record<string, string> = {};
    for (const c of columns.matched) {
      const v = sheetRow.values[c.index - 1] as CellValue | undefined;
      // a date cell arrives as Excel's day serial (the reader skips styles): shown as 2025年3月8日, never 46346
      values[c.header] = previewText(dates.has(c.key) ? displayCell(v, { key: c.key, header: c.header, date: true }) : cellText(v));
    }
    summary.preview.push({ row: sheetRow.row, values, status: r.errors.length ? 'error' : 'ok' });
  }
}

/** A row error for each imported column whose cell was longer than Excel's 32,767 characters (the reader cut it). */
export function failTooLong(r: RowReader, columns: RowColumns, sheetRow: SheetRow): void {
  for (const col of sheetRow.tooLong ?? []) {
    const c = columns.matched.find((m) => m.index === col);
    if (c) r.fail(c.key, cellTooLongMessage);
  }
}

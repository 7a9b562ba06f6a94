import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellValue, excelSerialToDate } from '../../../domain/imports/cells';
import type { RowError } from './kinds/row';
import { readSheetRows } from './xlsx-reader';

/**
 * The error workbook: the file's rows as read, plus a 错误说明 column naming each row's problems,
 * with the bad cells filled red, so the clerk fixes the rows in place and imports the file again
 * (rows already written then count as duplicates).
 */
const red: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const redFont: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** How dates read in the error workbook: 2025年3月8日 (a date cell, never its serial 46346). */
const chineseDateFormat = 'yyyy"年"m"月"d"日"';

/** `dateColumns`: the file's date columns (1-based), whose serial numbers are written back as dates. */
export async function buildErrorWorkbook(content: Buffer, errors: RowError[], headerRow: number | null, dateColumns: readonly number[] = []): Promise<Buffer> {
  const dates = new Set(dateColumns);
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const rows = [];
  let width = 0;
  for await (const r of readSheetRows(content)) {
    rows.push(r);
    if (r.row <= 10) width = Math.max(width, r.values.length);
  }
  const noteCol = width + 1;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('错误说明');
  ws.getColumn(noteCol).width = 50;
  let next = 1;
  for (const r of rows) {
    // keep Excel's row numbers, so 第 N 行 in the messages is the same row here
    while (next < r.row) ws.getRow(next++).commit();
    const row = ws.getRow(r.row);
    r.values.forEach((v, i) => {
      if (v === null) return;
      const cell = row.getCell(i + 1);
      const date = headerRow !== null && r.row > headerRow && dates.has(i + 1) ? serialDate(v) : null;
      cell.value = date ?? v;
      if (date) cell.numFmt = chineseDateFormat;
    });
    const errs = byRow.get(r.row);
    if (r.row === headerRow) {
      const cell = row.getCell(noteCol);
      cell.value = '错误说明';
      cell.font = { bold: true, ...redFont };
    } else if (errs) {
      for (const e of errs) if (e.col) row.getCell(e.col).fill = red;
      const cell = row.getCell(noteCol);
      cell.value = errs.map((e) => (e.column ? `${e.column}：${e.message}` : e.message)).join('；');
      cell.font = redFont;
    }
    row.commit();
    next = r.row + 1;
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** A date column's cell as a Date (the reader hands Excel's day serials over as numbers), or null to keep it as it was. */
function serialDate(v: CellValue): Date | null {
  if (v instanceof Date) return v;
  if (typeof v !== 'number') return null;
  const iso = excelSerialToDate(v);
  return iso && !(Number.isInteger(v) && v >= 19000101) ? new Date(`${iso}T00:00:00Z`) : null;
}

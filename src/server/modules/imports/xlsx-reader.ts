import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../domain/imports/cells';
import { AppError } from '../../http/errors';
import { capXmlText, maxCellChars } from './xml-cap';
import { checkSpreadsheetLimits, defaultLimits, type SheetLimits } from './zip-guard';
import { worksheetsLast } from './zip-order';

/**
 * Streams the rows of an xlsx's first worksheet with exceljs's WorkbookReader (the file is never
 * loaded as a whole workbook), after the size and zip-bomb limits. Cells arrive as plain values:
 * rich text joined, formulas replaced by their cached result, hyperlinks by their text. No cell's text
 * is ever held past Excel's limit of 32,767 characters (`xml-cap.ts` cuts it while the XML streams
 * by): a longer cell arrives cut to the limit and its column is listed in `tooLong`, for a row error.
 */
export interface SheetRow {
  row: number; // as Excel shows it
  values: CellValue[]; // values[i] is column i + 1
  /** 1-based columns whose text was longer than Excel's 32,767 characters (their values are cut to that) */
  tooLong?: number[];
}

export interface ReadOptions {
  limits?: SheetLimits;
  /** bytes of the file consumed so far, for progress */
  onBytes?: (done: number, total: number) => void;
}

export function plainCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) return plainCell(o.result);
  if ('text' in o) return plainCell(o.text);
  return null; // errors (#N/A), unknown shapes
}

function sourceOf(buf: Buffer, onBytes?: ReadOptions['onBytes']): Readable {
  const chunk = 256 * 1024;
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= buf.length) {
        this.push(null);
        return;
      }
      const end = Math.min(buf.length, offset + chunk);
      this.push(buf.subarray(offset, end));
      offset = end;
      onBytes?.(offset, buf.length);
    },
  });
}

export const tooManyRows = (max: number) => new AppError('TOO_LARGE', `文件超过 ${max.toLocaleString('en')} 行上限，请拆分后分批导入`, [{ path: 'file', message: '行数超过上限' }]);

/** exceljs's reader's own steps for the shared strings and a worksheet (4.4.0), wrapped below. */
interface ReaderSteps {
  _parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs's streaming reader with the XML of the shared strings and of each worksheet passed through
 * `capXmlText` before its parser sees it, so no text longer than a cell may hold is ever built.
 */
function cappedReader(input: Readable): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore', // dates then arrive as serial numbers, which the date columns read; 30% faster
    entries: 'ignore',
  });
  const steps = reader as unknown as ReaderSteps;
  if (typeof steps._parseSharedStrings !== 'function' || typeof steps._parseWorksheet !== 'function') throw new Error('exceljs reader steps not found: xlsx-reader.ts needs updating for this exceljs version');
  const strings = steps._parseSharedStrings.bind(reader);
  const sheet = steps._parseWorksheet.bind(reader);
  steps._parseSharedStrings = (entry) => strings(Readable.from(capXmlText(entry)));
  steps._parseWorksheet = (iterator, sheetNo) => sheet(capXmlText(iterator), sheetNo);
  return reader;
}

/** Rows of the first worksheet, in order; empty rows Excel did not store are simply absent. */
export async function* readSheetRows(buf: Buffer, opts: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const limits = opts.limits ?? defaultLimits;
  await checkSpreadsheetLimits(buf, limits);
  const reader = cappedReader(sourceOf(worksheetsLast(buf), opts.onBytes));
  // exceljs reads sheet names from xl/workbook.xml; a zip that stores a worksheet before that entry
  // (the writer's order is not fixed, and other tools differ) made it dereference an undefined model.
  // Start with an empty one: the sheet is still read, only its name stays unknown until then.
  const withModel = reader as unknown as { model?: { sheets?: unknown[] } };
  withModel.model ??= { sheets: [] };
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const r = row as unknown as { number: number; values: unknown[] };
        if (r.number > limits.maxRows) throw tooManyRows(limits.maxRows);
        const raw = r.values;
        const values: CellValue[] = new Array<CellValue>(Math.max(0, raw.length - 1));
        let tooLong: number[] | undefined;
        for (let i = 1; i < raw.length; i++) {
          const v = plainCell(raw[i]);
          if (typeof v === 'string' && v.length > maxCellChars) {
            (tooLong ??= []).push(i);
            values[i - 1] = v.slice(0, maxCellChars);
          } else values[i - 1] = v;
        }
        yield tooLong ? { row: r.number, values, tooLong } : { row: r.number, values };
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', `无法读取 Excel 文件：${(e as Error).message}`, [{ path: 'file', message: '文件无法读取' }]);
  }
}

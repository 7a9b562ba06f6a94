import { isValidDate } from '../dates';
import { normalizeIdNumber } from '../id-number';
import { foldDigits } from '../money';

/**
 * Cell values as a spreadsheet hands them over, and the rules that turn them into the ledgers'
 * values: full-width folding, the date styles clerks type (2025.3.8, 2025年3月8日, Excel serials),
 * ID numbers that Excel has turned into numbers, totals and blank rows. Pure, no I/O.
 */
export type CellValue = string | number | boolean | Date | null;

const wide = /[\uFF01-\uFF5E\u3000]/;
/** Full-width ASCII (Ｆ１２（）) → half-width, ideographic space → space. */
export function foldWidth(s: string): string {
  if (!wide.test(s)) return s; // the usual case: nothing to fold, no new string
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A number as a clerk would have typed it: no exponent for integers, 15 significant digits otherwise. */
export function plainNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return String(n);
  // beyond 15 significant digits a double is noise: show it as Excel does (230623198503082000)
  return n.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
}

export function isoDateOf(d: Date): string {
  // exceljs builds dates at UTC midnight of the calendar day shown in Excel
  return d.toISOString().slice(0, 10);
}

/** The text shown for a cell (trimmed); dates as YYYY-MM-DD. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return Number.isNaN(v.getTime()) ? '' : isoDateOf(v);
}

export function isBlankRow(values: readonly (CellValue | undefined)[]): boolean {
  return values.every((v) => cellText(v) === '');
}

/** A totals row: its first filled cell reads 合计, 总计 or 小计 (spaces and a colon allowed). */
export function isTotalsRow(values: readonly (CellValue | undefined)[]): boolean {
  let first: string | undefined;
  for (const v of values) {
    const t = cellText(v);
    if (t !== '') {
      first = t;
      break;
    }
  }
  if (first === undefined) return false;
  return /^(合计|总计|小计)/.test(foldWidth(first).replace(/\s+/g, ''));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const excelEpoch = Date.UTC(1899, 11, 30); // serial 1 = 1900-01-01 (Excel's 1900 system, with its leap-year bug folded in)

export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(excelEpoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Dates as Excel serials, JS Dates, 2025.3.8, 2025年3月8日, 2025/03/08, 2025-3-8, 20250308 → YYYY-MM-DD. */
export function parseDateCell(v: CellValue | undefined, label: string): Parsed<string | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  const bad = { ok: false as const, message: `${label}应为有效日期（如 2025-03-08）` };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? bad : { ok: true, value: isoDateOf(v) };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 29991231) return parseDateCell(String(v), label);
    const d = excelSerialToDate(v);
    return d ? { ok: true, value: d } : bad;
  }
  if (typeof v === 'boolean') return bad;
  const s = foldDigits(foldWidth(v)).replace(/(T|\s*)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  if (s === '') return { ok: true, value: null };
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m && /^\d{5}(\.\d+)?$/.test(s)) {
    const d = excelSerialToDate(Number(s));
    return d ? { ok: true, value: d } : bad;
  }
  if (!m) return bad;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidDate(iso) ? { ok: true, value: iso } : { ok: false, message: `${label}“${cellText(v)}”不是存在的日期` };
}

export const idNumberAsNumberMessage = '身份证号被 Excel 存成了数字，后几位已丢失；请把该列设置为文本格式后重新填写';

/**
 * An ID number cell. A number cell cannot hold 18 digits exactly (doubles keep ~15), so any
 * numeric cell, a text like 2.30623E+17, or 18 digits ending in 000 from a numeric cell has lost
 * its last digits: refused with the fix. Otherwise the normalized text (full-width folded).
 */
export function parseIdNumberCell(v: CellValue | undefined): Parsed<string | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return { ok: false, message: idNumberAsNumberMessage };
  const s = normalizeIdNumber(foldWidth(cellText(v)));
  if (s === '') return { ok: true, value: null };
  if (/^\d(\.\d+)?E\+?\d+$/i.test(s)) return { ok: false, message: idNumberAsNumberMessage };
  return { ok: true, value: s };
}

/** An integer count (场次, 参与人次); full-width digits and thousands separators folded. */
export function parseIntCell(v: CellValue | undefined, label: string): Parsed<number | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isInteger(v) ? { ok: true, value: v } : { ok: false, message: `${label}应为整数` };
  const s = foldDigits(foldWidth(cellText(v))).replace(/[人次场期个份名]+$/, '');
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+$/.test(s)) return { ok: false, message: `${label}应为整数` };
  return { ok: true, value: Number(s) };
}

/** Plain text of a cell, full-width letters and digits folded, or null when empty. */
export function textOf(v: CellValue | undefined): string | null {
  const s = cellText(v);
  // an export neutralizes formula-like text with a leading ' (see imports/export.ts): undo it
  return s === '' ? null : foldWidth(s).trim().replace(/^'(?=[=+\-@\t\r])/, '');
}

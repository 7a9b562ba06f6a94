import { checkIdNumber } from '../../../../domain/id-number';
import { type CellValue, parseDateCell, parseIdNumberCell, parseIntCell, textOf } from '../../../../domain/imports/cells';
import type { MatchedColumn } from '../../../../domain/imports/headers';
import { fenToYuan, toFen } from '../../../../domain/money';
import type { KindSpec } from './types';

/** One import error, named as the clerk sees it: Excel row number and the column header as written. */
export interface RowError {
  row: number;
  column: string;
  message: string;
  /** 1-based column number in the file, when the column is there (to mark the cell red) */
  col?: number;
}

/**
 * Reads one data row's cells by column key, converting as the column needs (dates, amounts, ID
 * numbers, counts) and collecting each bad cell as an error naming its header as written.
 */
export class RowReader {
  readonly errors: RowError[] = [];
  private readonly byKey: Map<string, MatchedColumn>;

  constructor(
    readonly spec: KindSpec,
    columns: readonly MatchedColumn[],
    readonly row: number,
    readonly values: readonly CellValue[],
    readonly today: string,
  ) {
    this.byKey = new Map(columns.map((c) => [c.key, c]));
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  raw(key: string): CellValue | undefined {
    const c = this.byKey.get(key);
    return c ? this.values[c.index - 1] : undefined;
  }

  /** The header as written in the file (or the template's, when the column is absent). */
  header(key: string): string {
    return this.byKey.get(key)?.header ?? this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  fail(key: string, message: string): undefined {
    this.errors.push({ row: this.row, column: this.header(key), message, col: this.byKey.get(key)?.index });
    return undefined;
  }

  private label(key: string): string {
    return (this.spec.columns.find((c) => c.key === key)?.header ?? key).replace(/\(.*\)$/, '');
  }

  text(key: string): string | undefined {
    return textOf(this.raw(key)) ?? undefined;
  }

  date(key: string): string | undefined {
    const r = parseDateCell(this.raw(key), this.label(key));
    return r.ok ? (r.value ?? undefined) : this.fail(key, r.message);
  }

  int(key: string): number | undefined {
    const r = parseIntCell(this.raw(key), this.label(key));
    return r.ok ? (r.value ?? undefined) : this.fail(key, r.message);
  }

  /** An amount in 分, in the unit of the file's header (元 unless it says 万元). */
  fen(key: string): number | undefined {
    const v = this.raw(key);
    const text = textOf(v);
    if (text === null) return undefined;
    const unit = this.byKey.get(key)?.unit ?? this.spec.columns.find((c) => c.key === key)?.money ?? '元';
    const fen = toFen(typeof v === 'number' ? v : text, unit);
    if (fen === null) return this.fail(key, `${this.label(key)}应为数字（单位${unit}）`);
    if (fen < 0) return this.fail(key, `${this.label(key)}不能为负数`);
    return fen;
  }

  /** An amount as a 元 string for the shared rules. */
  yuan(key: string): string | undefined {
    const fen = this.fen(key);
    return fen === undefined ? undefined : fenToYuan(fen);
  }

  /** A checked, normalized ID number (GB 11643), or undefined with the error recorded. */
  idNumber(key: string): string | undefined {
    const r = parseIdNumberCell(this.raw(key));
    if (!r.ok) return this.fail(key, r.message);
    if (r.value === null) return undefined;
    const check = checkIdNumber(r.value, this.today);
    return check.ok ? check.info.idNumber : this.fail(key, check.message);
  }

  list(key: string): string[] {
    const t = this.text(key);
    if (!t) return [];
    return Array.from(new Set(t.split(/[、;；,，\n]+/).map((s) => s.trim()).filter(Boolean)));
  }
}

/** 分 → 万元 as an exact decimal string (6 places at most). */
export function fenToWanString(fen: number): string {
  const whole = Math.floor(fen / 1_000_000);
  const frac = String(fen % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

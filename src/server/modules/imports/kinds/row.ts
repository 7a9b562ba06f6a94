import { checkIdNumber } from '../../../../domain/id-number';
import { type CellValue, parseDateCell, parseIdNumberCell, parseIntCell, textOf } from '../../../../domain/imports/cells';
import type { MatchedColumn } from '../../../../domain/imports/headers';
import { fenToYuan, type MoneyUnit, toFen } from '../../../../domain/money';
import type { KindSpec } from './types';

/** One import error, named as the clerk sees it: Excel row number and the column header as written. */
export interface RowError {
  row: number;
  column: string;
  message: string;
  /** 1-based column number in the file, when the column is there (to mark the cell red) */
  col?: number;
}

/** How much of a cell's text a message quotes (“…”): a 32,767-character cell repeated down 500,000 rows must not become a gigabyte of errors. */
export const quotedChars = 50;

/** The message with every long quoted value cut to `quotedChars` characters and an ellipsis. */
export function shortQuotes(message: string): string {
  if (message.length <= 4 * quotedChars) return message;
  return message.replace(/“([^”]{51,})”/g, (_, text: string) => `“${text.slice(0, quotedChars)}…”`);
}

/**
 * The file's columns for one kind, worked out once per file (not per row): column by key, the
 * header as written, the label used in messages and the money unit.
 */
export class RowColumns {
  readonly byKey: Map<string, MatchedColumn>;
  private readonly headers = new Map<string, string>();
  private readonly labels = new Map<string, string>();
  private readonly units = new Map<string, MoneyUnit>();

  constructor(
    readonly spec: KindSpec,
    readonly matched: readonly MatchedColumn[],
  ) {
    this.byKey = new Map(matched.map((c) => [c.key, c]));
    for (const def of spec.columns) {
      const c = this.byKey.get(def.key);
      this.headers.set(def.key, c?.header ?? def.header);
      this.labels.set(def.key, def.header.replace(/\(.*\)$/, ''));
      this.units.set(def.key, c?.unit ?? def.money ?? '元');
    }
  }

  /** The header as written in the file (or the template's, when the column is absent). */
  header(key: string): string {
    return this.headers.get(key) ?? key;
  }

  label(key: string): string {
    return this.labels.get(key) ?? key;
  }

  unit(key: string): MoneyUnit {
    return this.units.get(key) ?? '元';
  }
}

/**
 * Reads one data row's cells by column key, converting as the column needs (dates, amounts, ID
 * numbers, counts) and collecting each bad cell as an error naming its header as written.
 */
export class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    private readonly columns: RowColumns,
    readonly row: number,
    readonly values: readonly CellValue[],
    readonly today: string,
  ) {}

  has(key: string): boolean {
    return this.columns.byKey.has(key);
  }

  raw(key: string): CellValue | undefined {
    const c = this.columns.byKey.get(key);
    return c ? this.values[c.index - 1] : undefined;
  }

  /** The header as written in the file (or the template's, when the column is absent). */
  header(key: string): string {
    return this.columns.header(key);
  }

  fail(key: string, message: string): undefined {
    this.errors.push({ row: this.row, column: this.header(key), message: shortQuotes(message), col: this.columns.byKey.get(key)?.index });
    return undefined;
  }

  private label(key: string): string {
    return this.columns.label(key);
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
    const unit = this.columns.unit(key);
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

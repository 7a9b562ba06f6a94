import { formatChineseDate } from '../dates';
import { foldDigits } from '../money';
import { type CellValue, cellText, foldWidth, parseDateCell } from './cells';
import { type ColumnDef, headerKey, splitUnit } from './headers';

/**
 * Suggestions for a clerk's own ledger, whose headers are not the template's: for each column of
 * the file, the field it most likely fills, from its header (a synonym inside a longer header,
 * keywords such as 时间 or 金额) and from its first values (ID-number-like, phone-like, dates,
 * amounts, values of the field's list, unit names of the tree). Each field is suggested for one
 * column at most, the strongest evidence first. Pure, no I/O.
 */
export interface FieldDef extends ColumnDef {
  date?: boolean;
  options?: readonly string[];
}

export interface SampledColumn {
  index: number; // 1-based, as in Excel
  header: string; // as written in the file
  samples: readonly (CellValue | undefined)[];
}

export interface Suggestion {
  field: string;
  /** why, as the clerk reads it: 列名相近, 内容像身份证号 … */
  reason: string;
}

export interface SuggestOptions {
  /** the column naming the row's unit (所属组织 / 主办单位) */
  orgColumn: string;
  /** true when a text names a unit of the importing unit's tree */
  isUnitName?: (text: string) => boolean;
}

const isIdField = (d: FieldDef) => /idnumber$/i.test(d.key);
const isPersonNameField = (d: FieldDef) => d.key === 'name' || d.key === 'headName';

const keywordHints: { re: RegExp; fits: (d: FieldDef, o: SuggestOptions) => boolean; score: number }[] = [
  { re: /身份证|证件|证号/, fits: isIdField, score: 60 },
  { re: /电话|手机|联系方式/, fits: (d) => d.key === 'phone', score: 60 },
  { re: /时间|日期|年月|日$/, fits: (d) => d.date === true, score: 30 },
  { re: /金额|款|元|钱|资金数/, fits: (d) => d.money !== undefined, score: 30 },
  { re: /单位|组织|村|社区|镇|乡|街道/, fits: (d, o) => d.key === o.orgColumn, score: 30 },
  { re: /姓名|名字|对象|户主|受助人|借款人|人员/, fits: isPersonNameField, score: 40 },
];

const idLike = /^\d{17}[\dX]$|^\d{15}$/;
const phoneLike = /^1[3-9]\d{9}$/;
const dateText = /^\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?$|^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const personName = /^[\u4e00-\u9fa5·]{2,5}$/;

function filled(samples: readonly (CellValue | undefined)[]): CellValue[] {
  return samples.filter((v): v is CellValue => v !== undefined && v !== null && cellText(v) !== '');
}

const folded = (v: CellValue) => foldDigits(foldWidth(cellText(v))).replace(/\s+/g, '').toUpperCase();

function looksLikeDate(v: CellValue): boolean {
  if (v instanceof Date) return true;
  return typeof v === 'string' && dateText.test(foldDigits(foldWidth(v.trim())));
}

function looksLikeAmount(v: CellValue): boolean {
  if (typeof v === 'number') return v >= 0;
  return /^\d+(\.\d{1,2})?(元|万元)?$/.test(folded(v).replace(/,/g, ''));
}

/** 1, 2, 3 … : a 序号 column, not amounts. */
function isSerialNumbering(values: readonly CellValue[]): boolean {
  const n = values.map((v) => Number(folded(v)));
  return n.length > 1 && n.every((x, i) => Number.isInteger(x) && (i === 0 || x === n[i - 1] + 1));
}

/** Every candidate (column, field, score, reason) the header and the values give. */
function candidates(col: SampledColumn, defs: readonly FieldDef[], o: SuggestOptions): { field: FieldDef; score: number; reason: string }[] {
  const out: { field: FieldDef; score: number; reason: string }[] = [];
  const key = splitUnit(col.header).base;
  for (const d of defs) {
    for (const name of [d.header, ...(d.synonyms ?? [])]) {
      const base = splitUnit(name).base;
      if (base.length < 2 || key.length < 2) continue;
      if (key === base) out.push({ field: d, score: 100, reason: '列名相同' });
      else if (key.includes(base)) out.push({ field: d, score: 50 + base.length, reason: '列名相近' });
      else if (base.includes(key)) out.push({ field: d, score: 40 + key.length, reason: '列名相近' });
    }
  }
  for (const h of keywordHints) if (h.re.test(headerKey(col.header))) for (const d of defs) if (h.fits(d, o)) out.push({ field: d, score: h.score, reason: '列名相近' });
  const values = filled(col.samples);
  if (values.length === 0) return out;
  const all = (test: (v: CellValue) => boolean) => values.every(test);
  if (all((v) => typeof v === 'string' && idLike.test(folded(v)))) for (const d of defs) if (isIdField(d)) out.push({ field: d, score: 80, reason: '内容像身份证号' });
  if (all((v) => phoneLike.test(folded(v)))) for (const d of defs) if (d.key === 'phone') out.push({ field: d, score: 80, reason: '内容像手机号' });
  // a date cell read without its format is Excel's day serial (46346 = 2026-11-20): a date when the header says so
  const serials = all((v) => typeof v === 'number' && Number.isInteger(v) && v > 20_000 && v < 80_000);
  if (serials && /时间|日期|年月|日$/.test(headerKey(col.header))) for (const d of defs) if (d.date) out.push({ field: d, score: 50, reason: '内容像日期' });
  if (all(looksLikeDate)) {
    for (const d of defs) if (d.date) out.push({ field: d, score: 45, reason: '内容像日期' });
  } else if (all(looksLikeAmount) && !all((v) => idLike.test(folded(v)) || phoneLike.test(folded(v))) && !isSerialNumbering(values)) {
    for (const d of defs) if (d.money) out.push({ field: d, score: 35, reason: '内容像金额' });
  }
  for (const d of defs) {
    const options = d.options;
    if (options?.length && all((v) => options.includes(cellText(v)))) out.push({ field: d, score: 70, reason: '内容是该项的可选值' });
  }
  const isUnit = o.isUnitName;
  if (isUnit && all((v) => isUnit(cellText(v)))) for (const d of defs) if (d.key === o.orgColumn) out.push({ field: d, score: 70, reason: '内容是本单位或下级单位的名称' });
  if (defs.some(isIdField) && all((v) => typeof v === 'string' && personName.test(v.trim()))) for (const d of defs) if (isPersonNameField(d)) out.push({ field: d, score: 25, reason: '内容像人名' });
  return out;
}

/**
 * The suggested field of each column (by column index), for the columns given (those the headers
 * did not match) and the fields still free (`taken` are already filled by a matched column).
 */
export function suggestFields(columns: readonly SampledColumn[], defs: readonly FieldDef[], taken: ReadonlySet<string>, o: SuggestOptions): Map<number, Suggestion> {
  // evidence for the same column and field adds up (金额 in the header and amounts below it)
  const byPair = new Map<string, { index: number; field: FieldDef; score: number; reason: string; best: number }>();
  for (const col of columns) {
    for (const c of candidates(col, defs, o)) {
      if (taken.has(c.field.key)) continue;
      const k = `${col.index}\u0001${c.field.key}`;
      const prev = byPair.get(k);
      if (!prev) byPair.set(k, { index: col.index, ...c, best: c.score });
      else {
        prev.score += c.score;
        if (c.score > prev.best) Object.assign(prev, { best: c.score, reason: c.reason });
      }
    }
  }
  const all = [...byPair.values()];
  // strongest first; on a tie a required field first, then the template's column order
  const order = new Map(defs.map((d, i) => [d.key, i]));
  all.sort((a, b) => b.score - a.score || Number(b.field.required ?? false) - Number(a.field.required ?? false) || (order.get(a.field.key) ?? 0) - (order.get(b.field.key) ?? 0) || a.index - b.index);
  const out = new Map<number, Suggestion>();
  const used = new Set<string>();
  for (const c of all) {
    if (out.has(c.index) || used.has(c.field.key)) continue;
    out.set(c.index, { field: c.field.key, reason: c.reason });
    used.add(c.field.key);
  }
  return out;
}

/** A value as the clerk should see it: a date field's cell as 2025年3月8日 (never the serial 46346). */
export function displayCell(v: CellValue | undefined, def: FieldDef | undefined): string {
  if (def?.date) {
    const d = parseDateCell(v, def.header);
    if (d.ok && d.value) return formatChineseDate(d.value);
  }
  return cellText(v);
}

/** The label a clerk reads for a field: the template's header without its unit (金额(元) → 金额（元）). */
export function fieldLabel(def: ColumnDef): string {
  const { base, unit } = splitUnit(def.header);
  return unit ? `${base}（${unit}）` : base;
}

/**
 * Resolves what a clerk typed for a field (`--map 救助项目=帮扶项目`): the field's key, its template
 * header or a synonym; 跳过 / 不导入 / - / empty skip the column (null). Undefined when unknown.
 */
export function resolveFieldName(text: string, defs: readonly ColumnDef[]): string | null | undefined {
  const t = headerKey(text);
  if (t === '' || t === '-' || t === '跳过' || t === '不导入' || t === '忽略') return null;
  const byKey = defs.find((d) => d.key === text.trim());
  if (byKey) return byKey.key;
  for (const d of defs) {
    for (const name of [d.header, ...(d.synonyms ?? [])]) if (headerKey(name) === t || splitUnit(name).base === splitUnit(text).base) return d.key;
  }
  return undefined;
}

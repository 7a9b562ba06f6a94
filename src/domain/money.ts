/**
 * Money is integer 分 everywhere inside the system. Users write 元 or 万元, with thousands
 * separators, full-width digits and a trailing unit; these helpers turn that into 分 exactly
 * (string arithmetic, no floating-point rounding) and back.
 */
export type MoneyUnit = '元' | '万元';

/**
 * The most one record may hold: 100 亿元 (10^12 分). Far above any county's single grant, loan or
 * wish, and far inside a 64-bit integer column (money columns are bigint on PostgreSQL) and
 * Number.MAX_SAFE_INTEGER, so a sum over a million such records is still exact.
 */
export const maxRecordYuan = 10_000_000_000;
export const maxRecordFen = maxRecordYuan * 100;
export const maxRecordText = '100 亿元';

export function foldDigits(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，,\s\u3000]/g, '')
    .replace(/[－—]/g, '-');
}

/** Parses an amount in `unit` to 分; null when it is not a number or has too many decimals. */
export function toFen(raw: string | number, unit: MoneyUnit = '元'): number | null {
  let s = typeof raw === 'number' ? numberToPlain(raw) : foldDigits(raw);
  let u = unit;
  if (s.endsWith('万元') || s.endsWith('万')) {
    u = '万元';
    s = s.replace(/万元?$/, '');
  } else if (s.endsWith('元')) {
    s = s.slice(0, -1);
    u = '元';
  }
  s = s.replace(/^[¥￥]/, '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const scale = u === '万元' ? 6 : 2; // decimals of the unit that still make whole 分
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > scale) return null;
  const fen = Number(m[2] + frac.padEnd(scale, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] === '-' ? -fen : fen;
}

function numberToPlain(n: number): string {
  // Excel hands over 1234.5 as a double; 15 significant digits are exact for money
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** 123456 分 → "1234.56" */
export function fenToYuan(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const s = `${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
  return neg ? `-${s}` : s;
}

/** 分 → 万元 with up to 4 decimals (exact to the 元), as the contract's loans.amount unit. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 100) / 10000;
}

/** 分 → 元 as a number with 2 decimals. */
export function fenToYuanNumber(fen: number): number {
  return fen / 100;
}

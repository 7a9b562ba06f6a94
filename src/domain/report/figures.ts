import type { MetricUnit } from '../metrics/catalogue';

/**
 * How a figure is written in the report's prose. Official prose (GB/T 9704 reports, the seed speech)
 * writes plain digits without thousands separators, 万元 with at most two decimals, and "余" for a
 * figure rounded down to a round number ("120余万元", "6000余人次"), "近" for one just under a round
 * number ("从层层推荐的近70户家庭中").
 */
export const figureFormats = ['int', 'wan', 'yu', 'jin', 'pct', 'yuan'] as const;
export type FigureFormat = (typeof figureFormats)[number];

/** Units a placeholder may convert to (`unit=万元`); the converted unit is printed after the number. */
export const figureUnits = ['元', '万元'] as const;
export type FigureUnit = (typeof figureUnits)[number];

export const figurePeriods = ['year', 'H1', 'H2', 'prev-year'] as const;
export type FigurePeriodName = (typeof figurePeriods)[number];

export type ReportKind = 'annual' | 'half-year';

/** The dates a placeholder covers: the report's year, its first or second half, or the year before. */
export function periodDates(period: FigurePeriodName, year: number): { from: string; to: string } {
  switch (period) {
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'H1':
      return { from: `${year}-01-01`, to: `${year}-06-30` };
    case 'H2':
      return { from: `${year}-07-01`, to: `${year}-12-31` };
    case 'prev-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** A report's default period: the whole year (annual) or January–June (half-year). */
export function defaultPeriod(kind: ReportKind): FigurePeriodName {
  return kind === 'annual' ? 'year' : 'H1';
}

/** The format a figure gets when the placeholder names none. */
export function defaultFormat(unit: MetricUnit): FigureFormat {
  if (unit === '万元') return 'wan';
  if (unit === '元') return 'yuan';
  if (unit === '%') return 'pct';
  return 'int';
}

/** Value in `from` (元 or 万元) expressed in `to`; other units pass through. */
function convert(value: number, from: MetricUnit, to: FigureUnit | undefined): number {
  if (!to || from === to) return value;
  if (from === '元' && to === '万元') return value / 10_000;
  if (from === '万元' && to === '元') return value * 10_000;
  return value;
}

function trimmed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * Rounded down to a round figure, as speeches say it: numbers starting with 1 keep two leading
 * digits (1236800 元 → 120 万, 153 → 150, 1680 → 1600), others one (6418 → 6000, 436 → 400).
 */
export function roundDown(value: number): number {
  const n = Math.floor(Math.abs(value));
  if (n < 10) return n;
  const digits = String(n).length;
  const keep = String(n)[0] === '1' ? 2 : 1;
  const step = 10 ** (digits - keep);
  return Math.floor(n / step) * step;
}

/** The round figure just above (68 → 70, 1180 → 1200, 6418 → 7000), at the significance roundDown keeps. */
export function roundUp(value: number): number {
  const down = roundDown(value);
  const n = Math.floor(Math.abs(value));
  if (n < 10 || down === value) return down;
  const digits = String(n).length;
  const keep = String(n)[0] === '1' ? 2 : 1;
  return down + 10 ** (digits - keep);
}

/** "近" says "a little under": only within 5% of the round figure above (68 → 近70, 965 → 近1000; 6418 is 6000余, not 近7000). */
const nearShare = 0.95;

export interface FormatOptions {
  fmt: FigureFormat;
  unit?: FigureUnit;
}

/**
 * The figure's text. Numbers only, except: `pct` adds "%", `yu` adds "余", and an explicit `unit=`
 * converts and adds the unit ("120余万元"), so the unit stays part of the figure the reader checks.
 */
export function formatFigure(value: number, metricUnit: MetricUnit, opts: FormatOptions): string {
  const suffix = opts.unit ?? '';
  switch (opts.fmt) {
    case 'int':
      return `${Math.round(convert(value, metricUnit, opts.unit))}${suffix}`;
    case 'wan':
      return `${trimmed(convert(value, metricUnit, opts.unit ?? (metricUnit === '元' ? '万元' : undefined)), 2)}${suffix}`;
    case 'yuan':
      return `${trimmed(convert(value, metricUnit, opts.unit ?? (metricUnit === '万元' ? '元' : undefined)), 2)}${suffix}`;
    case 'pct':
      return `${trimmed(value, 2)}%`;
    case 'yu': {
      const v = convert(value, metricUnit, opts.unit);
      const r = roundDown(v);
      // an already round figure is said as it is: "6000" is true, "6000余" would not be
      return r === v ? `${r}${suffix}` : `${r}余${suffix}`;
    }
    case 'jin': {
      // 68 → 近70; a figure far below the next round one (6418 is not "近7000") is said with 余 instead
      const v = convert(value, metricUnit, opts.unit);
      const up = roundUp(v);
      if (up === v) return `${up}${suffix}`;
      if (v >= up * nearShare) return `近${up}${suffix}`;
      return formatFigure(value, metricUnit, { ...opts, fmt: 'yu' });
    }
  }
}

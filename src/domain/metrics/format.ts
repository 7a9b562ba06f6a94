import { fenToWan, fenToYuanNumber } from '../money';
import type { MetricUnit, MetricValueKind } from './catalogue';

/** The integer a query returns (count, 分, hundredths of a percent) → the figure in the metric's unit. */
export function metricValueFromRaw(kind: MetricValueKind, raw: number): number {
  switch (kind) {
    case 'count':
      return raw;
    case 'fen_yuan':
      return fenToYuanNumber(raw);
    case 'fen_wan':
      return fenToWan(raw);
    case 'percent_hundredths':
      return raw / 100;
  }
}

/** Percentage in hundredths (two decimals), rounded half up, from integers: 49/50 → 9800 (98%). */
export function percentHundredths(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 20000 + whole) / (2 * whole));
}

function trimDecimals(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * A figure for display: 万元 with at most 4 decimals (8736, 123.4568), 元 with 2 when not whole
 * (1234.50), percentages with at most 2 decimals (98.5%), counts as integers.
 */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case '万元':
      return trimDecimals(value.toFixed(4));
    case '元':
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
    case '%':
      return `${trimDecimals(value.toFixed(2))}%`;
    case '项':
    case '场次':
    case '人次':
    case '件':
    case '名':
    case '笔':
    case '个':
    case '人':
    case '户':
    case '份':
    case '对':
    case '次':
      return String(Math.round(value));
  }
}

/** `126 场次`, `8736 万元`, `98.5%` */
export function formatMetricWithUnit(value: number, unit: MetricUnit): string {
  const v = formatMetricValue(value, unit);
  return unit === '%' ? v : `${v} ${unit}`;
}

import { findMetric, type MetricUnit } from '../../../domain/metrics/catalogue';
import { metricValueFromRaw } from '../../../domain/metrics/format';
import { formatMetricRef, parseMetricRef } from '../../../domain/metrics/parse';
import { monthRange, monthsOf, type TrendLedger, trendLedgers } from '../../../domain/dashboard/figures';
import type { Ctx } from '../../context';
import { metricQueries } from '../metrics/metrics.queries';
import * as repo from './dashboard.repo';

/**
 * Figures of the dashboard: each is a catalogue metric over a unit's subtree and a period, computed
 * by the metric's own query (the unit was resolved through the scope guard before), and carries the
 * parameters of its records page (/metrics?code=…&org=…&from=…&to=).
 */
export interface FigureLink {
  code: string;
  org: string;
  from: string;
  to: string;
}

export interface Figure {
  /** the metric reference with filters, e.g. activities.count{type=党课} */
  code: string;
  label: string;
  value: number;
  unit: MetricUnit;
  link: FigureLink;
}

/** A human label: the catalogue's label with the filter values, 活动场次（培训）. */
export function figureLabel(ref: string): string {
  const parsed = parseMetricRef(ref);
  const values = Object.values(parsed.filters).map((v) => v.join('、'));
  const which = values.filter((v) => !/^[a-z_]+$/.test(v));
  if (parsed.filters.kind) which.unshift(...parsed.filters.kind.map(kindWord));
  return `${parsed.def.label}${which.length ? `（${Array.from(new Set(which)).join('，')}）` : ''}`;
}

const kindWords: Record<string, string> = { grassroots_union: '基层工会', youth_branch: '基层团组织', womens_branch: '基层妇女组织' };
const kindWord = (k: string) => kindWords[k] ?? k;

export async function computeFigure(ctx: Ctx, org: { id: string; code: string }, ref: string, from: string, to: string): Promise<Figure> {
  const parsed = parseMetricRef(ref);
  const code = formatMetricRef(parsed.code, parsed.filters);
  const query = metricQueries[parsed.code];
  const def = findMetric(parsed.code);
  if (!query || !def) throw new Error(`dashboard: metric ${parsed.code} has no query`);
  const { raw, unit } = await query.value(ctx.db, { orgId: org.id, from, to, filters: parsed.filters });
  return { code, label: figureLabel(ref), value: metricValueFromRaw(def.valueKind, raw), unit: unit ?? def.unit, link: { code, org: org.code, from, to } };
}

/**
 * At most this many queries of one dashboard run at once: PostgreSQL's pool (10 connections) stays
 * open to other requests; SQLite answers them in turn anyway.
 */
export const dashboardConcurrency = 4;

/** `fn` over `items` with at most `limit` running at a time; results in the order of `items`. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A unit's figures, in the order of `refs`. */
export async function computeFigures(ctx: Ctx, org: { id: string; code: string }, refs: readonly string[], from: string, to: string): Promise<Figure[]> {
  return mapLimited(refs, dashboardConcurrency, (ref) => computeFigure(ctx, org, ref, from, to));
}

export interface TrendSeries {
  code: string;
  label: string;
  unit: MetricUnit;
  ledger: TrendLedger;
  /** one value per month of `months`, in the metric's unit */
  values: number[];
  /** the year's total, equal to the metric over the whole year */
  total: number;
}

export interface Trends {
  months: string[];
  /** each month's records page (from/to of the month); the org is the dashboard's unit */
  monthLinks: { from: string; to: string }[];
  series: TrendSeries[];
}

const monthQueries: Record<TrendLedger, typeof repo.activityMonths> = {
  activities: repo.activityMonths,
  assistance: repo.assistanceMonths,
  loans: repo.loanMonths,
  contracts: repo.contractMonths,
};

/** Monthly values of the additive figures: ONE grouped query per ledger, not one per month and metric. */
export async function computeTrends(ctx: Ctx, orgId: string, year: number): Promise<Trends> {
  const months = monthsOf(year);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const series: TrendSeries[] = [];
  for (const ledger of Object.keys(trendLedgers) as TrendLedger[]) {
    const rows = await monthQueries[ledger](ctx.db, orgId, from, to);
    const byMonth = new Map(rows.map((r) => [r.month, r.values]));
    trendLedgers[ledger].forEach((code, i) => {
      const def = findMetric(code);
      if (!def) throw new Error(`dashboard: unknown trend metric ${code}`);
      const raws = months.map((m) => byMonth.get(m)?.[i] ?? 0);
      series.push({
        code,
        label: def.label,
        unit: def.unit,
        ledger,
        values: raws.map((raw) => metricValueFromRaw(def.valueKind, raw)),
        total: metricValueFromRaw(def.valueKind, raws.reduce((s, v) => s + v, 0)),
      });
    });
  }
  return { months, monthLinks: months.map(monthRange), series };
}

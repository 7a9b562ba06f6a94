import { findMetric, type MetricUnit } from '../../../domain/metrics/catalogue';
import { formatMetricValue } from '../../../domain/metrics/format';
import { formatMetricRef, MetricRefError, parseMetricRef, type ParsedMetric } from '../../../domain/metrics/parse';
import { shanghaiDate } from '../../../domain/dates';
import { comparisonLabels, evaluateTarget, type TargetComparison, type TargetStatus, targetPeriod } from '../../../domain/targets/progress';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { computeMetric } from '../metrics/metrics.service';
import * as repo from './targets.repo';

/** A target as the API shows it: its live actual, progress against 序时进度, and its parts. */
export interface TargetItem {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  year: number;
  /** canonical metric reference, e.g. activities.sessions{type=培训|宣讲} */
  metric: string;
  metricLabel: string;
  unit: MetricUnit;
  comparison: TargetComparison;
  value: number;
  title: string;
  note: string | null;
  parentId: string | null;
  /** the metric over the unit's subtree from year start to min(year end, today); null before the year starts */
  period: { from: string; to: string } | null;
  actual: number;
  /** actual / value in percent (two decimals); null for a value of 0 */
  progress: number | null;
  /** 序时进度 in percent (two decimals) */
  expectedProgress: number;
  status: TargetStatus;
  children: TargetItem[];
  /**
   * Roll-up of the parts (分解下达) when there are any: the sums of the children's actuals and targets
   * and how far the parts fall short of (positive) or exceed (negative) this target. Sums are null
   * for percentages, which do not add up.
   */
  rollup: { childrenActual: number | null; childrenValue: number | null; difference: number | null } | null;
  createdAt: string;
  updatedAt: string;
}

/** A metric reference checked against the catalogue; 400 naming the problem (path `metric`). */
export function parseTargetMetric(ref: string, path = 'metric'): ParsedMetric & { ref: string } {
  try {
    const parsed = parseMetricRef(ref);
    return { ...parsed, ref: formatMetricRef(parsed.code, parsed.filters) };
  } catch (e) {
    if (e instanceof MetricRefError) throw new AppError('VALIDATION', `指标“${ref}”有误：${e.message}`, [{ path, message: e.message }]);
    throw e;
  }
}

/** 放款金额不少于8000万元, 达标率（五好基层妇女组织）不少于98% */
export function defaultTitle(parsed: ParsedMetric, comparison: TargetComparison, value: number): string {
  const values = Object.values(parsed.filters).map((v) => v.join('、'));
  const which = values.length ? `（${values.join('，')}）` : '';
  const figure = formatMetricValue(value, parsed.def.unit);
  return `${parsed.def.label}${which}${comparisonLabels[comparison]}${figure}${parsed.def.unit === '%' ? '' : parsed.def.unit}`;
}

/** Sums of figures with up to 4 decimals, added as integers so 0.1 + 0.2 stays 0.3. */
export function exactSum(values: number[]): number {
  return values.reduce((s, v) => s + Math.round(v * 10000), 0) / 10000;
}

async function actualOf(ctx: Ctx, row: repo.TargetRow, period: { from: string; to: string } | null): Promise<{ value: number; unit: MetricUnit | null }> {
  if (!period) return { value: 0, unit: null }; // the year has not begun: nothing can count yet
  const r = await computeMetric(ctx, { code: row.metric_ref, org: row.org_id, from: period.from, to: period.to });
  return { value: r.value, unit: r.unit };
}

async function evaluateRow(ctx: Ctx, row: repo.TargetRow, orgs: Map<string, { code: string; name: string }>, children: TargetItem[]): Promise<TargetItem> {
  const now = ctx.now();
  const period = targetPeriod(row.year, now);
  const def = findMetric(row.metric_ref.split('{')[0]);
  const actual = await actualOf(ctx, row, period);
  const value = Number(row.target_value);
  const comparison = row.comparison as TargetComparison;
  const unit = actual.unit ?? def?.unit ?? '个';
  const ev = evaluateTarget({ comparison, actual: actual.value, target: value, year: row.year, now });
  const additive = unit !== '%';
  const childrenValue = exactSum(children.map((c) => c.value));
  const org = orgs.get(row.org_id);
  return {
    id: row.id, orgId: row.org_id, orgCode: org?.code ?? '', orgName: org?.name ?? '', year: Number(row.year), metric: row.metric_ref, metricLabel: def?.label ?? row.metric_ref, unit,
    comparison, value, title: row.title, note: row.note, parentId: row.parent_id, period, actual: actual.value, ...ev, children,
    rollup: children.length
      ? { childrenActual: additive ? exactSum(children.map((c) => c.actual)) : null, childrenValue: additive ? childrenValue : null, difference: additive ? exactSum([value, -childrenValue]) : null }
      : null,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Items for `rows`, each with its parts (and theirs) loaded and evaluated live. */
export async function buildItems(ctx: Ctx, rows: repo.TargetRow[]): Promise<TargetItem[]> {
  const byParent = new Map<string, repo.TargetRow[]>();
  const all = [...rows];
  let level = rows.map((r) => r.id);
  const seen = new Set(level);
  while (level.length) {
    const kids = (await repo.listChildRows(ctx.db, level)).filter((k) => !seen.has(k.id));
    for (const k of kids) {
      seen.add(k.id);
      all.push(k);
      const list = byParent.get(k.parent_id as string) ?? [];
      list.push(k);
      byParent.set(k.parent_id as string, list);
    }
    level = kids.map((k) => k.id);
  }
  const orgs = await repo.orgInfo(ctx.db, all.map((r) => r.org_id));
  const build = async (row: repo.TargetRow): Promise<TargetItem> => {
    const children: TargetItem[] = [];
    for (const k of byParent.get(row.id) ?? []) children.push(await build(k));
    return evaluateRow(ctx, row, orgs, children);
  };
  const out: TargetItem[] = [];
  for (const r of rows) out.push(await build(r));
  return out;
}

/** Today in Asia/Shanghai, for the list's header. */
export const today = (ctx: Ctx): string => shanghaiDate(ctx.now());

import { findMetric, metricCatalogue, type MetricLedger, type MetricUnit } from '../../../domain/metrics/catalogue';
import { metricValueFromRaw } from '../../../domain/metrics/format';
import { formatMetricRef, type MetricFilters, MetricRefError, parseMetricRef } from '../../../domain/metrics/parse';
import { isValidDate, shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { orgScope, resolveOrgInScope } from '../../http/scope';
import { type MetricArgs, metricQueries } from './metrics.queries';

/** A figure request: `code` may carry filters in braces; `filters` adds more (query parameters). */
export interface MetricInput {
  code: string;
  filters?: Record<string, string | string[] | undefined>;
  /** unit code or id; its whole subtree counts. Omitted: the caller's single unit. */
  org?: string;
  /** inclusive YYYY-MM-DD; default: the current calendar year in Asia/Shanghai */
  from?: string;
  to?: string;
}

export interface MetricResult {
  /** the bare code, e.g. activities.count */
  code: string;
  /** the canonical reference with filters, e.g. activities.count{type=培训|宣讲} */
  ref: string;
  label: string;
  value: number;
  unit: MetricUnit;
  /** the unit's code; orgId/orgName alongside */
  org: string;
  orgId: string;
  orgName: string;
  from: string;
  to: string;
  filters: MetricFilters;
  /** money metrics: the exact sum in 分 before conversion */
  fen?: number;
}

export interface MetricRecord {
  ledger: MetricLedger;
  id: string;
  date: string | null;
  orgName: string;
  label: string;
  /** the record's share of the figure, in the figure's unit (for orgs.rate: 1 when the unit holds the designation) */
  contribution: number;
  contributionFen?: number;
}

export interface MetricRecordsResult extends MetricResult {
  items: MetricRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export function listMetrics() {
  return {
    items: metricCatalogue.map((m) => ({
      code: m.code,
      label: m.label,
      unit: m.unit,
      ledger: m.ledger,
      filters: m.filters.map((f) => f.name),
      filterDetails: m.filters.map((f) => ({ name: f.name, label: f.label, description: f.description, values: f.values ?? null, required: Boolean(f.required) })),
      description: m.description,
    })),
  };
}

interface Prepared {
  args: MetricArgs;
  base: Omit<MetricResult, 'value' | 'fen'>;
}

async function prepare(ctx: Ctx, input: MetricInput): Promise<Prepared> {
  let parsed;
  try {
    parsed = parseMetricRef(input.code, input.filters ?? {});
  } catch (e) {
    if (e instanceof MetricRefError) throw new AppError('VALIDATION', e.message, [{ path: e.path, message: e.message }]);
    throw e;
  }
  const { from, to } = period(ctx, input);
  const orgId = await resolveOrg(ctx, input.org);
  const org = await ctx.db.selectFrom('org_units').select(['code', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const def = parsed.def;
  return {
    args: { orgId, from, to, filters: parsed.filters },
    base: { code: def.code, ref: formatMetricRef(def.code, parsed.filters), label: def.label, unit: def.unit, org: org.code, orgId, orgName: org.name, from, to, filters: parsed.filters },
  };
}

function period(ctx: Ctx, input: MetricInput): { from: string; to: string } {
  const year = shanghaiDate(ctx.now()).slice(0, 4);
  const from = input.from ?? `${year}-01-01`;
  const to = input.to ?? `${year}-12-31`;
  for (const [path, v] of [['from', from], ['to', to]] as const) {
    if (!isValidDate(v)) throw new AppError('VALIDATION', `日期“${v}”无效（应为 YYYY-MM-DD）`, [{ path, message: '日期无效（应为 YYYY-MM-DD）' }]);
  }
  if (from > to) throw new AppError('VALIDATION', '开始日期不能晚于结束日期', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  return { from, to };
}

/** The metric's unit must be in the caller's ledger.read scope (else 404 from the scope guard). */
async function resolveOrg(ctx: Ctx, ref: string | undefined): Promise<string> {
  if (ref) return resolveOrgInScope(ctx, 'ledger.read', ref, 'org');
  const scope = orgScope(ctx, 'ledger.read');
  if (!scope.all && scope.roots.length === 1) return scope.roots[0];
  throw new AppError('VALIDATION', '请指定组织（org：组织代码或 id）', [{ path: 'org', message: '请指定组织' }]);
}

function isMoney(code: string): boolean {
  const kind = findMetric(code)?.valueKind;
  return kind === 'fen_yuan' || kind === 'fen_wan';
}

/** The figure: exact over the unit's subtree and the inclusive period; money summed in 分 and converted once. */
export async function computeMetric(ctx: Ctx, input: MetricInput): Promise<MetricResult> {
  const { args, base } = await prepare(ctx, input);
  const def = findMetric(base.code);
  const query = metricQueries[base.code];
  if (!def || !query) throw new AppError('VALIDATION', `未知的指标代码“${base.code}”`, [{ path: 'code', message: '未知的指标代码' }]);
  const { raw, unit } = await query.value(ctx.db, args);
  return { ...base, unit: unit ?? base.unit, value: metricValueFromRaw(def.valueKind, raw), ...(isMoney(def.code) ? { fen: raw } : {}) };
}

/**
 * How many records a computed figure counts (the length of its records list): the report's 数据来源
 * shows it beside each figure. `result` comes from computeMetric, whose unit the scope guard checked.
 */
export async function countMetricRecords(ctx: Ctx, result: Pick<MetricResult, 'code' | 'orgId' | 'from' | 'to' | 'filters'>): Promise<number> {
  const query = metricQueries[result.code];
  if (!query) throw new AppError('VALIDATION', `未知的指标代码“${result.code}”`);
  const { total } = await query.records(ctx.db, { orgId: result.orgId, from: result.from, to: result.to, filters: result.filters }, { limit: 1, offset: 0 });
  return total;
}

/**
 * The records a figure counts (its provenance), newest first, with each one's contribution; for
 * every metric but orgs.rate the contributions of all pages sum to the value. Names are masked.
 */
export async function listMetricRecords(ctx: Ctx, input: MetricInput & { page?: number; pageSize?: number }): Promise<MetricRecordsResult> {
  const result = await computeMetric(ctx, input);
  const def = findMetric(result.code);
  const query = metricQueries[result.code];
  if (!def || !query) throw new AppError('VALIDATION', `未知的指标代码“${result.code}”`);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const args: MetricArgs = { orgId: result.orgId, from: result.from, to: result.to, filters: result.filters };
  const { rows, total } = await query.records(ctx.db, args, { limit: pageSize, offset: (page - 1) * pageSize });
  const money = isMoney(def.code);
  const items = rows.map(
    (r): MetricRecord => ({
      ledger: r.ledger,
      id: r.id,
      date: r.date,
      orgName: r.orgName,
      label: r.label,
      contribution: def.valueKind === 'percent_hundredths' ? r.raw : metricValueFromRaw(def.valueKind, r.raw),
      ...(money ? { contributionFen: r.raw } : {}),
    }),
  );
  return { ...result, items, total, page, pageSize };
}

import { z } from 'zod';
import { dashboardKinds, trendLedgers, type TrendLedger } from '../../../domain/dashboard/figures';
import { metricUnits } from '../../../domain/metrics/catalogue';
import { targetStatuses } from '../../../domain/targets/progress';
import type { Completeness } from './dashboard.completeness';
import type { Figure, FigureLink, Trends } from './dashboard.figures';
import type { Dashboard, DashboardOrganization, DashboardTarget, TownshipUnit, UnitRef } from './dashboard.service';

/**
 * What the dashboard routes answer, as the zod schema the routes declare (the OpenAPI document and
 * the web's generated types carry it). Each part `satisfies` the service's own type, so a field
 * added to the service's answer and not here fails the typecheck instead of being dropped.
 */
const figureLink = z.object({ code: z.string(), org: z.string(), from: z.string(), to: z.string() }) satisfies z.ZodType<FigureLink>;
const figure = z.object({
  code: z.string().describe('指标引用（含筛选），如 activities.count{type=党课}'),
  label: z.string(),
  value: z.number(),
  unit: z.enum(metricUnits),
  link: figureLink,
}) satisfies z.ZodType<Figure>;
const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), kindLabel: z.string() }) satisfies z.ZodType<UnitRef>;
const dashboardTarget = z.object({
  id: z.string(),
  title: z.string(),
  metric: z.string(),
  metricLabel: z.string(),
  unit: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  value: z.number(),
  actual: z.number(),
  progress: z.number().nullable(),
  expectedProgress: z.number(),
  status: z.enum(targetStatuses),
  statusLabel: z.string(),
  parts: z.number(),
  link: figureLink.nullable(),
}) satisfies z.ZodType<DashboardTarget>;
const organization = unitRef.extend({ dashboardKind: z.enum(dashboardKinds), figures: z.array(figure), targets: z.array(dashboardTarget) }) satisfies z.ZodType<DashboardOrganization>;
const township = unitRef.extend({ parentCode: z.string().nullable(), parentName: z.string().nullable(), figures: z.array(figure) }) satisfies z.ZodType<TownshipUnit>;
const trends = z.object({
  months: z.array(z.string()),
  monthLinks: z.array(z.object({ from: z.string(), to: z.string() })),
  series: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.enum(metricUnits),
      ledger: z.enum(Object.keys(trendLedgers) as [TrendLedger, ...TrendLedger[]]),
      values: z.array(z.number()),
      total: z.number(),
    }),
  ),
}) satisfies z.ZodType<Trends>;
const reportingUnit = z.object({ id: z.string(), code: z.string(), name: z.string(), parentName: z.string().nullable(), thisMonth: z.number(), lastMonth: z.number() });
const month = z.object({ month: z.string(), from: z.string(), to: z.string(), missing: z.array(reportingUnit) });
const completeness = z.object({ units: z.array(reportingUnit), thisMonth: month, lastMonth: month }) satisfies z.ZodType<Completeness>;

export const dashboardView = z.object({
  unit: unitRef,
  year: z.number(),
  from: z.string(),
  to: z.string(),
  asOf: z.string().describe('北京时间的今天'),
  expectedProgress: z.number().describe('本年度序时进度（百分比）'),
  organizations: z.array(organization),
  otherTargets: z.array(dashboardTarget).describe('不属于任何群团组织的下级单位的目标（如县委的）'),
  trends,
  townships: z.array(township),
  completeness,
}) satisfies z.ZodType<Dashboard>;

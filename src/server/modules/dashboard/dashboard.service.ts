import { comparedFiguresOf, type DashboardKind, dashboardKindLabels, dashboardKindOf, dashboardKinds, figuresOf } from '../../../domain/dashboard/figures';
import { shanghaiDate } from '../../../domain/dates';
import { orgKindLabels, type OrgKind } from '../../../domain/org';
import { statusLabels, type TargetStatus } from '../../../domain/targets/progress';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { orgScope, resolveOrgInScope } from '../../http/scope';
import { listTargets, type TargetItem } from '../targets/targets.service';
import { type Completeness, computeCompleteness } from './dashboard.completeness';
import { computeFigures, computeTrends, type Figure, type FigureLink, mapLimited, type Trends } from './dashboard.figures';
import * as repo from './dashboard.repo';
import type { DashboardQuery } from './dashboard.schemas';

/**
 * The leaders' dashboard (领导驾驶舱) of one unit and year: its mass organizations' key figures and
 * targets, monthly trends, the township comparison and reporting completeness. Read-only; the unit
 * is resolved through the scope guard (ledger.read; outside the scope 404), and every figure comes
 * from the metric catalogue with the parameters of its records page.
 */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
}

export interface DashboardTarget {
  id: string;
  title: string;
  metric: string;
  metricLabel: string;
  unit: string;
  orgCode: string;
  orgName: string;
  value: number;
  actual: number;
  progress: number | null;
  expectedProgress: number;
  status: TargetStatus;
  statusLabel: string;
  parts: number;
  link: FigureLink | null;
}

export interface DashboardOrganization extends UnitRef {
  dashboardKind: DashboardKind;
  figures: Figure[];
  targets: DashboardTarget[];
}

export interface TownshipUnit extends UnitRef {
  parentCode: string | null;
  parentName: string | null;
  figures: Figure[];
}

export interface Dashboard {
  unit: UnitRef;
  year: number;
  from: string;
  to: string;
  /** today in Asia/Shanghai and the year's 序时进度 (percent) */
  asOf: string;
  expectedProgress: number;
  organizations: DashboardOrganization[];
  /** targets of units of the subtree that lie under none of the organizations (e.g. on a 县委) */
  otherTargets: DashboardTarget[];
  trends: Trends;
  townships: TownshipUnit[];
  completeness: Completeness;
}

function unitRef(u: repo.SubtreeUnit): UnitRef {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind, kindLabel: orgKindLabels[u.kind as OrgKind] ?? u.kind };
}

const isDashboardKind = (kind: string) => (dashboardKinds as readonly string[]).includes(kind);

/** The caller's top unit for ledger.read: the highest of its grants; a global grant sees the county. */
async function defaultUnit(ctx: Ctx): Promise<string> {
  const scope = orgScope(ctx, 'ledger.read');
  if (scope.all) {
    const county = await ctx.db
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'party_committee')
      .where('level', '=', 'county')
      .orderBy('code')
      .executeTakeFirst();
    const top = county ?? (await ctx.db.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('code').executeTakeFirst());
    if (!top) throw new AppError('NOT_FOUND', '尚无组织，请先建立组织');
    return top.id;
  }
  if (scope.roots.length === 1) return scope.roots[0];
  const depths = await ctx.db
    .selectFrom('org_closure')
    .innerJoin('org_units', 'org_units.id', 'org_closure.descendant_id')
    .select(['org_closure.descendant_id as id', 'org_units.code'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_closure.descendant_id', 'in', scope.roots)
    .groupBy(['org_closure.descendant_id', 'org_units.code'])
    .execute();
  depths.sort((a, b) => Number(a.n) - Number(b.n) || a.code.localeCompare(b.code));
  return depths[0].id;
}

function yearOf(ctx: Ctx, year: number | undefined): number {
  return year ?? Number(shanghaiDate(ctx.now()).slice(0, 4));
}

/** GET /api/v1/dashboard?org=&year=: the unit (id or code) or, by default, the caller's top unit. */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  const ref = q.org ?? q.orgId;
  const orgId = ref ? await resolveOrgInScope(ctx, 'ledger.read', ref, 'org') : await defaultUnit(ctx);
  return buildDashboard(ctx, orgId, yearOf(ctx, q.year));
}

/** GET /api/v1/dashboard/org/:id: one organization's dashboard (id or code), the same shape. */
export async function getOrgDashboard(ctx: Ctx, id: string, q: Pick<DashboardQuery, 'year'>): Promise<Dashboard> {
  const orgId = await resolveOrgInScope(ctx, 'ledger.read', id, 'id');
  return buildDashboard(ctx, orgId, yearOf(ctx, q.year));
}

function toTarget(t: TargetItem): DashboardTarget {
  return {
    id: t.id, title: t.title, metric: t.metric, metricLabel: t.metricLabel, unit: t.unit, orgCode: t.orgCode, orgName: t.orgName, value: t.value, actual: t.actual,
    progress: t.progress, expectedProgress: t.expectedProgress, status: t.status, statusLabel: statusLabels[t.status], parts: t.children.length,
    link: t.period ? { code: t.metric, org: t.orgCode, from: t.period.from, to: t.period.to } : null,
  };
}

async function buildDashboard(ctx: Ctx, orgId: string, year: number): Promise<Dashboard> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const units = await repo.subtreeUnits(ctx.db, orgId);
  const root = units[0];
  const byId = new Map(units.map((u) => [u.id, u]));
  const existed = (u: repo.SubtreeUnit) => u.dissolved_on === null || u.dissolved_on > from;

  // the mass organizations: the unit itself when it is one, else the highest ones below it
  const rootKind = dashboardKindOf(root.kind);
  const orgUnits = rootKind
    ? [{ unit: root, kind: rootKind }]
    : units
        .filter((u) => u.depth > 0 && existed(u) && isDashboardKind(u.kind))
        .filter((u) => {
          const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
          return !parent || dashboardKindOf(parent.kind) === null;
        })
        .map((u) => ({ unit: u, kind: u.kind as DashboardKind }))
        // 总工会, 团县委, 妇联, 科协, 机关工委, 党校 — the order of dashboardKinds
        .sort((a, b) => dashboardKinds.indexOf(a.kind) - dashboardKinds.indexOf(b.kind) || a.unit.depth - b.unit.depth);

  // one unit at a time, each unit's figures at most dashboardConcurrency at once
  const organizations: DashboardOrganization[] = await mapLimited(orgUnits, 1, async ({ unit, kind }) => ({
    ...unitRef(unit),
    kindLabel: dashboardKindLabels[kind],
    dashboardKind: kind,
    figures: await computeFigures(ctx, unit, figuresOf(kind), from, to),
    targets: [],
  }));

  // targets through the targets service, each under the organization whose subtree holds its unit
  const listed = await listTargets(ctx, { year, orgId: root.id });
  const orgIndex = new Map(organizations.map((o) => [o.id, o]));
  const otherTargets: DashboardTarget[] = [];
  for (const item of listed.items) {
    let u = byId.get(item.orgId);
    while (u && !orgIndex.has(u.id)) u = u.parent_id ? byId.get(u.parent_id) : undefined;
    (u ? (orgIndex.get(u.id) as DashboardOrganization).targets : otherTargets).push(toTarget(item));
  }

  const townshipUnits = units.filter((u) => u.level === 'township' && existed(u) && isDashboardKind(u.kind));
  const townships: TownshipUnit[] = await mapLimited(townshipUnits, 1, async (u) => {
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    return {
      ...unitRef(u),
      parentCode: parent?.code ?? null,
      parentName: parent?.name ?? null,
      figures: await computeFigures(ctx, u, comparedFiguresOf(u.kind as DashboardKind), from, to),
    };
  });

  return {
    unit: unitRef(root),
    year,
    from,
    to,
    asOf: listed.asOf,
    expectedProgress: listed.expectedProgress,
    organizations,
    otherTargets,
    trends: await computeTrends(ctx, root.id, year),
    townships,
    completeness: await computeCompleteness(ctx, units),
  };
}

import type { OrgKind } from '../org';

/**
 * The leaders' dashboard (领导驾驶舱) as data: which figures each kind of mass organization shows,
 * which of them are compared across townships, which additive figures have monthly trends, and
 * which units are expected to enter records (reporting completeness). Every code is a metric
 * reference of the catalogue (src/domain/metrics/catalogue.ts), filters included.
 */

/** Kinds that have a dashboard of their own (the mass organizations, county or township level). */
export const dashboardKinds = ['union', 'youth_league', 'womens_federation', 'science_association', 'organ_committee', 'party_school'] as const;
export type DashboardKind = (typeof dashboardKinds)[number];

export const dashboardKindLabels: Record<DashboardKind, string> = {
  union: '总工会',
  youth_league: '团委',
  womens_federation: '妇联',
  science_association: '科协',
  organ_committee: '机关工委',
  party_school: '党校',
};

/** Grassroots kinds show the figures of the organization they belong to. */
const grassrootsOf: Partial<Record<OrgKind, DashboardKind>> = {
  grassroots_union: 'union',
  youth_branch: 'youth_league',
  womens_branch: 'womens_federation',
};

export function dashboardKindOf(kind: string): DashboardKind | null {
  if ((dashboardKinds as readonly string[]).includes(kind)) return kind as DashboardKind;
  return grassrootsOf[kind as OrgKind] ?? null;
}

/** Key figures per kind, in display order. The first `compared` of them are compared across townships. */
export const keyFigures: Record<DashboardKind, { codes: readonly string[]; compared: number }> = {
  union: {
    codes: [
      'orgs.count{kind=grassroots_union}',
      'orgs.new{kind=grassroots_union}',
      'contracts.count',
      'contracts.workers',
      'assistance.count',
      'assistance.amount',
    ],
    compared: 3,
  },
  youth_league: {
    codes: ['orgs.count{kind=youth_branch}', 'activities.count', 'activities.participants{type=培训}', 'activities.outcome{name=签订就业合同}', 'assistance.beneficiaries{program=助学}'],
    compared: 2,
  },
  womens_federation: {
    codes: [
      'loans.amount',
      'loans.borrowers',
      'loans.count',
      'activities.sessions{type=培训}',
      'activities.participants{type=培训}',
      'assistance.beneficiaries{program=春蕾计划}',
    ],
    compared: 3,
  },
  science_association: { codes: ['activities.count', 'activities.sessions', 'activities.participants'], compared: 2 },
  organ_committee: {
    codes: ['activities.count{type=党课}', 'activities.sessions{type=党课}', 'activities.outcome{name=解决问题}', 'assistance.amount{form=物资}'],
    compared: 2,
  },
  party_school: { codes: ['activities.sessions{type=宣讲}', 'activities.participants{type=宣讲}', 'people.count{category=兼职教师}'], compared: 2 },
};

export function figuresOf(kind: DashboardKind): readonly string[] {
  return keyFigures[kind].codes;
}

export function comparedFiguresOf(kind: DashboardKind): readonly string[] {
  const k = keyFigures[kind];
  return k.codes.slice(0, k.compared);
}

/**
 * Monthly trends: additive figures only (a sum over the months equals the year's figure; distinct
 * counts such as 受助人数 would not add up). One grouped query per ledger computes them all.
 */
export const trendLedgers = {
  activities: ['activities.count', 'activities.sessions', 'activities.participants'],
  assistance: ['assistance.count', 'assistance.amount'],
  loans: ['loans.count', 'loans.amount'],
  contracts: ['contracts.count', 'contracts.workers'],
} as const;
export type TrendLedger = keyof typeof trendLedgers;
export const trendCodes: readonly string[] = Object.values(trendLedgers).flat();

/** The months of a year: 2026-01 … 2026-12. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** 2026-02 → { from: 2026-02-01, to: 2026-02-28 } (inclusive calendar dates). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The first instant of a month in Asia/Shanghai (UTC+8, no daylight saving) as an ISO UTC string,
 * comparable with the stored created_at instants: 2026-11 → 2026-10-31T16:00:00.000Z.
 */
export function shanghaiMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000).toISOString();
}

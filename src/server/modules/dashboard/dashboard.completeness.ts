import { dashboardKinds, monthRange, nextMonth, previousMonth, shanghaiMonthStart } from '../../../domain/dashboard/figures';
import { shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import * as repo from './dashboard.repo';

/**
 * Reporting completeness (填报情况): which units of the subtree have no ledger record (activities,
 * assistance, loans, contracts) belonging to this month or last month — by the record's own date
 * (活动开始日期, 发放日期, 放款日期, 签订日期; a loan application without 放款日期 by the day it was
 * entered), not by when it was typed in: a December import of November's records fills November.
 *
 * The units expected to report are the live mass-organization bodies of the subtree (县总工会, 乡镇工会,
 * 团县委, 乡镇团委, 妇联 …; dashboardKinds); a record entered by a grassroots unit below one of them
 * (a 村级工会, a 村妇联) counts for the nearest such body above it. A subtree without such bodies (a
 * grassroots unit's own dashboard) checks the unit itself.
 */
export interface ReportingUnit {
  id: string;
  code: string;
  name: string;
  parentName: string | null;
  /** live ledger records dated this month / last month */
  thisMonth: number;
  lastMonth: number;
}

export interface MonthCompleteness {
  month: string;
  from: string;
  to: string;
  /** the units with no record dated in the month */
  missing: ReportingUnit[];
}

export interface Completeness {
  /** every unit checked, with its counts */
  units: ReportingUnit[];
  thisMonth: MonthCompleteness;
  lastMonth: MonthCompleteness;
}

export async function computeCompleteness(ctx: Ctx, units: readonly repo.SubtreeUnit[]): Promise<Completeness> {
  const today = shanghaiDate(ctx.now());
  const root = units[0];
  const byId = new Map(units.map((u) => [u.id, u]));
  const live = (u: repo.SubtreeUnit) => u.dissolved_on === null || u.dissolved_on > today;
  let reporting = units.filter((u) => live(u) && (dashboardKinds as readonly string[]).includes(u.kind));
  if (reporting.length === 0) reporting = [root];
  const reportingIds = new Set(reporting.map((u) => u.id));

  const thisMonth = today.slice(0, 7);
  const lastMonth = previousMonth(thisMonth);
  const counts = await repo.recordsPerUnit(ctx.db, root.id, {
    lastFrom: monthRange(lastMonth).from,
    thisFrom: monthRange(thisMonth).from,
    thisTo: monthRange(thisMonth).to,
    lastStart: shanghaiMonthStart(lastMonth),
    thisStart: shanghaiMonthStart(thisMonth),
    nextStart: shanghaiMonthStart(nextMonth(thisMonth)),
  });

  const tally = new Map(reporting.map((u) => [u.id, { thisMonth: 0, lastMonth: 0 }]));
  for (const [orgId, c] of counts) {
    // the nearest reporting unit at or above the record's unit (inside the subtree)
    let u = byId.get(orgId);
    while (u && !reportingIds.has(u.id)) u = u.parent_id ? byId.get(u.parent_id) : undefined;
    const t = u ? tally.get(u.id) : undefined;
    if (!t) continue;
    t.thisMonth += c.thisMonth;
    t.lastMonth += c.lastMonth;
  }
  const rows: ReportingUnit[] = reporting.map((u) => {
    const t = tally.get(u.id) ?? { thisMonth: 0, lastMonth: 0 };
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    return { id: u.id, code: u.code, name: u.name, parentName: parent?.name ?? null, thisMonth: t.thisMonth, lastMonth: t.lastMonth };
  });
  const month = (m: string, pick: (r: ReportingUnit) => number): MonthCompleteness => ({ month: m, ...monthRange(m), missing: rows.filter((r) => pick(r) === 0) });
  return { units: rows, thisMonth: month(thisMonth, (r) => r.thisMonth), lastMonth: month(lastMonth, (r) => r.lastMonth) };
}

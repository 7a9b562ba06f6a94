import { isMinor } from '../../../domain/cases/parties';
import { shanghaiDate } from '../../../domain/dates';
import { maskName } from '../../../domain/mask';
import { commitmentLabel, commitmentState } from '../../../domain/pairings/lapse';
import type { Ctx } from '../../context';
import { orgNames } from '../catalogs/ledger-kit';
import * as repo from './pairings.repo';

export const today = (ctx: Ctx) => shanghaiDate(ctx.now());

/** List items: a helped child's name is masked (王**) in lists; the detail view shows it in full. */
export async function toPairingItems(ctx: Ctx, rows: repo.PairingRow[], fullNames = false) {
  const day = today(ctx);
  const orgs = await orgNames(ctx, rows.flatMap((r) => [r.org_id, ...(r.helper_org_id ? [r.helper_org_id] : [])]));
  const people = new Map((await repo.peopleNames(ctx.db, rows.flatMap((r) => [r.helper_person_id, r.helped_person_id]).filter((x): x is string => Boolean(x)))).map((p) => [p.id, p]));
  const households = new Map((await repo.householdNames(ctx.db, rows.map((r) => r.helped_household_id).filter((x): x is string => Boolean(x)))).map((h) => [h.id, h.name]));
  return rows.map((r) => {
    const helper = r.helper_person_id ? people.get(r.helper_person_id) : undefined;
    const helped = r.helped_person_id ? people.get(r.helped_person_id) : undefined;
    const helpedName = helped ? (fullNames || !isMinor(helped.birth_date, day) ? helped.name : maskName(helped.name)) : (households.get(r.helped_household_id ?? '') ?? '');
    const commitment = commitmentState({ startedOn: r.started_on, lastVisitOn: r.last_visit_on, everyMonths: Number(r.every_months), endedOn: r.ended_on }, day);
    return {
      id: r.id, orgId: r.org_id, orgName: orgs.get(r.org_id) ?? '',
      helperKind: r.helper_kind, helperPersonId: r.helper_person_id, helperOrgId: r.helper_org_id, helperRole: r.helper_role,
      helperName: helper ? helper.name : (orgs.get(r.helper_org_id ?? '') ?? ''),
      helpedKind: r.helped_kind, helpedPersonId: r.helped_person_id, helpedHouseholdId: r.helped_household_id, helpedRole: r.helped_role, helpedName,
      commitmentKind: r.commitment_kind, everyMonths: Number(r.every_months), commitmentLabel: commitmentLabel(r.commitment_kind, Number(r.every_months)),
      startedOn: r.started_on, lastVisitOn: r.last_visit_on, nextDueOn: commitment.nextDueOn, state: commitment.state, stateLabel: commitment.label, daysOverdue: commitment.daysOverdue,
      endedOn: r.ended_on, endReason: r.end_reason, note: r.note, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  });
}
export type PairingItem = Awaited<ReturnType<typeof toPairingItems>>[number];

export async function toPairingDetail(ctx: Ctx, row: repo.PairingRow) {
  const [item] = await toPairingItems(ctx, [row], true);
  const visits = await repo.visitsOf(ctx.db, row.id);
  return { ...item, visits: visits.map((v) => ({ id: v.id, visitedOn: v.visited_on, kind: v.kind, note: v.note, visitedBy: v.visited_by, createdAt: v.created_at })) };
}

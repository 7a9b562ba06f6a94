import { z } from 'zod';
import { type Expression, type SqlBool } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { maskName } from '../../../domain/mask';
import { followupState, progressOf } from '../../../domain/screenings/rules';
import type { Ctx } from '../../context';
import type { OrgScope } from '../../http/scope';
import { orgNames } from '../catalogs/ledger-kit';
import { childScope } from './screenings.access';
import * as repo from './screenings.repo';

export const today = (ctx: Ctx) => shanghaiDate(ctx.now());

function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether the caller's scope covers `orgId` (for the township rows: which may record children). */
function covers(scope: OrgScope, ancestorsOf: Map<string, string[]>, orgId: string): boolean {
  return scope.all || (ancestorsOf.get(orgId) ?? []).some((a) => scope.roots.includes(a));
}

async function ancestors(ctx: Ctx, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await ctx.db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id']).where('descendant_id', 'in', Array.from(new Set(ids))).execute();
  for (const r of rows) out.set(r.descendant_id, [...(out.get(r.descendant_id) ?? []), r.ancestor_id]);
  return out;
}

/** The campaigns with the progress of the townships the caller sees (`visibleTownship`: a condition on t.org_id). */
export async function toCampaigns(ctx: Ctx, rows: repo.ScreeningRow[], visibleTownship: Expression<SqlBool>) {
  const day = today(ctx);
  const ids = rows.map((r) => r.id);
  const townships = await repo.townshipsOf(ctx.db, ids, visibleTownship);
  const children = await repo.progressChildren(ctx.db, ids);
  const orgs = await orgNames(ctx, rows.map((r) => r.org_id));
  const anc = await ancestors(ctx, townships.map((t) => t.org_id));
  const writable = childScope(ctx, 'write');
  const readable = childScope(ctx, 'read');
  return rows.map((s) => {
    const mine = townships.filter((t) => t.screening_id === s.id);
    const progress = progressOf(
      mine.map((t) => ({ orgId: t.org_id, completedOn: t.completed_on, reportedFound: t.reported_found === null ? null : Number(t.reported_found) })),
      children
        .filter((c) => c.screening_id === s.id)
        .map((c) => ({ orgId: c.org_id, riskLevel: c.risk_level, dueInterveneOn: c.due_intervene_on, duePairOn: c.due_pair_on, intervenedOn: c.intervened_on, pairedOn: c.paired_on })),
      day,
    );
    const names = new Map(mine.map((t) => [t.org_id, t.org_name]));
    return {
      id: s.id, orgId: s.org_id, orgName: orgs.get(s.org_id) ?? '', title: s.title, year: Number(s.year), startOn: s.start_on, endOn: s.end_on,
      interveneDays: Number(s.intervene_days), pairDays: Number(s.pair_days), createdAt: s.created_at,
      today: day,
      townships: progress.rows.map((r) => ({
        ...r, orgName: names.get(r.orgId) ?? '', canRecord: covers(writable, anc, r.orgId), canReadChildren: covers(readable, anc, r.orgId),
      })),
      total: progress.total,
    };
  });
}
export type CampaignView = Awaited<ReturnType<typeof toCampaigns>>[number];

/** List items: the child's name masked (王**), no notes, no ID number. */
export async function toChildItems(ctx: Ctx, rows: repo.ChildRow[]) {
  const day = today(ctx);
  const people = await repo.peopleOf(ctx.db, rows.map((r) => r.person_id));
  const orgs = await orgNames(ctx, rows.flatMap((r) => [r.org_id, ...(r.helper_org_id ? [r.helper_org_id] : [])]));
  return rows.map((r) => {
    const p = people.get(r.person_id);
    const state = followupState({ riskLevel: r.risk_level, dueInterveneOn: r.due_intervene_on, duePairOn: r.due_pair_on, intervenedOn: r.intervened_on, pairedOn: r.paired_on }, day);
    return {
      id: r.id, screeningId: r.screening_id, orgId: r.org_id, orgName: orgs.get(r.org_id) ?? '',
      name: maskName(p?.name ?? ''), gender: p?.gender ?? null, age: p ? ageOn(p.birth_date, day) : null,
      guardian: r.guardian, factors: JSON.parse(r.factors) as string[], suggestedLevel: r.suggested_level, riskLevel: r.risk_level,
      foundOn: r.found_on, dueInterveneOn: r.due_intervene_on, duePairOn: r.due_pair_on,
      intervention: r.intervened_on ? { kind: r.intervention_kind, caseId: r.case_id, measure: r.intervention_measure, on: r.intervened_on } : null,
      pairing: r.paired_on ? { helperName: r.helper_name, helperOrgId: r.helper_org_id, helperOrgName: r.helper_org_id ? (orgs.get(r.helper_org_id) ?? null) : null, on: r.paired_on } : null,
      interventionState: state.intervention, pairingState: state.pairing, overdue: state.overdue,
    };
  });
}

/** The detail, for those allowed to open the record: full name, masked ID number, notes decrypted. */
export async function toChildDetail(ctx: Ctx, row: repo.ChildRow) {
  const [item] = await toChildItems(ctx, [row]);
  const p = (await repo.peopleOf(ctx.db, [row.person_id])).get(row.person_id);
  return {
    ...item,
    name: p?.name ?? '', personId: row.person_id, idNumber: p?.id_masked ?? null, birthDate: p?.birth_date ?? null,
    overrideReason: row.override_reason, notes: row.notes ? ctx.crypto.decrypt(row.notes) : null,
    pairing: item.pairing ? { ...item.pairing, helperPersonId: row.helper_person_id, commitment: row.pair_commitment } : null,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/**
 * What the screening routes answer, as the zod schemas the routes declare (the OpenAPI document and
 * the web's generated types carry them). Each `satisfies` the view function's own type, so a field
 * added to a view and not here fails the typecheck instead of being dropped from the answer.
 */
const stepState = z.enum(['done', 'overdue', 'pending', 'not_required']);
const progressCounts = {
  found: z.number(), high: z.number(), medium: z.number(), low: z.number(), intervened: z.number(), paired: z.number(), overdue: z.number(), completed: z.boolean(),
};
export const campaignView = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), year: z.number(), startOn: z.string(), endOn: z.string(),
  interveneDays: z.number(), pairDays: z.number(), createdAt: z.string(),
  today: z.string(),
  townships: z.array(
    z.object({
      orgId: z.string(), orgName: z.string(), ...progressCounts, completedOn: z.string().nullable(), reportedFound: z.number().nullable(),
      canRecord: z.boolean().describe('本人可登记该乡镇的儿童'), canReadChildren: z.boolean().describe('本人可查看该乡镇的儿童名单'),
    }),
  ),
  total: z.object({ ...progressCounts, townships: z.number(), completedTownships: z.number() }),
}) satisfies z.ZodType<CampaignView>;

export const childItemView = z.object({
  id: z.string(), screeningId: z.string(), orgId: z.string(), orgName: z.string(),
  name: z.string().describe('列表中脱敏（王**）'), gender: z.string().nullable(), age: z.number().nullable(),
  guardian: z.string(), factors: z.array(z.string()), suggestedLevel: z.string(), riskLevel: z.string(),
  foundOn: z.string(), dueInterveneOn: z.string().nullable(), duePairOn: z.string().nullable(),
  intervention: z.object({ kind: z.string().nullable(), caseId: z.string().nullable(), measure: z.string().nullable(), on: z.string() }).nullable(),
  pairing: z.object({ helperName: z.string().nullable(), helperOrgId: z.string().nullable(), helperOrgName: z.string().nullable(), on: z.string() }).nullable(),
  interventionState: stepState, pairingState: stepState, overdue: z.boolean(),
}) satisfies z.ZodType<Awaited<ReturnType<typeof toChildItems>>[number]>;

export const childDetailView = childItemView.extend({
  personId: z.string(), idNumber: z.string().nullable().describe('脱敏的身份证号'), birthDate: z.string().nullable(),
  overrideReason: z.string().nullable(), notes: z.string().nullable(),
  pairing: childItemView.shape.pairing.unwrap().extend({ helperPersonId: z.string().nullable(), commitment: z.string().nullable() }).nullable(),
  createdAt: z.string(), updatedAt: z.string(),
}) satisfies z.ZodType<Awaited<ReturnType<typeof toChildDetail>>>;

export const campaignListResult = z.object({ items: z.array(campaignView), total: z.number(), page: z.number(), pageSize: z.number() });
export const campaignDetailView = campaignView.extend({ overdueChildren: z.array(childItemView), overdueCount: z.number() });
export const childListResult = z.object({ items: z.array(childItemView), total: z.number(), page: z.number(), pageSize: z.number(), today: z.string() });

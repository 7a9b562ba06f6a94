import { z } from 'zod';
import { deadlineView, type DeadlineView } from '../../../domain/cases/deadlines';
import { allowedActions, caseActions, caseStatuses, type CaseStatus } from '../../../domain/cases/flow';
import { caseChannels, caseKinds, partyRoles, riskLevels, type CaseChannel, type CaseKind, type PartyRole, type RiskLevel } from '../../../domain/cases/kinds';
import { listPartyName } from '../../../domain/cases/parties';
import { shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import { orgNames } from '../catalogs/ledger-kit';
import * as repo from './cases.repo';

/**
 * What the case routes answer, as zod schemas: the routes declare them (so the OpenAPI document and
 * the web's generated types carry them) and the view functions return their inferred types.
 */
const casePartyItem = z.object({ personId: z.string().nullable(), role: z.enum(partyRoles), name: z.string() });
export type CasePartyItem = z.infer<typeof casePartyItem>;

const deadlineViewSchema = z.object({
  step: z.enum(['accept', 'handle']).nullable(),
  dueOn: z.string().nullable(),
  state: z.enum(['overdue', 'due_soon', 'on_time', 'none']),
  daysLeft: z.number().nullable().describe('剩余天数（负数：已超期天数）'),
}) satisfies z.ZodType<DeadlineView>;

export const caseListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(caseKinds),
  subkind: z.string().nullable(),
  channel: z.enum(caseChannels),
  confidential: z.boolean(),
  summary: z.string().nullable().describe('保密个案在列表中为空：案情只在详情中解密'),
  riskLevel: z.enum(riskLevels).nullable(),
  status: z.enum(caseStatuses),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  pendingToOrgId: z.string().nullable(),
  pendingToOrgName: z.string().nullable(),
  registeredOn: z.string(),
  acceptedOn: z.string().nullable(),
  dueAcceptOn: z.string(),
  dueHandleOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  deadline: deadlineViewSchema,
  allowedActions: z.array(z.enum(caseActions)),
  parties: z.array(casePartyItem),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseDetailView = caseListItem.extend({
  summary: z.string(),
  warningNo: z.string().nullable(),
  warningOn: z.string().nullable(),
  rejectedOn: z.string().nullable(),
  rejectReason: z.string().nullable(),
  outcomeText: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  timeline: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      actorName: z.string().describe('办理人的姓名（系统步骤为 系统）'),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  followups: z.array(z.object({ id: z.string(), on: z.string(), by: z.string(), byName: z.string(), method: z.string(), note: z.string().nullable() })),
  transfers: z.array(
    z.object({
      id: z.string(), fromOrgId: z.string(), fromOrgName: z.string(), toOrgId: z.string(), toOrgName: z.string(), status: z.string(),
      requestedAt: z.string(), decidedAt: z.string().nullable(), reason: z.string().nullable(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailView>;

export const caseListResult = z.object({ items: z.array(caseListItem), total: z.number(), page: z.number(), pageSize: z.number(), today: z.string() });
export const caseCountsView = z.object({
  today: z.string(),
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byKind: z.record(z.string(), z.number()),
  overdue: z.number(),
  dueSoon: z.number(),
});
export const caseDeadlinesView = z.object({ orgId: z.string(), items: z.array(z.object({ kind: z.enum(caseKinds), acceptDays: z.number(), handleDays: z.number() })) });
export const handlerOptionsView = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), username: z.string(), orgName: z.string() })) });
export const transferOptionsView = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), code: z.string() })) });

export const today = (ctx: Ctx) => shanghaiDate(ctx.now());

async function handlerNames(ctx: Ctx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = Array.from(new Set(ids.filter((x): x is string => Boolean(x))));
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Timeline steps and follow-ups record who acted by username (the audit's key); a clerk reads the
 * person's display name, and a system step reads 系统.
 */
async function actorDisplayNames(ctx: Ctx, names: string[]): Promise<(name: string) => string> {
  const users = Array.from(new Set(names.filter((n) => n !== 'public' && !n.startsWith('system:'))));
  const rows = users.length > 0 ? await ctx.db.selectFrom('users').select(['username', 'display_name']).where('username', 'in', users).execute() : [];
  const byName = new Map(rows.map((r) => [r.username, r.display_name]));
  return (n) => (n === 'public' ? '公众' : n.startsWith('system:') ? '系统' : (byName.get(n) ?? n));
}

/** List items: children's names masked (王**), confidential summaries withheld. `fullNames` only for the detail view. */
export async function toListItems(ctx: Ctx, rows: repo.CaseRow[], fullNames = false): Promise<CaseListItem[]> {
  const day = today(ctx);
  const orgs = await orgNames(ctx, rows.flatMap((r) => [r.org_id, r.pending_to_org ?? r.org_id]));
  const users = await handlerNames(ctx, rows.map((r) => r.handler_id));
  const parties = await repo.partiesOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => {
    const status = r.status as CaseStatus;
    return {
      id: r.id, orgId: r.org_id, orgName: orgs.get(r.org_id) ?? '', kind: r.kind as CaseKind, subkind: r.subkind, channel: r.channel as CaseChannel, confidential: Boolean(Number(r.confidential)),
      summary: Number(r.confidential) ? null : r.summary, riskLevel: r.risk_level as RiskLevel | null, status,
      handlerId: r.handler_id, handlerName: r.handler_id ? (users.get(r.handler_id) ?? null) : null,
      pendingToOrgId: r.pending_to_org, pendingToOrgName: r.pending_to_org ? (orgs.get(r.pending_to_org) ?? null) : null,
      registeredOn: r.registered_on, acceptedOn: r.accepted_on, dueAcceptOn: r.due_accept_on, dueHandleOn: r.due_handle_on, closedOn: r.closed_on, outcome: r.outcome,
      deadline: deadlineView({ status, dueAcceptOn: r.due_accept_on, dueHandleOn: r.due_handle_on }, day),
      allowedActions: allowedActions(status),
      parties: parties
        .filter((p) => p.case_id === r.id)
        .map((p) => {
          const name = p.person_name ?? p.name_if_unnamed ?? '';
          return { personId: p.person_id, role: p.role as PartyRole, name: fullNames ? name : listPartyName({ name, role: p.role, birthDate: p.birth_date }, r.kind, day) };
        }),
    };
  });
}

/** The detail view: the whole timeline, follow-ups, transfers; the summary decrypted for those allowed. */
export async function toDetail(ctx: Ctx, row: repo.CaseRow): Promise<CaseDetail> {
  const [item] = await toListItems(ctx, [row], true);
  const events = await repo.eventsOf(ctx.db, row.id);
  const followups = await repo.followupsOf(ctx.db, row.id);
  const transfers = await repo.transfersOf(ctx.db, row.id);
  const orgs = await orgNames(ctx, transfers.flatMap((t) => [t.from_org, t.to_org]));
  const shown = await actorDisplayNames(ctx, [...events.map((e) => e.actor), ...followups.map((f) => f.followed_by)]);
  return {
    ...item,
    summary: Number(row.confidential) ? ctx.crypto.decrypt(row.summary) : row.summary,
    warningNo: row.warning_no, warningOn: row.warning_on, rejectedOn: row.rejected_on, rejectReason: row.reject_reason, outcomeText: row.outcome_text,
    createdAt: row.created_at, updatedAt: row.updated_at,
    timeline: events.map((e) => ({ at: e.at, actor: e.actor, actorName: shown(e.actor), action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, data: JSON.parse(e.data) as Record<string, unknown> })),
    followups: followups.map((f) => ({ id: f.id, on: f.followed_on, by: f.followed_by, byName: shown(f.followed_by), method: f.method, note: f.note })),
    transfers: transfers.map((t) => ({
      id: t.id, fromOrgId: t.from_org, fromOrgName: orgs.get(t.from_org) ?? '', toOrgId: t.to_org, toOrgName: orgs.get(t.to_org) ?? '', status: t.status,
      requestedAt: t.requested_at, decidedAt: t.decided_at, reason: t.reason,
    })),
  };
}

import { deadlineView, type DeadlineView } from '../../../domain/cases/deadlines';
import { allowedActions, type CaseAction, type CaseStatus } from '../../../domain/cases/flow';
import { listPartyName } from '../../../domain/cases/parties';
import { shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import { orgNames } from '../catalogs/ledger-kit';
import * as repo from './cases.repo';

export interface CasePartyItem {
  personId: string | null;
  role: string;
  name: string;
}

export interface CaseListItem {
  id: string;
  orgId: string;
  orgName: string;
  kind: string;
  subkind: string | null;
  channel: string;
  confidential: boolean;
  /** null for confidential cases: their summary is decrypted only in the detail view */
  summary: string | null;
  riskLevel: string | null;
  status: CaseStatus;
  handlerId: string | null;
  handlerName: string | null;
  pendingToOrgId: string | null;
  pendingToOrgName: string | null;
  registeredOn: string;
  acceptedOn: string | null;
  dueAcceptOn: string;
  dueHandleOn: string | null;
  closedOn: string | null;
  outcome: string | null;
  deadline: DeadlineView;
  allowedActions: CaseAction[];
  parties: CasePartyItem[];
}

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
      id: r.id, orgId: r.org_id, orgName: orgs.get(r.org_id) ?? '', kind: r.kind, subkind: r.subkind, channel: r.channel, confidential: Boolean(Number(r.confidential)),
      summary: Number(r.confidential) ? null : r.summary, riskLevel: r.risk_level, status,
      handlerId: r.handler_id, handlerName: r.handler_id ? (users.get(r.handler_id) ?? null) : null,
      pendingToOrgId: r.pending_to_org, pendingToOrgName: r.pending_to_org ? (orgs.get(r.pending_to_org) ?? null) : null,
      registeredOn: r.registered_on, acceptedOn: r.accepted_on, dueAcceptOn: r.due_accept_on, dueHandleOn: r.due_handle_on, closedOn: r.closed_on, outcome: r.outcome,
      deadline: deadlineView({ status, dueAcceptOn: r.due_accept_on, dueHandleOn: r.due_handle_on }, day),
      allowedActions: allowedActions(status),
      parties: parties
        .filter((p) => p.case_id === r.id)
        .map((p) => {
          const name = p.person_name ?? p.name_if_unnamed ?? '';
          return { personId: p.person_id, role: p.role, name: fullNames ? name : listPartyName({ name, role: p.role, birthDate: p.birth_date }, r.kind, day) };
        }),
    };
  });
}

/** The detail view: the whole timeline, follow-ups, transfers; the summary decrypted for those allowed. */
export async function toDetail(ctx: Ctx, row: repo.CaseRow) {
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
export type CaseDetail = Awaited<ReturnType<typeof toDetail>>;

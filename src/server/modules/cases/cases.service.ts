import { addDays, deadlineDays, type DeadlineDays } from '../../../domain/cases/deadlines';
import { type CaseKind, caseKinds, isConfidentialKind, type RiskLevel } from '../../../domain/cases/kinds';
import { newId } from '../../../domain/ids';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { assertOrgInScope, defaultOrgId, orgInScopeSet, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { inSubtree } from '../catalogs/ledger-kit';
import { assertPersonInScope } from '../people/people.service';
import { type CaseMode, openCase, visibleCondition } from './cases.access';
import * as repo from './cases.repo';
import type { CaseFacetsQuery, CreateCaseBody, DeadlineBody, ListCasesQuery } from './cases.schemas';
import { type CaseListItem, today, toDetail, toListItems } from './cases.view';

/** The deadline days in force for a kind at a unit: its own setting, else the nearest ancestor's, else the defaults. */
export async function unitDeadlineDays(db: Kysely<DB>, orgId: string, kind: CaseKind, risk: RiskLevel | null): Promise<DeadlineDays> {
  const s = await repo.nearestDeadline(db, orgId, kind);
  return deadlineDays(kind, risk, s ? { acceptDays: Number(s.accept_days), handleDays: Number(s.handle_days) } : null);
}

export async function createCase(ctx: Ctx, input: CreateCaseBody): Promise<CaseListItem> {
  orgScope(ctx, 'case.write');
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'case.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'case.write');
  for (const [i, p] of input.parties.entries()) if (p.personId) await assertPersonInScope(ctx, 'person.read', p.personId, `parties.${i}.personId`);
  const confidential = isConfidentialKind(input.kind);
  const risk = input.kind === '困境儿童' ? (input.riskLevel ?? null) : null;
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = nowIso(tx);
    const day = today(tx);
    const days = await unitDeadlineDays(tx.db, orgId, input.kind, risk);
    await repo.insertCase(tx.db, {
      id, org_id: orgId, kind: input.kind, subkind: input.subkind || null, channel: input.channel, confidential: confidential ? 1 : 0,
      // 家庭暴力 and 困境儿童: the account of what happened is encrypted at rest
      summary: confidential ? tx.crypto.encrypt(input.summary) : input.summary,
      risk_level: risk, warning_no: input.kind === '家庭暴力' ? input.warningNo || null : null, warning_on: input.kind === '家庭暴力' ? (input.warningOn ?? null) : null,
      status: '登记', handler_id: null, pending_to_org: null, registered_on: day, accepted_on: null, rejected_on: null, reject_reason: null,
      due_accept_on: addDays(day, days.acceptDays), due_handle_on: null, closed_on: null, outcome: null, outcome_text: null,
      created_by: tx.actor.kind === 'user' ? tx.actor.id : null, created_at: now, updated_at: now, deleted_at: null,
    });
    await repo.insertParties(tx.db, input.parties.map((p, i) => ({ id: newId(), case_id: id, position: i, person_id: p.personId ?? null, role: p.role, name_if_unnamed: p.personId ? null : (p.name ?? null) })));
    await repo.insertEvent(tx.db, { id: newId(), case_id: id, at: now, actor: actorName(tx.actor), action: 'register', from_status: null, to_status: '登记', note: null, data: JSON.stringify({ channel: input.channel }) });
    await appendAudit(tx, { action: 'create', entity: 'case', entityId: id, orgId, detail: { kind: input.kind, channel: input.channel } });
    const row = await repo.findCaseById(tx.db, id);
    return (await toListItems(tx, row ? [row] : []))[0];
  });
}

/** Opens one case; every open of a confidential case is audited (read_case), as is a refused attempt. */
export async function getCase(ctx: Ctx, id: string) {
  const row = await openCase(ctx, id, 'read');
  if (Number(row.confidential)) await appendAudit(ctx, { action: 'read_case', entity: 'case', entityId: id, orgId: row.org_id, detail: { kind: row.kind } });
  return toDetail(ctx, row);
}

const counts = (rows: { key: string; n: unknown }[]): Record<string, number> => Object.fromEntries(rows.map((x) => [x.key, Number(x.n)]));

/** The inbox's filters as the repo takes them (the list and its tab counts share them). */
async function inboxFilters(ctx: Ctx, q: CaseFacetsQuery) {
  if (q.orgId) await resolveOrgInScope(ctx, 'org.read', q.orgId, 'orgId');
  // 只看我承办的: a user with no account id (system) has no cases of their own
  const handlerId = q.mine === 'true' ? (ctx.actor.kind === 'user' ? ctx.actor.id : '-') : undefined;
  return { visible: visibleCondition(ctx, 'read'), f: { ...q, handlerId }, day: today(ctx) };
}

export async function listCases(ctx: Ctx, q: ListCasesQuery) {
  const { visible, f, day } = await inboxFilters(ctx, q);
  const rows = await repo.listCaseRows(ctx.db, visible, f, day, q.page, q.pageSize);
  const total = await repo.countCases(ctx.db, visible, f, day);
  return { items: await toListItems(ctx, rows), total, page: q.page, pageSize: q.pageSize, today: day };
}

/** The inbox's tab counts for the list's filters (the cases this caller may open, as the list shows them). */
export async function caseFacets(ctx: Ctx, q: CaseFacetsQuery) {
  const { visible, f, day } = await inboxFilters(ctx, q);
  return countsView(day, await repo.facetCounts(ctx.db, visible, f, day));
}

function countsView(day: string, r: Awaited<ReturnType<typeof repo.facetCounts>>) {
  const byStatus = counts(r.byStatus);
  return {
    today: day,
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    byKind: counts(r.byKind),
    overdue: Number(r.deadlines.overdue),
    dueSoon: Number(r.deadlines.due_soon),
  };
}

/**
 * Whether the user is the assigned handler (承办人) of a case not yet archived. A handler may be a staff
 * member without case.read: the case is theirs to work on all the same, so the web shows them the inbox.
 */
export async function handlesOpenCases(db: Kysely<DB>, userId: string): Promise<boolean> {
  return repo.hasOpenCaseOf(db, userId);
}

/** Counts for the dashboard: confidential cases are counted, never listed (leaders see counts only). */
export async function caseSummary(ctx: Ctx, q: { orgId?: string }) {
  const scope = orgScope(ctx, 'case.read');
  if (q.orgId) await assertOrgInScope(ctx, 'case.read', q.orgId);
  const where = q.orgId ? inSubtree('c.org_id', q.orgId) : orgInScopeSet(scope, 'c.org_id');
  const day = today(ctx);
  return countsView(day, await repo.facetCounts(ctx.db, where, {}, day));
}

/** Sets a unit's deadline days for a kind; its whole subtree inherits them unless a nearer unit sets its own. */
export async function setCaseDeadline(ctx: Ctx, input: DeadlineBody) {
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'org.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'org.write');
  return inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    await tx.db.deleteFrom('case_deadlines').where('org_id', '=', orgId).where('kind', '=', input.kind).execute();
    await tx.db.insertInto('case_deadlines').values({ org_id: orgId, kind: input.kind, accept_days: input.acceptDays, handle_days: input.handleDays, updated_at: now }).execute();
    await appendAudit(tx, { action: 'update', entity: 'case_deadline', entityId: `${orgId}:${input.kind}`, orgId, detail: { kind: input.kind, acceptDays: input.acceptDays, handleDays: input.handleDays } });
    return listCaseDeadlines(tx, { orgId });
  });
}

/** The deadlines in force at a unit, per kind (high-risk children: 7 days at most). */
export async function listCaseDeadlines(ctx: Ctx, q: { orgId?: string }) {
  const orgId = q.orgId ? await resolveOrgInScope(ctx, 'org.read', q.orgId, 'orgId') : defaultOrgId(ctx, 'org.read');
  const items = [];
  for (const kind of caseKinds) items.push({ kind, ...(await unitDeadlineDays(ctx.db, orgId, kind, null)) });
  return { orgId, items };
}

/** Who may be assigned the case (指派): the same rule the assign step checks. */
export async function listHandlerOptions(ctx: Ctx, id: string) {
  const row = await openCase(ctx, id, 'write');
  const seen = new Set<string>();
  const items = [];
  for (const u of await repo.handlerCandidates(ctx.db, row.org_id)) {
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    items.push({ id: u.id, displayName: u.display_name, username: u.username, orgName: u.org_name });
  }
  return { items };
}

/** Where the case may be transferred (转办): units of the same tree that have case workers of their own. */
export async function listTransferOptions(ctx: Ctx, id: string) {
  const row = await openCase(ctx, id, 'write');
  return { items: (await repo.transferTargets(ctx.db, row.org_id)).map((o) => ({ id: o.id, name: o.name, code: o.code })) };
}

/**
 * The attachments module's hook: a case's files follow the case's own visibility (a confidential
 * case's files only for those who may open it; 404 otherwise, the attempt audited by openCase).
 * Files of an archived case are kept as they are.
 */
export async function caseFileOwner(ctx: Ctx, caseId: string, mode: CaseMode): Promise<{ orgId: string; confidential: boolean }> {
  const row = await openCase(ctx, caseId, mode);
  if (mode === 'write' && row.status === '归档') throw new AppError('RULE_VIOLATED', '个案已归档，不能再增删附件；如需补充请先重新办理');
  return { orgId: row.org_id, confidential: Boolean(Number(row.confidential)) };
}

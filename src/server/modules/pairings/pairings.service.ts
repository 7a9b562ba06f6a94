import { type Expression, type SqlBool } from 'kysely';
import { newId } from '../../../domain/ids';
import { nextDueOn } from '../../../domain/pairings/lapse';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound, validation } from '../../http/errors';
import { assertRecordDates } from '../../http/record-dates';
import { defaultOrgId, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy } from '../catalogs/ledger-kit';
import { assertPersonInScope } from '../people/people.service';
import * as repo from './pairings.repo';
import type { CreatePairingBody, ListPairingsQuery, UpdatePairingBody, VisitBody } from './pairings.schemas';
import { type PairingItem, today, toPairingDetail, toPairingItems } from './pairings.view';

/**
 * Pairings (结对帮扶): a helper (a person — 爱心妈妈, 党员, 志愿者 — or a unit such as a 巾帼文明岗)
 * with a helped person or household, a commitment (a kind of contact every N months), visits
 * logged, lapsed commitments listed. A pairing belongs to the unit that keeps it (ledger.* scope).
 */
const visible = (ctx: Ctx, permission: 'ledger.read' | 'ledger.write'): Expression<SqlBool> => orgInScope(orgScope(ctx, permission), 'p.org_id');

async function open(ctx: Ctx, id: string, permission: 'ledger.read' | 'ledger.write'): Promise<repo.PairingRow> {
  const row = await repo.findPairing(ctx.db, visible(ctx, permission), id);
  if (!row) throw notFound('结对');
  return row;
}

async function assertHouseholdInScope(ctx: Ctx, householdId: string): Promise<void> {
  const row = await ctx.db.selectFrom('households').select('id').where('id', '=', householdId).where(orgInScope(orgScope(ctx, 'person.read'), 'households.org_id')).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '家庭不存在或不在您的管辖范围内', [{ path: 'helpedHouseholdId', message: '家庭不存在或不在您的管辖范围内' }]);
}

export async function createPairing(ctx: Ctx, input: CreatePairingBody): Promise<PairingItem> {
  orgScope(ctx, 'ledger.write');
  assertRecordDates(ctx, [['startedOn', '结对日期', input.startedOn]]);
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'ledger.write');
  const helperPersonId = input.helperKind === 'person' ? (input.helperPersonId as string) : null;
  const helperOrgId = input.helperKind === 'unit' ? await resolveOrgInScope(ctx, 'org.read', input.helperOrgId as string, 'helperOrgId') : null;
  if (helperPersonId) await assertPersonInScope(ctx, 'person.read', helperPersonId, 'helperPersonId');
  const helpedPersonId = input.helpedKind === 'person' ? (input.helpedPersonId as string) : null;
  const helpedHouseholdId = input.helpedKind === 'household' ? (input.helpedHouseholdId as string) : null;
  if (helpedPersonId) await assertPersonInScope(ctx, 'person.read', helpedPersonId, 'helpedPersonId');
  if (helpedHouseholdId) await assertHouseholdInScope(ctx, helpedHouseholdId);
  if (helperPersonId && helperPersonId === helpedPersonId) throw validation('helpedPersonId', '帮扶人与受助人不能是同一人');
  if (input.startedOn > today(ctx)) throw validation('startedOn', '结对日期不能晚于今天');
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = nowIso(tx);
    await repo.insertPairing(tx.db, {
      id, org_id: orgId, helper_kind: input.helperKind, helper_person_id: helperPersonId, helper_org_id: helperOrgId, helper_role: input.helperRole,
      helped_kind: input.helpedKind, helped_person_id: helpedPersonId, helped_household_id: helpedHouseholdId, helped_role: input.helpedRole,
      commitment_kind: input.commitmentKind, every_months: input.everyMonths, started_on: input.startedOn, last_visit_on: null,
      next_due_on: nextDueOn(input.startedOn, null, input.everyMonths), ended_on: null, end_reason: null, note: input.note || null,
      created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null,
    });
    await appendAudit(tx, { action: 'create', entity: 'pairing', entityId: id, orgId, detail: { helperRole: input.helperRole, helpedRole: input.helpedRole, everyMonths: input.everyMonths } });
    return (await toPairingItems(tx, [await open(tx, id, 'ledger.write')]))[0];
  });
}

export async function listPairings(ctx: Ctx, q: ListPairingsQuery) {
  const where = visible(ctx, 'ledger.read');
  if (q.orgId) await resolveOrgInScope(ctx, 'ledger.read', q.orgId, 'orgId');
  const day = today(ctx);
  const rows = await repo.listPairingRows(ctx.db, where, q, day, q.page, q.pageSize);
  const total = await repo.countPairings(ctx.db, where, q, day);
  const lapsed = await repo.countPairings(ctx.db, where, { orgId: q.orgId, state: 'lapsed' }, day);
  return { items: await toPairingItems(ctx, rows), total, page: q.page, pageSize: q.pageSize, today: day, lapsedTotal: lapsed };
}

export async function getPairing(ctx: Ctx, id: string) {
  return toPairingDetail(ctx, await open(ctx, id, 'ledger.read'));
}

export async function updatePairing(ctx: Ctx, id: string, input: UpdatePairingBody) {
  return inTransaction(ctx, async (tx) => {
    const row = await open(tx, id, 'ledger.write');
    assertRecordDates(tx, [['endedOn', '结束日期', input.endedOn]]);
    if (row.ended_on) throw new AppError('RULE_VIOLATED', '结对已结束，不能再修改');
    if (input.endedOn && input.endedOn < row.started_on) throw validation('endedOn', '结束日期不能早于结对日期');
    if (input.endedOn && input.endedOn > today(tx)) throw validation('endedOn', '结束日期不能晚于今天');
    const everyMonths = input.everyMonths ?? Number(row.every_months);
    await repo.updatePairing(tx.db, id, {
      commitment_kind: input.commitmentKind ?? row.commitment_kind, every_months: everyMonths, next_due_on: nextDueOn(row.started_on, row.last_visit_on, everyMonths),
      note: input.note === undefined ? row.note : input.note || null, ended_on: input.endedOn ?? null, end_reason: input.endReason ?? null, updated_at: nowIso(tx),
    });
    await appendAudit(tx, { action: input.endedOn ? 'end' : 'update', entity: 'pairing', entityId: id, orgId: row.org_id, detail: { ...input } });
    return toPairingDetail(tx, await open(tx, id, 'ledger.write'));
  });
}

/** Logs a visit (or call); the next due day moves to N months after the latest visit. */
export async function addVisit(ctx: Ctx, id: string, input: VisitBody) {
  return inTransaction(ctx, async (tx) => {
    const row = await open(tx, id, 'ledger.write');
    assertRecordDates(tx, [['visitedOn', '联系日期', input.visitedOn]]);
    if (input.visitedOn < row.started_on) throw validation('visitedOn', '联系日期不能早于结对日期');
    if (input.visitedOn > today(tx)) throw validation('visitedOn', '联系日期不能晚于今天');
    if (row.ended_on && input.visitedOn > row.ended_on) throw validation('visitedOn', '联系日期不能晚于结对结束日期');
    const visitId = newId();
    const now = nowIso(tx);
    const [item] = await toPairingItems(tx, [row], true);
    await repo.insertVisit(tx.db, { id: visitId, pairing_id: id, visited_on: input.visitedOn, kind: input.kind, note: input.note || null, visited_by: input.visitedBy || item.helperName, created_by: createdBy(tx), created_at: now });
    const last = await repo.lastVisitOn(tx.db, id);
    await repo.updatePairing(tx.db, id, { last_visit_on: last, next_due_on: nextDueOn(row.started_on, last, Number(row.every_months)), updated_at: now });
    await appendAudit(tx, { action: 'visit', entity: 'pairing', entityId: id, orgId: row.org_id, detail: { visitId, visitedOn: input.visitedOn, kind: input.kind } });
    return toPairingDetail(tx, await open(tx, id, 'ledger.write'));
  });
}

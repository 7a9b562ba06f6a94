import { addDays } from '../../../domain/cases/deadlines';
import { awaitingHandling, type CaseStatus } from '../../../domain/cases/flow';
import type { CaseKind, RiskLevel } from '../../../domain/cases/kinds';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import type { CaseTable } from '../../db/types';
import { AppError, notFound, validation } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { assertPersonInScope } from '../people/people.service';
import { openCase } from './cases.access';
import * as repo from './cases.repo';
import type { UpdateCaseBody } from './cases.schemas';
import { unitDeadlineDays } from './cases.service';
import { type CaseListItem, toListItems } from './cases.view';

/** A case's registration can be corrected until it is filed away (归档) or was not accepted (不予受理). */
const frozen: readonly CaseStatus[] = ['归档', '不予受理'];

const fieldLabels: Record<keyof UpdateCaseBody, string> = {
  subkind: '细类',
  channel: '来源渠道',
  summary: '案情摘要',
  riskLevel: '风险等级',
  warningNo: '告诫书编号',
  warningOn: '告诫书日期',
  parties: '当事人',
};

/** Kind-specific fields belong to their kind only: 告诫书 to 家庭暴力, the risk level to 困境儿童. */
function checkKindFields(kind: string, b: UpdateCaseBody): void {
  if (b.riskLevel !== undefined && kind !== '困境儿童') throw validation('riskLevel', '只有困境儿童个案有风险等级');
  if ((b.warningNo !== undefined || b.warningOn !== undefined) && kind !== '家庭暴力') throw validation('warningNo', '只有家庭暴力个案有告诫书');
}

/** The new handling due date when a child's risk level changes while the case awaits handling. */
async function handlingDueAfterRiskChange(tx: Ctx, row: repo.CaseRow, risk: RiskLevel): Promise<string | null> {
  if (!awaitingHandling.includes(row.status as CaseStatus)) return row.due_handle_on;
  const started = await repo.handlingStartedAt(tx.db, row.id);
  if (!started) return row.due_handle_on;
  const days = await unitDeadlineDays(tx.db, row.org_id, row.kind as CaseKind, risk);
  return addDays(shanghaiDate(new Date(started)), days.handleDays);
}

/** Whether the parties given differ from those on record (same people or names, roles and order: no change). */
async function partiesDiffer(tx: Ctx, caseId: string, given: NonNullable<UpdateCaseBody['parties']>): Promise<boolean> {
  const current = await repo.partiesOf(tx.db, [caseId]);
  if (current.length !== given.length) return true;
  return given.some((p, i) => {
    const c = current[i];
    if (p.role !== c.role) return true;
    return p.personId ? p.personId !== c.person_id : c.person_id !== null || (p.name ?? '') !== (c.name_if_unnamed ?? '');
  });
}

async function buildPatch(tx: Ctx, row: repo.CaseRow, b: UpdateCaseBody): Promise<{ patch: Partial<CaseTable>; fields: (keyof UpdateCaseBody)[] }> {
  const patch: Partial<CaseTable> = {};
  const fields: (keyof UpdateCaseBody)[] = [];
  const confidential = Boolean(Number(row.confidential));
  const set = <K extends keyof CaseTable>(field: keyof UpdateCaseBody, column: K, value: CaseTable[K], current: CaseTable[K]) => {
    if (value === current) return;
    patch[column] = value;
    fields.push(field);
  };
  if (b.subkind !== undefined) set('subkind', 'subkind', b.subkind || null, row.subkind);
  if (b.channel !== undefined) set('channel', 'channel', b.channel, row.channel);
  if (b.summary !== undefined) {
    const current = confidential ? tx.crypto.decrypt(row.summary) : row.summary;
    // 家庭暴力 and 困境儿童: the account stays encrypted at rest, as when it was registered
    if (b.summary !== current) set('summary', 'summary', confidential ? tx.crypto.encrypt(b.summary) : b.summary, row.summary);
  }
  if (b.warningNo !== undefined) set('warningNo', 'warning_no', b.warningNo || null, row.warning_no);
  if (b.warningOn !== undefined) set('warningOn', 'warning_on', b.warningOn, row.warning_on);
  if (b.riskLevel !== undefined && b.riskLevel !== row.risk_level) {
    set('riskLevel', 'risk_level', b.riskLevel, row.risk_level);
    patch.due_handle_on = await handlingDueAfterRiskChange(tx, row, b.riskLevel);
  }
  return { patch, fields };
}

/**
 * PATCH /cases/:id: corrects the registration (summary, channel, parties, 告诫书, risk level). The
 * timeline records which fields changed (never their confidential contents); the audit entry too.
 */
export async function updateCase(ctx: Ctx, id: string, body: UpdateCaseBody): Promise<CaseListItem> {
  await openCase(ctx, id, 'write'); // outside the transaction: a refused attempt's audit entry must stay
  if (body.parties) for (const [i, p] of body.parties.entries()) if (p.personId) await assertPersonInScope(ctx, 'person.read', p.personId, `parties.${i}.personId`);
  return inTransaction(ctx, async (tx) => {
    const row = await openCase(tx, id, 'write');
    if (frozen.includes(row.status as CaseStatus)) throw new AppError('RULE_VIOLATED', `个案已“${row.status}”，不能再修改登记信息`, [{ path: 'status', message: `个案已“${row.status}”` }]);
    checkKindFields(row.kind, body);
    const { patch, fields } = await buildPatch(tx, row, body);
    const partiesChanged = body.parties !== undefined && (await partiesDiffer(tx, id, body.parties));
    if (partiesChanged) fields.push('parties');
    if (fields.length === 0) return (await toListItems(tx, [row]))[0];
    const now = nowIso(tx);
    if (!(await repo.updateCaseIfUnchanged(tx.db, row, { ...patch, updated_at: now }))) throw new AppError('CONFLICT', '个案刚被他人更新，请刷新后重试');
    if (partiesChanged && body.parties) {
      const parties = body.parties.map((p, i) => ({ id: newId(), case_id: id, position: i, person_id: p.personId ?? null, role: p.role, name_if_unnamed: p.personId ? null : (p.name ?? null) }));
      await repo.replaceParties(tx.db, id, parties);
    }
    const labels = fields.map((f) => fieldLabels[f]);
    await repo.insertEvent(tx.db, { id: newId(), case_id: id, at: now, actor: actorName(tx.actor), action: 'edit', from_status: row.status, to_status: row.status, note: `修改了${labels.join('、')}`, data: JSON.stringify({ fields }) });
    await appendAudit(tx, { action: 'update', entity: 'case', entityId: id, orgId: row.org_id, detail: { fields } });
    const updated = await repo.findCaseById(tx.db, id);
    if (!updated) throw notFound('个案');
    return (await toListItems(tx, [updated]))[0];
  });
}

import type { RiskLevel } from '../../../domain/cases/kinds';
import { isMinor } from '../../../domain/cases/parties';
import { newId } from '../../../domain/ids';
import { followupDue, suggestRiskLevel } from '../../../domain/screenings/rules';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { ScreeningChildTable } from '../../db/types';
import { AppError, notFound, validation } from '../../http/errors';
import { assertRecordDates } from '../../http/record-dates';
import { appendAudit } from '../audit/audit.service';
import { assertPersonInScope, createPerson, linkPersonToOrg } from '../people/people.service';
import { childVisible, openCampaign, openChild } from './screenings.access';
import * as repo from './screenings.repo';
import type { AddChildBody, ListChildrenQuery, PatchChildBody } from './screenings.schemas';
import { today, toChildDetail, toChildItems } from './screenings.view';

/** The level staff settled on: the suggestion, or an override that must give its reason. */
function settledLevel(guardian: string, factors: string[], chosen: string | undefined, reason: string | undefined) {
  const suggested = suggestRiskLevel(guardian, factors);
  const level = (chosen ?? suggested) as RiskLevel;
  if (level !== suggested && !reason) throw validation('overrideReason', `风险等级与系统建议的“${suggested}”不同，请填写调整理由`);
  return { suggested, level, reason: level === suggested ? null : (reason ?? null) };
}

/** The registry person for the child: an id in scope, or registered on the fly by the people service's rules; must be under 18. */
async function childPerson(tx: Ctx, input: AddChildBody): Promise<string> {
  let personId: string;
  if (input.personId) {
    await assertPersonInScope(tx, 'person.read', input.personId, 'personId');
    personId = input.personId;
  } else {
    const p = input.person;
    if (!p) throw validation('personId', '请选择儿童');
    personId = (await createPerson(tx, { name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address, orgId: input.orgId })).id;
  }
  const person = (await repo.peopleOf(tx.db, [personId])).get(personId);
  if (!person || !isMinor(person.birth_date, today(tx))) throw validation(input.personId ? 'personId' : 'person.idNumber', '排查对象须为未满 18 周岁的儿童');
  await linkPersonToOrg(tx, personId, input.orgId);
  return personId;
}

/** Records a child found by a township of the campaign (case_worker granted on the township or above). */
export async function addChild(ctx: Ctx, screeningId: string, input: AddChildBody) {
  const campaign = await openCampaign(ctx, screeningId);
  assertRecordDates(ctx, [['foundOn', '排查日期', input.foundOn]]);
  const township = await repo.findTownship(ctx.db, screeningId, input.orgId);
  const writable = await ctx.db.selectFrom('org_units as sc').select('sc.id').where('sc.id', '=', input.orgId).where(childVisible(ctx, 'write', 'sc.id')).executeTakeFirst();
  if (!township || !writable) throw new AppError('NOT_FOUND', '该乡镇未参与本次排查或不在您的管辖范围内', [{ path: 'orgId', message: '乡镇未参与本次排查或不在您的管辖范围内' }]);
  if (township.completed_on) throw new AppError('RULE_VIOLATED', `该乡镇已于 ${township.completed_on} 标记排查完成，不能再登记儿童`);
  const day = today(ctx);
  const foundOn = input.foundOn ?? day;
  if (foundOn > day) throw validation('foundOn', '排查日期不能晚于今天');
  if (foundOn < campaign.start_on) throw validation('foundOn', `排查日期不能早于排查开始日期 ${campaign.start_on}`);
  const factors = Array.from(new Set(input.factors));
  const risk = settledLevel(input.guardian, factors, input.riskLevel, input.overrideReason);
  return inTransaction(ctx, async (tx) => {
    const personId = await childPerson(tx, input);
    const dup = await repo.findChildByPerson(tx.db, screeningId, personId);
    if (dup) throw new AppError('CONFLICT', '该儿童已在本次排查中登记', [{ path: 'personId', message: '该儿童已在本次排查中登记' }]);
    const id = newId();
    const now = nowIso(tx);
    const due = followupDue(risk.level, foundOn, { interveneDays: Number(campaign.intervene_days), pairDays: Number(campaign.pair_days) });
    await repo.insertChild(tx.db, {
      id, screening_id: screeningId, org_id: input.orgId, person_id: personId, guardian: input.guardian, factors: JSON.stringify(factors),
      suggested_level: risk.suggested, risk_level: risk.level, override_reason: risk.reason, notes: input.notes ? tx.crypto.encrypt(input.notes) : null,
      found_on: foundOn, due_intervene_on: due.dueInterveneOn, due_pair_on: due.duePairOn,
      intervention_kind: null, case_id: null, intervention_measure: null, intervened_on: null,
      helper_name: null, helper_person_id: null, helper_org_id: null, pair_commitment: null, paired_on: null,
      created_by: tx.actor.kind === 'user' ? tx.actor.id : null, created_at: now, updated_at: now,
    });
    await appendAudit(tx, { action: 'create', entity: 'screening_child', entityId: id, orgId: input.orgId, detail: { screeningId, riskLevel: risk.level, suggestedLevel: risk.suggested } });
    const row = await repo.findChildById(tx.db, id);
    if (!row) throw notFound('排查儿童记录');
    return toChildDetail(tx, row);
  });
}

/** The campaign's children the caller may open (names masked); a leader gets an empty list — counts are on the campaign. */
export async function listChildren(ctx: Ctx, screeningId: string, q: ListChildrenQuery) {
  await openCampaign(ctx, screeningId);
  const f = { orgId: q.orgId, riskLevel: q.riskLevel, overdueOn: q.overdue === 'true' ? today(ctx) : undefined };
  const { rows, total } = await repo.listChildRows(ctx.db, screeningId, childVisible(ctx, 'read'), f, q.page, q.pageSize);
  return { items: await toChildItems(ctx, rows), total, page: q.page, pageSize: q.pageSize, today: today(ctx) };
}

/** Opens a child's record; every open is audited (read_screening_child), as is a refused attempt. */
export async function getChild(ctx: Ctx, id: string) {
  const row = await openChild(ctx, id, 'read');
  await appendAudit(ctx, { action: 'read_screening_child', entity: 'screening_child', entityId: id, orgId: row.org_id, detail: { screeningId: row.screening_id } });
  return toChildDetail(ctx, row);
}

/** Changes the guardian situation, factors, level or notes; a level that becomes 高 starts the follow-up deadlines today. */
export async function patchChild(ctx: Ctx, id: string, input: PatchChildBody) {
  const row = await openChild(ctx, id, 'write');
  const campaign = await openCampaign(ctx, row.screening_id);
  const guardian = input.guardian ?? row.guardian;
  const factors = input.factors ? Array.from(new Set(input.factors)) : (JSON.parse(row.factors) as string[]);
  // no new level named: a change of guardian or factors follows the suggestion; otherwise the level stays
  const chosen = input.riskLevel ?? (input.factors === undefined && input.guardian === undefined ? row.risk_level : undefined);
  const reason = input.overrideReason ?? (chosen === row.risk_level ? (row.override_reason ?? undefined) : undefined);
  const risk = settledLevel(guardian, factors, chosen, reason);
  const patch: Partial<ScreeningChildTable> = { guardian, factors: JSON.stringify(factors), suggested_level: risk.suggested, risk_level: risk.level, override_reason: risk.reason };
  if (input.notes !== undefined) patch.notes = input.notes ? ctx.crypto.encrypt(input.notes) : null;
  if (risk.level !== row.risk_level) {
    const due = followupDue(risk.level, today(ctx), { interveneDays: Number(campaign.intervene_days), pairDays: Number(campaign.pair_days) });
    Object.assign(patch, { due_intervene_on: due.dueInterveneOn, due_pair_on: due.duePairOn });
  }
  return inTransaction(ctx, async (tx) => {
    await repo.updateChild(tx.db, id, { ...patch, updated_at: nowIso(tx) });
    await appendAudit(tx, { action: 'update', entity: 'screening_child', entityId: id, orgId: row.org_id, detail: { screeningId: row.screening_id, fields: Object.keys(input), riskLevel: risk.level, from: row.risk_level } });
    const fresh = await repo.findChildById(tx.db, id);
    if (!fresh) throw notFound('排查儿童记录');
    return toChildDetail(tx, fresh);
  });
}

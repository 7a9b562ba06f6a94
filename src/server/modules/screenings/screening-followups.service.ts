import type { CreateCaseBody } from '../cases/cases.schemas';
import { createCase, getCase } from '../cases/cases.service';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { ScreeningChildTable } from '../../db/types';
import { AppError, notFound, validation } from '../../http/errors';
import { assertRecordDates } from '../../http/record-dates';
import { resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertPersonInScope } from '../people/people.service';
import { openCampaign, openChild } from './screenings.access';
import * as repo from './screenings.repo';
import type { InterventionBody, PairingBody } from './screenings.schemas';
import { today, toChildDetail } from './screenings.view';

function stepDate(ctx: Ctx, on: string | undefined, foundOn: string, label: string): string {
  const day = today(ctx);
  const date = on ?? day;
  if (date > day) throw validation('on', `${label}不能晚于今天`);
  if (date < foundOn) throw validation('on', `${label}不能早于排查发现日期 ${foundOn}`);
  return date;
}

async function saved(tx: Ctx, id: string) {
  const row = await repo.findChildById(tx.db, id);
  if (!row) throw notFound('排查儿童记录');
  return toChildDetail(tx, row);
}

/** The 困境儿童 case for the intervention: an existing one naming the child (opened, hence audited), or a new one through the cases service. */
async function interventionCase(tx: Ctx, row: repo.ChildRow, input: InterventionBody, title: string): Promise<string> {
  if (input.caseId) {
    const existing = await getCase(tx, input.caseId);
    if (existing.kind !== '困境儿童') throw validation('caseId', '关联的个案须为困境儿童个案');
    if (!existing.parties.some((p) => p.personId === row.person_id)) throw validation('caseId', '该个案的当事人中没有这名儿童');
    return existing.id;
  }
  if (!input.summary) throw validation('summary', '登记困境儿童个案须填写案情摘要');
  const body: CreateCaseBody = {
    kind: '困境儿童', channel: input.channel, summary: input.summary, riskLevel: row.risk_level as '高' | '中' | '低', orgId: row.org_id,
    subkind: `摸底排查：${title}`.slice(0, 20), parties: [{ personId: row.person_id, role: '儿童' }],
  };
  return (await createCase(tx, body)).id;
}

/** Records the intervention for a child: a 困境儿童 case (new or linked) or another measure with its date. Once per child. */
export async function recordIntervention(ctx: Ctx, id: string, input: InterventionBody) {
  const row = await openChild(ctx, id, 'write');
  if (row.intervened_on) throw new AppError('CONFLICT', `该儿童已于 ${row.intervened_on} 登记干预措施`);
  assertRecordDates(ctx, [['on', '干预日期', input.on]]);
  const campaign = await openCampaign(ctx, row.screening_id);
  const on = stepDate(ctx, input.on, row.found_on, '干预日期');
  if (input.mode === 'measure' && !input.measure) throw validation('measure', '请填写干预措施');
  return inTransaction(ctx, async (tx) => {
    const caseId = input.mode === 'case' ? await interventionCase(tx, row, input, campaign.title) : null;
    const patch: Partial<ScreeningChildTable> = { intervention_kind: input.mode, case_id: caseId, intervention_measure: input.mode === 'measure' ? (input.measure ?? null) : null, intervened_on: on, updated_at: nowIso(tx) };
    await repo.updateChild(tx.db, id, patch);
    await appendAudit(tx, { action: 'intervene', entity: 'screening_child', entityId: id, orgId: row.org_id, detail: { screeningId: row.screening_id, mode: input.mode, caseId, on } });
    return saved(tx, id);
  });
}

/** Records the pairing (结对跟踪): a helper (person of the registry, or a name) or a unit, the date and the commitment. Once per child. */
export async function recordPairing(ctx: Ctx, id: string, input: PairingBody) {
  const row = await openChild(ctx, id, 'write');
  if (row.paired_on) throw new AppError('CONFLICT', `该儿童已于 ${row.paired_on} 登记结对`);
  assertRecordDates(ctx, [['on', '结对日期', input.on]]);
  const on = stepDate(ctx, input.on, row.found_on, '结对日期');
  let helperName = input.helperName ?? null;
  if (input.helperPersonId) {
    await assertPersonInScope(ctx, 'person.read', input.helperPersonId, 'helperPersonId');
    helperName = (await repo.peopleOf(ctx.db, [input.helperPersonId])).get(input.helperPersonId)?.name ?? helperName;
  }
  const helperOrgId = input.helperOrgId ? await resolveOrgInScope(ctx, 'org.read', input.helperOrgId, 'helperOrgId') : null;
  return inTransaction(ctx, async (tx) => {
    await repo.updateChild(tx.db, id, {
      helper_name: helperName, helper_person_id: input.helperPersonId ?? null, helper_org_id: helperOrgId, pair_commitment: input.commitment, paired_on: on, updated_at: nowIso(tx),
    });
    await appendAudit(tx, { action: 'pair', entity: 'screening_child', entityId: id, orgId: row.org_id, detail: { screeningId: row.screening_id, helperPersonId: input.helperPersonId ?? null, helperOrgId, on } });
    return saved(tx, id);
  });
}

import { shanghaiDate } from '../../../domain/dates';
import { checkIdNumber } from '../../../domain/id-number';
import { newId } from '../../../domain/ids';
import { assistanceInput, type AssistanceInput, deleteInput } from '../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { fenToYuan } from '../../../domain/money';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertInCatalog } from '../catalogs/catalogs.service';
import { assertKeyFree, checkListOrg, createdBy, findLiveForWrite, guardKey, ledgerTotal, orgNames, overlay, parseWith, resolveLedgerOrg, resolvePersonRef, softDeleteRow } from '../catalogs/ledger-kit';
import { personSummaries } from '../people/people.service';
import { type AssistanceWarning, duplicateWarning, findDuplicateAssistance } from './assistance.duplicates';
import * as repo from './assistance.repo';
import type { AssistanceBody, ListAssistanceQuery } from './assistance.schemas';

export { findDuplicateAssistance, type AssistanceWarning, type DuplicateCandidate, type DuplicateRecord } from './assistance.duplicates';

/** 帮扶救助台账: help given to a person or household, in 分. */
export interface AssistanceItem {
  id: string;
  orgId: string;
  orgName: string;
  personId: string | null;
  personName: string | null;
  personIdNumber: string | null; // masked
  householdId: string | null;
  program: string;
  form: string;
  amountFen: number;
  amountYuan: string;
  goods: string | null;
  givenOn: string;
  funder: string | null;
  note: string | null;
  batchId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

async function toItems(ctx: Ctx, rows: repo.AssistanceRow[]): Promise<AssistanceItem[]> {
  const names = await orgNames(ctx, rows.map((r) => r.org_id));
  const people = await personSummaries(ctx, rows.flatMap((r) => (r.person_id ? [r.person_id] : [])));
  return rows.map((r) => {
    const p = r.person_id ? people.get(r.person_id) : undefined;
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: names.get(r.org_id) ?? '',
      personId: r.person_id,
      personName: p?.name ?? null,
      personIdNumber: p?.idNumber ?? null,
      householdId: r.household_id,
      program: r.program,
      form: r.form,
      amountFen: Number(r.amount_fen),
      amountYuan: fenToYuan(Number(r.amount_fen)),
      goods: r.goods,
      givenOn: r.given_on,
      funder: r.funder,
      note: r.note,
      batchId: r.batch_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      deleteReason: r.delete_reason,
    };
  });
}

const keyLabel = (a: { program: string; givenOn: string }) => `同一对象、${a.program}、${a.givenOn}、同一金额`;

/** The household helped: the one named (in scope), else the person's household when they belong to exactly one. */
async function householdFor(tx: Ctx, a: AssistanceInput, personId: string | null): Promise<string | null> {
  if (a.householdId) {
    if (!(await repo.householdInScope(tx.db, orgScope(tx, 'ledger.write'), a.householdId))) {
      throw new AppError('NOT_FOUND', '家庭不存在或不在您的管辖范围内', [{ path: 'householdId', message: '家庭不存在或不在您的管辖范围内' }]);
    }
    return a.householdId;
  }
  if (!personId) return null;
  return (await soleHouseholdsOf(tx, [personId])).get(personId) ?? null;
}

/** The household a person's assistance is counted for, when they belong to exactly one (also for imports). */
export function soleHouseholdsOf(ctx: Ctx, personIds: string[]): Promise<Map<string, string>> {
  return repo.soleHouseholds(ctx.db, personIds);
}

async function prepare(tx: Ctx, a: AssistanceInput) {
  const orgId = await resolveLedgerOrg(tx, a);
  await assertInCatalog(tx, 'assistance_program', a.program, orgId, 'program');
  const personId = await resolvePersonRef(tx, a, orgId);
  const householdId = await householdFor(tx, a, personId);
  const amountFen = a.amountYuan ?? 0;
  return {
    org_id: orgId,
    person_id: personId,
    household_id: householdId,
    program: a.program,
    form: a.form,
    amount_fen: amountFen,
    goods: a.goods || null,
    given_on: a.givenOn,
    funder: a.funder || null,
    note: a.note || null,
    natural_key: naturalKeys.assistance({ personId, householdId, program: a.program, givenOn: a.givenOn, amountFen, orgId }),
  };
}

export async function createAssistance(ctx: Ctx, input: AssistanceBody, opts: { batchId?: string } = {}): Promise<AssistanceItem & { warnings: AssistanceWarning[] }> {
  orgScope(ctx, 'ledger.write');
  const a = parseWith(assistanceInput(shanghaiDate(ctx.now())), input);
  return guardKey(keyLabel(a), () =>
    inTransaction(ctx, async (tx) => {
      const columns = await prepare(tx, a);
      await assertKeyFree(tx, 'assistance', columns.natural_key, keyLabel(a));
      const [others] = await findDuplicateAssistance(tx, [{ personId: columns.person_id, program: a.program, givenOn: a.givenOn, orgId: columns.org_id }]);
      const now = nowIso(tx);
      const id = newId();
      await repo.insertAssistance(tx.db, { id, ...columns, batch_id: opts.batchId ?? null, created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null, delete_reason: null });
      const warnings = others.length ? [duplicateWarning(tx, a.givenOn, others)] : [];
      await appendAudit(tx, {
        action: 'create', entity: 'assistance', entityId: id, orgId: columns.org_id,
        detail: { program: a.program, givenOn: a.givenOn, amountFen: columns.amount_fen, ...(warnings.length ? { duplicateOf: others.map((o) => o.id) } : {}) },
      });
      return { ...(await toItems(tx, [await loadRow(tx, id)]))[0], warnings };
    }),
  );
}

async function loadRow(ctx: Ctx, id: string): Promise<repo.AssistanceRow> {
  const row = await repo.findAssistance(ctx.db, { all: true, roots: [] }, id);
  if (!row) throw notFound('帮扶记录');
  return row;
}

export async function getAssistance(ctx: Ctx, id: string): Promise<AssistanceItem> {
  const row = await repo.findAssistance(ctx.db, orgScope(ctx, 'ledger.read'), id);
  if (!row) throw notFound('帮扶记录');
  return (await toItems(ctx, [row]))[0];
}

export async function listAssistance(ctx: Ctx, q: ListAssistanceQuery) {
  const scope = orgScope(ctx, 'ledger.read');
  await checkListOrg(ctx, q.orgId);
  const asId = q.q ? checkIdNumber(q.q, shanghaiDate(ctx.now())) : null;
  const f = { ...q, personIndex: asId?.ok ? ctx.crypto.blindIndex(asId.info.idNumber) : undefined };
  const rows = await repo.listAssistanceRows(ctx.db, scope, f, q.page, q.pageSize);
  const total = await ledgerTotal(ctx, 'assistance', scope, f, () => repo.countAssistance(ctx.db, scope, f));
  return { items: await toItems(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}


export async function updateAssistance(ctx: Ctx, id: string, patch: Partial<AssistanceBody>): Promise<AssistanceItem> {
  orgScope(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    await findLiveForWrite(tx, 'assistance', id, '帮扶记录');
    const [c] = await toItems(tx, [await loadRow(tx, id)]);
    const base: AssistanceBody = {
      personId: c.personId ?? undefined, householdId: c.householdId ?? undefined, program: c.program, form: c.form as AssistanceInput['form'],
      amountYuan: c.amountFen ? c.amountYuan : undefined, goods: c.goods, givenOn: c.givenOn, funder: c.funder, note: c.note, orgId: c.orgId,
    };
    const a = parseWith(assistanceInput(shanghaiDate(ctx.now())), overlay(base, patch));
    const columns = await prepare(tx, a);
    await assertKeyFree(tx, 'assistance', columns.natural_key, keyLabel(a), id);
    await repo.updateAssistanceRow(tx.db, id, { ...columns, updated_at: nowIso(tx) });
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'assistance', entityId: id, orgId: columns.org_id, detail: { fields } });
    return (await toItems(tx, [await loadRow(tx, id)]))[0];
  });
}

export async function deleteAssistance(ctx: Ctx, id: string, input: { reason: string }): Promise<void> {
  const { reason } = parseWith(deleteInput, input);
  await inTransaction(ctx, (tx) => softDeleteRow(tx, 'assistance', 'assistance', '帮扶记录', id, reason));
}

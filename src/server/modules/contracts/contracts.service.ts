import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { contractInput, type ContractInput, deleteInput } from '../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { notFound } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertKeyFree, checkListOrg, createdBy, findLiveForWrite, guardKey, ledgerTotal, orgNames, overlay, parseWith, resolveLedgerOrg, softDeleteRow } from '../catalogs/ledger-kit';
import * as repo from './contracts.repo';
import type { ContractBody, ListContractsQuery } from './contracts.schemas';

/** 集体合同台账. */
export interface ContractItem {
  id: string;
  orgId: string;
  orgName: string;
  enterprise: string;
  type: string;
  signedOn: string;
  expiresOn: string | null;
  workers: number;
  note: string | null;
  batchId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

async function toItems(ctx: Ctx, rows: repo.ContractRow[]): Promise<ContractItem[]> {
  const names = await orgNames(ctx, rows.map((r) => r.org_id));
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, orgName: names.get(r.org_id) ?? '', enterprise: r.enterprise, type: r.type, signedOn: r.signed_on, expiresOn: r.expires_on,
    workers: Number(r.workers), note: r.note, batchId: r.batch_id, createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at, deleteReason: r.delete_reason,
  }));
}

const keyLabel = (c: { enterprise: string; type: string; signedOn: string }) => `${c.enterprise}，${c.type}，${c.signedOn}`;

async function prepare(tx: Ctx, c: ContractInput) {
  const orgId = await resolveLedgerOrg(tx, c);
  return {
    org_id: orgId, enterprise: c.enterprise, type: c.type, signed_on: c.signedOn, expires_on: c.expiresOn ?? null, workers: c.workers, note: c.note || null,
    natural_key: naturalKeys.contract({ enterprise: c.enterprise, type: c.type, signedOn: c.signedOn, orgId }),
  };
}

async function loadRow(ctx: Ctx, id: string): Promise<repo.ContractRow> {
  const row = await repo.findContract(ctx.db, { all: true, roots: [] }, id);
  if (!row) throw notFound('集体合同');
  return row;
}

export async function createContract(ctx: Ctx, input: ContractBody, opts: { batchId?: string } = {}): Promise<ContractItem> {
  orgScope(ctx, 'ledger.write');
  const c = parseWith(contractInput(shanghaiDate(ctx.now())), input);
  return guardKey(keyLabel(c), () =>
    inTransaction(ctx, async (tx) => {
      const columns = await prepare(tx, c);
      await assertKeyFree(tx, 'contracts', columns.natural_key, keyLabel(c));
      const now = nowIso(tx);
      const id = newId();
      await repo.insertContract(tx.db, { id, ...columns, batch_id: opts.batchId ?? null, created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null, delete_reason: null });
      await appendAudit(tx, { action: 'create', entity: 'contract', entityId: id, orgId: columns.org_id, detail: { enterprise: c.enterprise, type: c.type, signedOn: c.signedOn } });
      return (await toItems(tx, [await loadRow(tx, id)]))[0];
    }),
  );
}

export async function getContract(ctx: Ctx, id: string): Promise<ContractItem> {
  const row = await repo.findContract(ctx.db, orgScope(ctx, 'ledger.read'), id);
  if (!row) throw notFound('集体合同');
  return (await toItems(ctx, [row]))[0];
}

export async function listContracts(ctx: Ctx, q: ListContractsQuery) {
  const scope = orgScope(ctx, 'ledger.read');
  await checkListOrg(ctx, q.orgId);
  const rows = await repo.listContractRows(ctx.db, scope, q, q.page, q.pageSize);
  const total = await ledgerTotal(ctx, 'contracts', scope, q, () => repo.countContracts(ctx.db, scope, q));
  return { items: await toItems(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}


export async function updateContract(ctx: Ctx, id: string, patch: Partial<ContractBody>): Promise<ContractItem> {
  orgScope(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    await findLiveForWrite(tx, 'contracts', id, '集体合同');
    const [cur] = await toItems(tx, [await loadRow(tx, id)]);
    const base: ContractBody = {
      enterprise: cur.enterprise, type: cur.type as ContractInput['type'], signedOn: cur.signedOn, expiresOn: cur.expiresOn, workers: cur.workers, note: cur.note, orgId: cur.orgId,
    };
    const c = parseWith(contractInput(shanghaiDate(ctx.now())), overlay(base, patch));
    const columns = await prepare(tx, c);
    await assertKeyFree(tx, 'contracts', columns.natural_key, keyLabel(c), id);
    await repo.updateContractRow(tx.db, id, { ...columns, updated_at: nowIso(tx) });
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'contract', entityId: id, orgId: columns.org_id, detail: { fields } });
    return (await toItems(tx, [await loadRow(tx, id)]))[0];
  });
}

export async function deleteContract(ctx: Ctx, id: string, input: { reason: string }): Promise<void> {
  const { reason } = parseWith(deleteInput, input);
  await inTransaction(ctx, (tx) => softDeleteRow(tx, 'contracts', 'contract', '集体合同', id, reason));
}

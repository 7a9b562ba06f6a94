import { type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ContractTable, DB } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';
import { ledgerUnitConditions, like, likeContains } from '../catalogs/ledger-kit';
import type { ContractFilters } from './contracts.schemas';

/** Kysely queries for collective contracts (集体合同); no rules here. */
export type ContractRow = Selectable<ContractTable>;

export async function insertContract(db: Kysely<DB>, row: Insertable<ContractTable>): Promise<void> {
  await db.insertInto('contracts').values(row).execute();
}

export async function updateContractRow(db: Kysely<DB>, id: string, patch: Partial<ContractTable>): Promise<void> {
  await db.updateTable('contracts').set(patch).where('id', '=', id).execute();
}

export async function findContract(db: Kysely<DB>, scope: OrgScope, id: string): Promise<ContractRow | undefined> {
  return db.selectFrom('contracts').selectAll().where('id', '=', id).where(orgInScope(scope, 'contracts.org_id')).executeTakeFirst();
}

function filtered(db: Kysely<DB>, scope: OrgScope, f: ContractFilters, shape: 'rows' | 'count') {
  let qb = db.selectFrom('contracts as c');
  for (const c of ledgerUnitConditions(shape, scope, 'c.org_id', f.orgId)) qb = qb.where(c);
  if (f.includeDeleted !== 'true') qb = qb.where('c.deleted_at', 'is', null);
  if (f.from) qb = qb.where('c.signed_on', '>=', f.from);
  if (f.to) qb = qb.where('c.signed_on', '<=', f.to);
  if (f.type) qb = qb.where('c.type', '=', f.type);
  if (f.q) qb = qb.where(like('c.enterprise', likeContains(f.q)));
  return qb;
}

export async function listContractRows(db: Kysely<DB>, scope: OrgScope, f: ContractFilters, page: number, pageSize: number) {
  return filtered(db, scope, f, 'rows').selectAll('c').orderBy('c.signed_on', 'desc').orderBy('c.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countContracts(db: Kysely<DB>, scope: OrgScope, f: ContractFilters): Promise<number> {
  const r = await filtered(db, scope, f, 'count').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

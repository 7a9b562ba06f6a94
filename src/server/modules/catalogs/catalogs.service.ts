import { activityTypes, assistancePrograms, type CatalogName } from '../../../domain/ledgers/catalogs';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { assertOrgInScope, defaultOrgId, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import type { AddCatalogItemBody } from './catalogs.schemas';

/** Per-unit catalogues extending the built-in lists; a unit uses its own and its ancestors' entries. */
export const builtinCatalog: Record<CatalogName, readonly string[]> = {
  activity_type: activityTypes,
  assistance_program: assistancePrograms,
  funder: [], // free text; the catalogue only offers names already used
};
const catalogLabels: Record<CatalogName, string> = { activity_type: '活动类型', assistance_program: '帮扶项目', funder: '资金来源' };

export interface CatalogEntry {
  name: string;
  builtin: boolean;
  id: string | null;
  orgId: string | null;
  orgName: string | null;
}

async function ownEntries(ctx: Ctx, catalog: CatalogName, unitIds: string[] | null) {
  let qb = ctx.db
    .selectFrom('catalog_items as c')
    .innerJoin('org_units as u', 'u.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.org_id', 'u.name as org_name'])
    .where('c.catalog', '=', catalog);
  // the entries of these units' ancestors (a unit is its own ancestor at depth 0)
  if (unitIds) qb = qb.where('c.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', 'in', unitIds));
  return qb.orderBy('c.created_at').orderBy('c.id').execute();
}

export async function listCatalog(ctx: Ctx, catalog: CatalogName, q: { orgId?: string }) {
  const scope = orgScope(ctx, 'ledger.read');
  let units: string[] | null;
  if (q.orgId) {
    await assertOrgInScope(ctx, 'ledger.read', q.orgId);
    units = [q.orgId];
  } else units = scope.all ? null : scope.roots;
  const builtin = builtinCatalog[catalog];
  const own = (await ownEntries(ctx, catalog, units)).filter((r) => !builtin.includes(r.name));
  const items: CatalogEntry[] = [
    ...builtin.map((name) => ({ name, builtin: true, id: null, orgId: null, orgName: null })),
    ...own.map((r) => ({ name: r.name, builtin: false, id: r.id, orgId: r.org_id, orgName: r.org_name })),
  ];
  return { catalog, label: catalogLabels[catalog], items };
}

export async function addCatalogItem(ctx: Ctx, catalog: CatalogName, input: AddCatalogItemBody): Promise<CatalogEntry> {
  orgScope(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    const orgId = input.orgId ? await resolveOrgInScope(tx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(tx, 'ledger.write');
    const exists = builtinCatalog[catalog].includes(input.name) || (await ownEntries(tx, catalog, [orgId])).some((r) => r.name === input.name);
    const taken = `${catalogLabels[catalog]}“${input.name}”已存在`;
    if (exists) throw new AppError('CONFLICT', taken, [{ path: 'name', message: taken }]);
    const row = { id: newId(), catalog, name: input.name, org_id: orgId, created_at: nowIso(tx) };
    await tx.db.insertInto('catalog_items').values(row).execute();
    await appendAudit(tx, { action: 'create', entity: 'catalog_item', entityId: row.id, orgId, detail: { catalog, name: input.name } });
    const org = await tx.db.selectFrom('org_units').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
    return { name: row.name, builtin: false, id: row.id, orgId, orgName: org.name };
  });
}

/**
 * 400 naming `path` unless `name` is a built-in entry or one the unit or an ancestor added.
 * (Activity types and assistance programs; funders are free text.)
 */
export async function assertInCatalog(ctx: Ctx, catalog: CatalogName, name: string, orgId: string, path: string): Promise<void> {
  if (builtinCatalog[catalog].includes(name)) return;
  const own = await ctx.db
    .selectFrom('catalog_items')
    .select('id')
    .where('catalog', '=', catalog)
    .where('name', '=', name)
    .where('org_id', 'in', (eb) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId))
    .executeTakeFirst();
  if (own) return;
  const message = `${catalogLabels[catalog]}“${name}”不在目录中，请先在${catalogLabels[catalog]}目录中添加`;
  throw new AppError('VALIDATION', message, [{ path, message }]);
}

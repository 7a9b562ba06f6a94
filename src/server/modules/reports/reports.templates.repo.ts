import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, ReportTemplateTable, ReportTemplateVersionTable } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';
import { inSubtree } from '../catalogs/ledger-kit';

/** Kysely queries for stored report templates; no rules here. */
export type TemplateRow = Selectable<ReportTemplateTable> & { org_code: string; org_name: string };
export type VersionRow = Selectable<ReportTemplateVersionTable>;

function templates(db: Kysely<DB>) {
  return db
    .selectFrom('report_templates as t')
    .innerJoin('org_units as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select(['o.code as org_code', 'o.name as org_name'])
    .where('t.deleted_at', 'is', null);
}

export async function findTemplate(db: Kysely<DB>, scope: OrgScope, id: string): Promise<TemplateRow | undefined> {
  return templates(db).where('t.id', '=', id).where(orgInScope(scope, 't.org_id')).executeTakeFirst();
}

export async function listTemplates(db: Kysely<DB>, scope: OrgScope, f: { orgId?: string; kind?: string }): Promise<TemplateRow[]> {
  let qb = templates(db).where(orgInScope(scope, 't.org_id'));
  if (f.orgId) qb = qb.where(inSubtree('t.org_id', f.orgId));
  if (f.kind) qb = qb.where('t.kind', '=', f.kind);
  return qb.orderBy('o.sort_order').orderBy('o.code').orderBy('t.updated_at', 'desc').orderBy('t.id').execute();
}

/**
 * Templates of `kind` held by `orgId` or one of its ancestors, nearest unit first, the latest saved
 * first within a unit: the first one is the template a report of that unit uses.
 */
export async function inheritedTemplates(db: Kysely<DB>, orgId: string, kind: string): Promise<TemplateRow[]> {
  return templates(db)
    .innerJoin('org_closure as c', 'c.ancestor_id', 't.org_id')
    .where('c.descendant_id', '=', orgId)
    .where('t.kind', '=', kind)
    .orderBy('c.depth')
    .orderBy('t.updated_at', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

/** A template held by `orgId` or one of its ancestors (a report may use what it inherits). */
export async function findInheritedTemplate(db: Kysely<DB>, orgId: string, id: string): Promise<TemplateRow | undefined> {
  return templates(db).innerJoin('org_closure as c', 'c.ancestor_id', 't.org_id').where('c.descendant_id', '=', orgId).where('t.id', '=', id).executeTakeFirst();
}

export async function listVersions(db: Kysely<DB>, templateId: string): Promise<VersionRow[]> {
  return db.selectFrom('report_template_versions').selectAll().where('template_id', '=', templateId).orderBy('version', 'desc').execute();
}

export async function findVersion(db: Kysely<DB>, templateId: string, version: number): Promise<VersionRow | undefined> {
  return db.selectFrom('report_template_versions').selectAll().where('template_id', '=', templateId).where('version', '=', version).executeTakeFirst();
}

export async function insertTemplate(db: Kysely<DB>, row: Insertable<ReportTemplateTable>): Promise<void> {
  await db.insertInto('report_templates').values(row).execute();
}

export async function insertVersion(db: Kysely<DB>, row: Insertable<ReportTemplateVersionTable>): Promise<void> {
  await db.insertInto('report_template_versions').values(row).execute();
}

/** Moves the template to `version` only if it is still at `from` (two saves at once: one wins). */
export async function bumpVersion(db: Kysely<DB>, id: string, from: number, set: { version: number; name: string; kind: string; updated_by: string | null; updated_by_name: string | null; updated_at: string }): Promise<boolean> {
  const r = await db.updateTable('report_templates').set(set).where('id', '=', id).where('version', '=', from).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function softDelete(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('report_templates').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
}

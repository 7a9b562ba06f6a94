import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import type { ReportKind } from '../../../domain/report/figures';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, defaultOrgId, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { parseWith } from '../catalogs/ledger-kit';
import { checkTemplate, templateIssuesError } from './reports.check';
import * as repo from './reports.templates.repo';
import {
  createReportTemplateBody,
  type CreateReportTemplateBody,
  type ListReportTemplatesQuery,
  saveReportTemplateBody,
  type SaveReportTemplateBody,
  type TemplateKind,
} from './reports.templates.schemas';

/**
 * Report templates stored per unit (工作报告模板). Reading needs ledger.read, writing ledger.write (the
 * staff who keep the ledgers write the report). Each save is a new version; old versions stay
 * readable. A template is checked in full for its unit (metrics, filters, units named) before it is
 * saved, as before any report is generated.
 */
const what = '报告模板';

export interface TemplateItem {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  name: string;
  kind: TemplateKind;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
  createdAt: string;
}

export interface TemplateVersion {
  version: number;
  name: string;
  kind: TemplateKind;
  note: string | null;
  createdAt: string;
  createdByName: string | null;
}

const item = (r: repo.TemplateRow): TemplateItem => ({
  id: r.id, orgId: r.org_id, orgCode: r.org_code, orgName: r.org_name, name: r.name, kind: r.kind as TemplateKind, version: Number(r.version),
  updatedAt: r.updated_at, updatedByName: r.updated_by_name, createdAt: r.created_at,
});
const version = (v: repo.VersionRow): TemplateVersion => ({ version: Number(v.version), name: v.name, kind: v.kind as TemplateKind, note: v.note, createdAt: v.created_at, createdByName: v.created_by_name });

function saver(ctx: Ctx): { id: string | null; name: string } {
  const a = ctx.actor;
  if (a.kind === 'user') return { id: a.id, name: a.displayName || a.username };
  return { id: null, name: a.kind === 'system' ? `系统（${a.name}）` : '公众' };
}

async function load(ctx: Ctx, id: string, permission: 'ledger.read' | 'ledger.write'): Promise<repo.TemplateRow> {
  const row = await repo.findTemplate(ctx.db, orgScope(ctx, permission), id);
  if (!row) throw notFound(what);
  return row;
}

/** Checks the template for its unit; the year does not change what is valid, so this year's is used. */
async function assertValid(ctx: Ctx, orgId: string, source: string, kind: TemplateKind): Promise<void> {
  const org = await ctx.db.selectFrom('org_units').select(['code', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const at = { kind: (kind === 'half-year' ? 'half-year' : 'annual') as ReportKind, year: Number(shanghaiDate(ctx.now()).slice(0, 4)), org: org.code, orgName: org.name };
  const check = await checkTemplate(ctx, orgId, source, at);
  if (!check.ok) throw templateIssuesError(check.issues);
}

export async function listReportTemplates(ctx: Ctx, q: ListReportTemplatesQuery): Promise<{ items: TemplateItem[] }> {
  const scope = orgScope(ctx, 'ledger.read');
  if (q.orgId) await assertOrgInScope(ctx, 'ledger.read', q.orgId);
  return { items: (await repo.listTemplates(ctx.db, scope, q)).map(item) };
}

export async function getReportTemplate(ctx: Ctx, id: string): Promise<TemplateItem & { body: string; note: string | null; versions: TemplateVersion[] }> {
  const row = await load(ctx, id, 'ledger.read');
  const versions = await repo.listVersions(ctx.db, id);
  const current = versions.find((v) => Number(v.version) === Number(row.version));
  if (!current) throw notFound(what);
  return { ...item(row), body: current.body, note: current.note, versions: versions.map(version) };
}

export async function getReportTemplateVersion(ctx: Ctx, id: string, n: number): Promise<TemplateVersion & { templateId: string; body: string }> {
  await load(ctx, id, 'ledger.read');
  const v = await repo.findVersion(ctx.db, id, n);
  if (!v) throw notFound(`${what}第 ${n} 版`);
  return { templateId: id, ...version(v), body: v.body };
}

export async function createReportTemplate(ctx: Ctx, input: CreateReportTemplateBody) {
  orgScope(ctx, 'ledger.write');
  const body = parseWith(createReportTemplateBody, input);
  const id = await inTransaction(ctx, async (tx) => {
    const orgId = body.orgId ? await resolveOrgInScope(tx, 'ledger.write', body.orgId, 'orgId') : defaultOrgId(tx, 'ledger.write');
    await assertValid(tx, orgId, body.body, body.kind);
    const newTemplateId = newId();
    const now = nowIso(tx);
    const who = saver(tx);
    await repo.insertTemplate(tx.db, {
      id: newTemplateId, org_id: orgId, name: body.name, kind: body.kind, version: 1, created_by: who.id, created_at: now,
      updated_by: who.id, updated_by_name: who.name, updated_at: now, deleted_at: null,
    });
    await repo.insertVersion(tx.db, {
      id: newId(), template_id: newTemplateId, version: 1, name: body.name, kind: body.kind, body: body.body, note: body.note || null,
      created_by: who.id, created_by_name: who.name, created_at: now,
    });
    await appendAudit(tx, { action: 'create', entity: 'report_template', entityId: newTemplateId, orgId, detail: { name: body.name, kind: body.kind, version: 1 } });
    return newTemplateId;
  });
  return getReportTemplate(ctx, id);
}

/** PUT: the body (and optionally name and kind) become a new version; the earlier ones stay. */
export async function saveReportTemplate(ctx: Ctx, id: string, input: SaveReportTemplateBody) {
  orgScope(ctx, 'ledger.write');
  const body = parseWith(saveReportTemplateBody, input);
  await inTransaction(ctx, async (tx) => {
    const cur = await load(tx, id, 'ledger.write');
    const from = Number(cur.version);
    if (body.baseVersion !== undefined && body.baseVersion !== from) {
      const message = `模板已被他人保存为第 ${from} 版，请先查看最新版本再保存`;
      throw new AppError('CONFLICT', message, [{ path: 'baseVersion', message }]);
    }
    const kind = body.kind ?? (cur.kind as TemplateKind);
    const name = body.name ?? cur.name;
    await assertValid(tx, cur.org_id, body.body, kind);
    const now = nowIso(tx);
    const who = saver(tx);
    const next = from + 1;
    if (!(await repo.bumpVersion(tx.db, id, from, { version: next, name, kind, updated_by: who.id, updated_by_name: who.name, updated_at: now }))) {
      throw new AppError('CONFLICT', '模板刚被他人保存，请刷新后再试');
    }
    await repo.insertVersion(tx.db, { id: newId(), template_id: id, version: next, name, kind, body: body.body, note: body.note || null, created_by: who.id, created_by_name: who.name, created_at: now });
    await appendAudit(tx, { action: 'update', entity: 'report_template', entityId: id, orgId: cur.org_id, detail: { version: next, name, kind } });
  });
  return getReportTemplate(ctx, id);
}

/** Soft delete: the template leaves every list and lookup; its versions stay for the audit trail. */
export async function deleteReportTemplate(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const cur = await load(tx, id, 'ledger.write');
    await repo.softDelete(tx.db, id, nowIso(tx));
    await appendAudit(tx, { action: 'delete', entity: 'report_template', entityId: id, orgId: cur.org_id, detail: { name: cur.name, version: Number(cur.version) } });
  });
}

export interface StoredTemplate {
  id: string;
  name: string;
  version: number;
  body: string;
  orgCode: string;
  orgName: string;
  /** true when the template belongs to an ancestor of the reporting unit */
  inherited: boolean;
}

/**
 * The stored template a report of `orgId` uses: `templateId` when given (a template of a unit in the
 * caller's scope, or of an ancestor of the reporting unit), else the unit's own latest template of
 * `kind`, else its nearest ancestor's; null when there is none (the default template applies).
 */
export async function findStoredTemplate(ctx: Ctx, orgId: string, kind: ReportKind, templateId?: string): Promise<StoredTemplate | null> {
  let row: repo.TemplateRow | undefined;
  if (templateId) {
    row = (await repo.findTemplate(ctx.db, orgScope(ctx, 'ledger.read'), templateId)) ?? (await repo.findInheritedTemplate(ctx.db, orgId, templateId));
    if (!row) throw notFound(what);
  } else {
    row = (await repo.inheritedTemplates(ctx.db, orgId, kind))[0];
    if (!row) return null;
  }
  const v = await repo.findVersion(ctx.db, row.id, Number(row.version));
  if (!v) throw notFound(what);
  return { id: row.id, name: row.name, version: Number(row.version), body: v.body, orgCode: row.org_code, orgName: row.org_name, inherited: row.org_id !== orgId };
}

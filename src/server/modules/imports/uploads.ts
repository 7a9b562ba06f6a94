import { createHash } from 'node:crypto';
import { newId } from '../../../domain/ids';
import { type Ctx, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { orgInScope, orgScope } from '../../http/scope';
import type { ImportKind } from './kinds/types';

/**
 * Uploaded files, kept in the database (import_uploads) for commit and the error workbook, for
 * `QUNTUAN_UPLOAD_HOURS` (24 by default) after the upload. A workbook is full of ID numbers, so the
 * bytes and the file name are sealed with the personal-data key (AES-256-GCM), the upload is deleted
 * as soon as its import is committed or cancelled, and backups leave the table out. Expired files are
 * deleted lazily: on the next upload and once at server start.
 */
export interface ImportUploadTable {
  id: string;
  kind: string;
  org_id: string;
  filename: string;
  sha256: string;
  size: number;
  content: Buffer;
  batch_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface StoredUpload {
  id: string;
  kind: ImportKind;
  orgId: string;
  filename: string;
  sha256: string;
  content: Buffer;
  batchId: string | null;
}

const uploads = (ctx: Ctx) => ctx.db.withTables<{ import_uploads: ImportUploadTable }>();

export const sha256Of = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

export function writePermission(kind: ImportKind): 'person.write' | 'ledger.write' {
  return kind === 'people' || kind === 'households' ? 'person.write' : 'ledger.write';
}

/** The moment before which an upload has expired. */
const cutoff = (ctx: Ctx, hours: number) => new Date(ctx.now().getTime() - hours * 3600_000).toISOString();

export const uploadMissing = (hours: number) =>
  new AppError('NOT_FOUND', `上传的文件不存在（导入或取消后即删除）、已过期（上传后保留 ${hours} 小时）或无权访问，请重新上传`);
export const uploadExpired = (hours: number) => new AppError('NOT_FOUND', `上传的文件已过期（上传后保留 ${hours} 小时），请重新上传`);

/** Deletes the uploads older than `hours`; returns how many. */
export async function deleteExpiredUploads(ctx: Ctx, hours: number): Promise<number> {
  const r = await uploads(ctx).deleteFrom('import_uploads').where('created_at', '<', cutoff(ctx, hours)).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function saveUpload(ctx: Ctx, u: { kind: ImportKind; orgId: string; filename: string; content: Buffer }, hours: number): Promise<string> {
  await deleteExpiredUploads(ctx, hours);
  const id = newId();
  await uploads(ctx)
    .insertInto('import_uploads')
    .values({
      id,
      kind: u.kind,
      org_id: u.orgId,
      filename: ctx.crypto.encrypt(u.filename),
      sha256: sha256Of(u.content),
      size: u.content.length,
      content: ctx.crypto.sealBytes(u.content),
      batch_id: null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      created_at: nowIso(ctx),
    })
    .execute();
  return id;
}

/** The upload's row when its unit is in the caller's scope for the kind's write permission; else 404. */
async function findUpload(ctx: Ctx, id: string, hours: number): Promise<ImportUploadTable> {
  const row = await uploads(ctx).selectFrom('import_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw uploadMissing(hours);
  const scope = orgScope(ctx, writePermission(row.kind as ImportKind));
  const inScope = await ctx.db.selectFrom('org_units').select('id').where('id', '=', row.org_id).where(orgInScope(scope, 'org_units.id')).executeTakeFirst();
  if (!inScope) throw uploadMissing(hours);
  return row;
}

/** An upload in the caller's scope and not expired, opened; else 404. */
export async function loadUpload(ctx: Ctx, id: string, hours: number): Promise<StoredUpload> {
  const row = await findUpload(ctx, id, hours);
  if (row.created_at < cutoff(ctx, hours)) throw uploadExpired(hours);
  const content = ctx.crypto.openBytes(Buffer.from(row.content));
  return { id: row.id, kind: row.kind as ImportKind, orgId: row.org_id, filename: ctx.crypto.decrypt(row.filename), sha256: row.sha256, content, batchId: row.batch_id };
}

export const uploadBusy = () => new AppError('CONFLICT', '该文件正在导入（已有人提交了确认导入），请勿重复提交；稍后可在导入记录中查看结果');

/**
 * Claims an upload for one commit: `batch_id` takes the id of the batch the commit will write, in
 * one conditional UPDATE, so of two commits of the same upload (two clicks, two tabs, two server
 * instances) only one goes on and the other gets 409 — on SQLite and PostgreSQL alike.
 */
export async function claimUpload(ctx: Ctx, id: string, batchId: string): Promise<void> {
  const r = await uploads(ctx).updateTable('import_uploads').set({ batch_id: batchId }).where('id', '=', id).where('batch_id', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw uploadBusy();
}

/** Gives a claimed upload back when its commit wrote no batch (errors, nothing new, a failure). */
export async function releaseUpload(ctx: Ctx, id: string, batchId: string): Promise<void> {
  await uploads(ctx).updateTable('import_uploads').set({ batch_id: null }).where('id', '=', id).where('batch_id', '=', batchId).execute();
}

/** Deletes an upload once its import is committed (nothing stays behind that a backup or a reader could copy). */
export async function deleteUpload(ctx: Ctx, id: string): Promise<void> {
  await uploads(ctx).deleteFrom('import_uploads').where('id', '=', id).execute();
}

/** 取消导入: the caller drops an upload of its scope (expired or not). */
export async function cancelUpload(ctx: Ctx, id: string, hours: number): Promise<void> {
  await findUpload(ctx, id, hours);
  await deleteUpload(ctx, id);
}

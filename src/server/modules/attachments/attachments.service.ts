import { createHash } from 'node:crypto';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy, findLedgerRow, findLiveForWrite } from '../catalogs/ledger-kit';
import { cleanFilename, detectFileKind } from './attachments.files';
import type { AttachmentEntity, AttachmentTarget } from './attachments.schemas';

/**
 * Attachments (photos, sign-in sheets) of a ledger record. The bytes are stored in the database;
 * an attachment belongs to its record's unit, and reading it needs the record in scope.
 */
export interface AttachmentView {
  id: string;
  entity: string;
  entityId: string;
  orgId: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

const withContent = (ctx: Ctx) => ctx.db.withTables<{ attachments: { content: Buffer | null } }>();
const columns = ['id', 'entity', 'entity_id', 'org_id', 'filename', 'mime', 'size', 'sha256', 'created_at'] as const;
type Row = { id: string; entity: string; entity_id: string; org_id: string; filename: string; mime: string; size: number; sha256: string; created_at: string };
const toView = (r: Row): AttachmentView => ({
  id: r.id, entity: r.entity, entityId: r.entity_id, orgId: r.org_id, filename: r.filename, mime: r.mime, size: Number(r.size), sha256: r.sha256, createdAt: r.created_at,
});

const typesHint = '只能上传 JPEG、PNG、WebP 图片，PDF，或 Excel（xlsx）、Word（docx）文件';

export async function addAttachment(ctx: Ctx, target: AttachmentTarget, file: { filename?: string; content: Buffer }): Promise<AttachmentView> {
  orgScope(ctx, 'ledger.write');
  const kind = detectFileKind(file.content);
  if (!kind) throw new AppError('VALIDATION', typesHint, [{ path: 'file', message: typesHint }]);
  return inTransaction(ctx, async (tx) => {
    const record = await findLiveForWrite(tx, target.entity, target.entityId, '记录');
    const row = {
      id: newId(), entity: target.entity, entity_id: target.entityId, org_id: record.org_id, filename: cleanFilename(file.filename, kind), mime: kind.mime,
      size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), created_by: createdBy(tx), created_at: nowIso(tx),
    };
    await withContent(tx).insertInto('attachments').values({ ...row, content: file.content }).execute();
    await appendAudit(tx, { action: 'create', entity: 'attachment', entityId: row.id, orgId: row.org_id, detail: { of: target, filename: row.filename, mime: row.mime, size: row.size, sha256: row.sha256 } });
    return toView(row);
  });
}

async function assertRecordReadable(ctx: Ctx, entity: string, entityId: string): Promise<void> {
  const record = await findLedgerRow(ctx, entity as AttachmentEntity, entityId, 'ledger.read');
  if (!record) throw notFound('记录');
}

export async function listAttachments(ctx: Ctx, target: AttachmentTarget) {
  await assertRecordReadable(ctx, target.entity, target.entityId);
  const rows = await ctx.db.selectFrom('attachments').select(columns).where('entity', '=', target.entity).where('entity_id', '=', target.entityId).orderBy('created_at').orderBy('id').execute();
  return { items: rows.map(toView), total: rows.length };
}

export async function getAttachmentFile(ctx: Ctx, id: string): Promise<AttachmentView & { content: Buffer }> {
  const row = await withContent(ctx).selectFrom('attachments').select([...columns, 'content']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('附件');
  await assertRecordReadable(ctx, row.entity, row.entity_id).catch(() => {
    throw notFound('附件');
  });
  return { ...toView(row), content: Buffer.from(row.content ?? Buffer.alloc(0)) };
}

export async function deleteAttachment(ctx: Ctx, id: string): Promise<void> {
  orgScope(ctx, 'ledger.write');
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('attachments').select(columns).where('id', '=', id).executeTakeFirst();
    if (!row || !(await findLedgerRow(tx, row.entity as AttachmentEntity, row.entity_id, 'ledger.write'))) throw notFound('附件');
    await tx.db.deleteFrom('attachments').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', entity: 'attachment', entityId: id, orgId: row.org_id, detail: { of: { entity: row.entity, entityId: row.entity_id }, filename: row.filename, sha256: row.sha256 } });
  });
}

import { createHash } from 'node:crypto';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { caseFileOwner } from '../cases/cases.service';
import { noticeFileOwner } from '../notices/notices.access';
import { nominationFileOwner } from '../selections/selections.publication';
import { stripImageMetadata } from './attachments.image-metadata';
import { createdBy, findLedgerRow, findLiveForWrite, type LedgerTable } from '../catalogs/ledger-kit';
import { cleanFilename, detectFileKind } from './attachments.files';
import type { AttachmentEntity, AttachmentTarget } from './attachments.schemas';

/**
 * Attachments (photos, sign-in sheets) of a ledger record or a case. The bytes are stored in the
 * database; an attachment belongs to its record's unit, and reading it needs the record in scope.
 * A case's files follow the case's own rules (cases.service caseFileOwner): a confidential case's
 * files only for those who may open the case, each download audited.
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
const columns = ['id', 'entity', 'entity_id', 'org_id', 'filename', 'mime', 'size', 'sha256', 'sealed', 'created_at'] as const;
type Row = { id: string; entity: string; entity_id: string; org_id: string; filename: string; mime: string; size: number; sha256: string; sealed?: number; created_at: string };
/** A sealed row's filename is stored encrypted; the view shows it only to those who reached the record. */
const toView = (ctx: Ctx, r: Row): AttachmentView => ({
  id: r.id, entity: r.entity, entityId: r.entity_id, orgId: r.org_id, filename: Number(r.sealed) ? ctx.crypto.decrypt(r.filename) : r.filename, mime: r.mime,
  size: Number(r.size), sha256: r.sha256, createdAt: r.created_at,
});

const typesHint = '只能上传 JPEG、PNG、WebP 图片，PDF，或 Excel（xlsx）、Word（docx）文件';

/** The unit of the record a file belongs to, if the caller may read / write that record; 404 otherwise. */
async function recordOwner(ctx: Ctx, entity: AttachmentEntity, entityId: string, mode: 'read' | 'write'): Promise<{ org_id: string; confidential: boolean }> {
  if (entity === 'cases') {
    const c = await caseFileOwner(ctx, entityId, mode);
    return { org_id: c.orgId, confidential: c.confidential };
  }
  if (entity === 'notices') return { org_id: (await noticeFileOwner(ctx, entityId, mode)).orgId, confidential: false };
  if (entity === 'nominations') return { org_id: (await nominationFileOwner(ctx, entityId, mode)).orgId, confidential: false };
  const row = mode === 'write' ? await findLiveForWrite(ctx, entity, entityId, '记录') : await findLedgerRow(ctx, entity, entityId, 'ledger.read');
  if (!row) throw notFound('记录');
  return { org_id: row.org_id, confidential: false };
}

const isLedger = (entity: string): entity is LedgerTable => entity !== 'cases' && entity !== 'notices' && entity !== 'nominations';

export async function addAttachment(ctx: Ctx, target: AttachmentTarget, file: { filename?: string; content: Buffer }): Promise<AttachmentView> {
  // a case's refused attempt is audited: check it outside the transaction, whose rollback would drop that entry
  if (isLedger(target.entity)) orgScope(ctx, 'ledger.write');
  else await recordOwner(ctx, target.entity, target.entityId, 'write');
  const kind = detectFileKind(file.content);
  if (!kind) throw new AppError('VALIDATION', typesHint, [{ path: 'file', message: typesHint }]);
  if (target.entity === 'nominations' && !kind.mime.startsWith('image/')) throw new AppError('VALIDATION', '候选对象的照片只能是 JPEG、PNG 或 WebP 图片', [{ path: 'file', message: '只能上传图片' }]);
  return inTransaction(ctx, async (tx) => {
    const record = await recordOwner(tx, target.entity, target.entityId, 'write');
    const filename = cleanFilename(file.filename, kind);
    // a confidential case's file is sealed: bytes and filename encrypted at rest, the name kept out of the audit log
    const sealed = record.confidential ? 1 : 0;
    const row = {
      id: newId(), entity: target.entity, entity_id: target.entityId, org_id: record.org_id, filename: sealed ? tx.crypto.encrypt(filename) : filename, mime: kind.mime,
      size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), sealed, created_by: createdBy(tx), created_at: nowIso(tx),
    };
    await withContent(tx).insertInto('attachments').values({ ...row, content: sealed ? tx.crypto.sealBytes(file.content) : file.content }).execute();
    await appendAudit(tx, { action: 'create', entity: 'attachment', entityId: row.id, orgId: row.org_id, detail: { of: target, filename: sealed ? '（保密）' : filename, mime: row.mime, size: row.size, sha256: row.sha256 } });
    return toView(tx, row);
  });
}

export async function listAttachments(ctx: Ctx, target: AttachmentTarget) {
  await recordOwner(ctx, target.entity, target.entityId, 'read');
  const rows = await ctx.db.selectFrom('attachments').select(columns).where('entity', '=', target.entity).where('entity_id', '=', target.entityId).orderBy('created_at').orderBy('id').execute();
  return { items: rows.map((r) => toView(ctx, r)), total: rows.length };
}

export async function getAttachmentFile(ctx: Ctx, id: string): Promise<AttachmentView & { content: Buffer }> {
  const row = await withContent(ctx).selectFrom('attachments').select([...columns, 'content']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('附件');
  const owner = await recordOwner(ctx, row.entity as AttachmentEntity, row.entity_id, 'read').catch(() => {
    throw notFound('附件');
  });
  // a confidential case's file is read like the case itself: every download audited
  if (owner.confidential) await appendAudit(ctx, { action: 'read_attachment', entity: 'attachment', entityId: id, orgId: owner.org_id, detail: { of: { entity: row.entity, entityId: row.entity_id } } });
  const stored = Buffer.from(row.content ?? Buffer.alloc(0));
  return { ...toView(ctx, row), content: Number(row.sealed) ? ctx.crypto.openBytes(stored) : stored };
}

async function deletable(ctx: Ctx, id: string) {
  const row = await ctx.db.selectFrom('attachments').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('附件');
  if (isLedger(row.entity)) {
    if (!(await findLedgerRow(ctx, row.entity, row.entity_id, 'ledger.write'))) throw notFound('附件');
  } else if (row.entity === 'nominations') {
    await nominationFileOwner(ctx, row.entity_id, 'write').catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('附件') : e;
    });
  } else if (row.entity === 'notices') {
    await noticeFileOwner(ctx, row.entity_id, 'write').catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('附件') : e;
    });
  } else {
    await caseFileOwner(ctx, row.entity_id, 'write').catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('附件') : e;
    });
  }
  return row;
}

export async function deleteAttachment(ctx: Ctx, id: string): Promise<void> {
  const first = await ctx.db.selectFrom('attachments').select('entity').where('id', '=', id).executeTakeFirst();
  if (!first || isLedger(first.entity)) orgScope(ctx, 'ledger.write');
  else await deletable(ctx, id); // outside the transaction: a refused attempt on a case stays audited
  await inTransaction(ctx, async (tx) => {
    const row = await deletable(tx, id);
    await tx.db.deleteFrom('attachments').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', entity: 'attachment', entityId: id, orgId: row.org_id, detail: { of: { entity: row.entity, entityId: row.entity_id }, filename: Number(row.sealed) ? '（保密）' : row.filename, sha256: row.sha256 } });
  });
}

/**
 * An attachment's image for a public page: the bytes with their metadata taken out (GPS position,
 * camera owner, time; attachments.image-metadata.ts). The caller has decided the record is public;
 * anything but an image that can be cleaned is null.
 */
export async function publicImage(ctx: Ctx, id: string): Promise<{ mime: string; content: Buffer } | null> {
  const row = await withContent(ctx).selectFrom('attachments').select(['mime', 'sealed', 'content']).where('id', '=', id).executeTakeFirst();
  if (!row || Number(row.sealed) || !row.mime.startsWith('image/') || !row.content) return null;
  const content = stripImageMetadata(Buffer.from(row.content), row.mime);
  return content ? { mime: row.mime, content } : null;
}

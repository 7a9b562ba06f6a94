import { http, toQuery } from '../../ui/http';
import { uploadFile } from '../../ui/upload';
import type { LedgerName } from './api';

/** Attachments of a ledger record or a case (photos, sign-in sheets, scans): `/api/v1/attachments`. */
export type AttachmentEntity = LedgerName | 'cases' | 'wishes' | 'notices' | 'nominations';

export interface Attachment {
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

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const attachmentAccept = '.jpg,.jpeg,.png,.webp,.pdf,.xlsx,.docx,image/jpeg,image/png,image/webp,application/pdf';
const allowedExt = /\.(jpe?g|png|webp|pdf|xlsx|docx)$/i;

/** Client-side check before uploading; the server checks the content again. Returns the problem, or null. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (!allowedExt.test(file.name)) return '只能上传图片（JPG、PNG、WebP）、PDF、Excel（.xlsx）或 Word（.docx）文件';
  if (file.size > maxAttachmentBytes) return `文件 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限`;
  if (file.size === 0) return '文件是空的';
  return null;
}

export const listAttachments = (entity: AttachmentEntity, entityId: string) => http.get<{ items: Attachment[]; total: number }>('/attachments', { entity, entityId });
export const attachmentFileUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}/file`;
export const deleteAttachment = (id: string) => http.del(`/attachments/${encodeURIComponent(id)}`);

/** Uploads one file (multipart field `file`) with the CSRF header; XMLHttpRequest for the progress. */
export function uploadAttachment(entity: AttachmentEntity, entityId: string, file: File, onProgress?: (percent: number) => void): Promise<Attachment> {
  return uploadFile<Attachment>(`/api/v1/attachments${toQuery({ entity, entityId })}`, file, { onProgress, tooLargeMessage: '附件不能超过 10 MB' });
}

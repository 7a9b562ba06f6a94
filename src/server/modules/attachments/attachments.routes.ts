import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { contentDisposition } from './attachments.files';
import { attachmentIdParam, attachmentTargetQuery, maxAttachmentBytes } from './attachments.schemas';
import { addAttachment, deleteAttachment, getAttachmentFile, listAttachments } from './attachments.service';

const tags = ['attachments'];
const badUpload = () => new AppError('VALIDATION', '请以 multipart/form-data 上传一个文件（字段 file）', [{ path: 'file', message: '上传格式不正确' }]);

async function readUpload(req: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  if (!req.isMultipart()) throw badUpload();
  try {
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '请选择要上传的文件', [{ path: 'file', message: '请选择要上传的文件' }]);
    return { filename: part.filename, content: await part.toBuffer() };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('TOO_LARGE', `附件不能超过 ${maxAttachmentBytes / 1024 / 1024} MB`, [{ path: 'file', message: '文件过大' }]);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw badUpload();
    throw e;
  }
}

export function registerAttachmentRoutes(app: App): void {
  // multipart parsing only for the upload route (the importer registers its own in its scope)
  void app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    await scoped.register(multipart, { limits: { fileSize: maxAttachmentBytes, files: 1 } });
    scoped.post(
      '/api/v1/attachments',
      { schema: { tags, summary: '上传台账记录的附件（照片、签到表等；一个文件，≤10 MB，JPEG/PNG/WebP/PDF/xlsx/docx，按文件内容识别类型）', querystring: attachmentTargetQuery, consumes: ['multipart/form-data'] } },
      async (req, reply) => reply.status(201).send(await addAttachment(req.ctx, req.query, await readUpload(req))),
    );
  });
  app.get('/api/v1/attachments', { schema: { tags, summary: '台账记录的附件列表', querystring: attachmentTargetQuery } }, (req) => listAttachments(req.ctx, req.query));
  app.get('/api/v1/attachments/:id/file', { schema: { tags, summary: '下载附件（须能查看所属记录）', params: attachmentIdParam } }, async (req, reply) => {
    const file = await getAttachmentFile(req.ctx, req.params.id);
    const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf';
    return reply.type(file.mime).header('content-disposition', contentDisposition(file.filename, inline)).header('content-length', file.size).send(file.content);
  });
  app.delete('/api/v1/attachments/:id', { schema: { tags, summary: '删除附件', params: attachmentIdParam } }, async (req, reply) => {
    await deleteAttachment(req.ctx, req.params.id);
    return reply.status(204).send();
  });
}

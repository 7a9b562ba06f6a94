import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import { newId } from '../../../domain/ids';
import { ledgerKinds } from '../../../domain/ledgers/catalogs';
import { AppError } from '../../http/errors';
import { downloadName } from '../../http/xlsx-list';
import { defaultOrgId } from '../../http/scope';
import type { App, AppDeps } from '../../http/types';
import { systemCtx } from '../../runtime';
import { batchNumberOf, getBatch, listBatches, undoBatch } from './batches.service';
import { buildErrorWorkbook } from './error-workbook';
import { prepareExport } from './export';
import { type ImportResult, runImport } from './import.service';
import { batchIdParam, commitBody, errorsQuery, exportQuery, kindParam, listBatchesQuery, uploadIdParam, uploadQuery } from './imports.schemas';
import { kindSpecs } from './kinds';
import type { ImportKind } from './kinds/types';
import { parseMappingText, saveUsedMapping } from './mappings.service';
import { registerMappingRoutes } from './mappings.routes';
import { parseGate } from './parse-gate';
import { buildTemplate, templateTitle } from './templates';
import { cancelUpload, claimUpload, deleteExpiredUploads, deleteUpload, loadUpload, releaseUpload, saveUpload, uploadBusy, writePermission } from './uploads';
import { checkSpreadsheetLimits, defaultLimits } from './zip-guard';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['imports'];

function attachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply.type(xlsxType).header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

/** The import's answer; a written batch carries its readable number (导入批次 2026-0001). */
async function respond(ctx: FastifyRequest['ctx'], result: ImportResult, uploadId: string | null) {
  const { cells: _cells, ...rest } = result;
  return { uploadId, ...rest, batchNumber: await batchNumberOf(ctx, result.batchId) };
}

async function readFile(req: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  try {
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '请上传 Excel 文件（表单字段 file）', [{ path: 'file', message: '请上传文件' }]);
    return { filename: part.filename || 'upload.xlsx', content: await part.toBuffer() };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('TOO_LARGE', `文件超过 ${defaultLimits.maxFileBytes / 1024 / 1024} MB 上限`, [{ path: 'file', message: '文件过大' }]);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('VALIDATION', '请以 multipart/form-data 上传一个 Excel 文件（字段 file）', [{ path: 'file', message: '上传格式不正确' }]);
    }
    throw e;
  }
}

export function registerImportRoutes(app: App, deps: AppDeps): void {
  const hours = deps.config.uploadHours;
  // every parse of a spreadsheet (check, import, preview, error workbook) takes a place at the gate
  const gate = parseGate(deps);
  // uploads older than QUNTUAN_UPLOAD_HOURS are deleted at start (and on each later upload)
  app.addHook('onReady', async () => {
    const n = await deleteExpiredUploads(systemCtx(deps, 'upload-cleanup'), hours);
    if (n) app.log.info({ deleted: n }, 'expired import uploads deleted');
  });
  app.get('/api/v1/imports/templates/:kind', { schema: { tags, summary: '下载导入模板（含示例行、下拉字典、身份证号列为文本格式）', params: kindParam } }, async (req, reply) =>
    attachment(reply, `${templateTitle(req.params.kind)}.xlsx`).send(await buildTemplate(req.params.kind)),
  );
  void app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    await scoped.register(multipart, { limits: { fileSize: defaultLimits.maxFileBytes, files: 1 } });
    scoped.post(
      '/api/v1/imports/:kind',
      { schema: { tags, summary: `上传 Excel 导入（dryRun=true 只检查；默认全部正确才写入，acceptValid=true 写入正确的行；文件保留 ${hours} 小时供确认）`, params: kindParam, querystring: uploadQuery, consumes: ['multipart/form-data'] } },
      async (req) => {
        const kind = req.params.kind;
        const orgId = req.query.orgId ?? defaultOrgId(req.ctx, writePermission(kind));
        const file = await readFile(req);
        const mapping = { mapping: parseMappingText(req.query.mapping), mappingName: req.query.mappingName };
        return gate.run(async () => {
          await checkSpreadsheetLimits(file.content);
          const result = await runImport(req.ctx, { kind, orgId, ...file, dryRun: req.query.dryRun, acceptValid: req.query.acceptValid, ...mapping });
          // a committed import keeps no copy of the file; an unwritten one is stored (sealed) for the confirm
          const uploadId = result.batchId ? null : await saveUpload(req.ctx, { kind, orgId, ...file }, hours);
          return respond(req.ctx, result, uploadId);
        });
      },
    );
  });
  app.post('/api/v1/imports/uploads/:uploadId/commit', { schema: { tags, summary: `确认导入已上传（预检过）的文件；上传超过 ${hours} 小时的文件已过期并删除，返回 404 NOT_FOUND（“上传的文件已过期…请重新上传”）`, params: uploadIdParam, body: commitBody } }, (req) =>
    gate.run(async () => {
      const upload = await loadUpload(req.ctx, req.params.uploadId, hours);
      if (upload.batchId) throw uploadBusy();
      // one commit per upload: claimed with the batch id before anything is read, given back unless a batch was written
      const batchId = newId();
      await claimUpload(req.ctx, upload.id, batchId);
      let result: ImportResult | null = null;
      try {
        result = await runImport(req.ctx, { kind: upload.kind, orgId: upload.orgId, filename: upload.filename, content: upload.content, acceptValid: req.body?.acceptValid ?? false, mapping: req.body?.mapping, batchId });
        if (req.body?.saveMapping) await saveUsedMapping(req.ctx, { orgId: upload.orgId, kind: upload.kind, name: req.body.saveMapping }, result);
      } finally {
        if (result?.batchId) await deleteUpload(req.ctx, upload.id);
        else await releaseUpload(req.ctx, upload.id, batchId);
      }
      return respond(req.ctx, result, upload.id);
    }),
  );
  app.delete('/api/v1/imports/uploads/:uploadId', { schema: { tags, summary: '取消导入：删除已上传（预检过）的文件', params: uploadIdParam } }, async (req, reply) => {
    await cancelUpload(req.ctx, req.params.uploadId, hours);
    return reply.status(204).send();
  });
  app.get('/api/v1/imports/uploads/:uploadId/errors.xlsx', { schema: { tags, summary: `下载错误说明表（原始行＋错误说明列，错误单元格标红）；上传超过 ${hours} 小时的文件已过期，返回 404`, params: uploadIdParam, querystring: errorsQuery } }, async (req, reply) => {
    const { upload, book } = await gate.run(async () => {
      const upload = await loadUpload(req.ctx, req.params.uploadId, hours);
      const result = await runImport(req.ctx, { kind: upload.kind, orgId: upload.orgId, filename: upload.filename, content: upload.content, dryRun: true, mapping: parseMappingText(req.query.mapping) });
      return { upload, book: await buildErrorWorkbook(upload.content, result.cells.errors, result.cells.headerRow, result.cells.dateColumns) };
    });
    return attachment(reply, `错误说明-${upload.filename.replace(/\.xlsx$/i, '')}.xlsx`).send(book);
  });
  app.get('/api/v1/imports/batches', { schema: { tags, summary: '导入批次列表', querystring: listBatchesQuery } }, (req) => listBatches(req.ctx, req.query));
  app.get('/api/v1/imports/batches/:id', { schema: { tags, summary: '导入批次详情（含错误行）', params: batchIdParam } }, (req) => getBatch(req.ctx, req.params.id));
  app.post('/api/v1/imports/batches/:id/undo', { schema: { tags, summary: '撤销整个导入批次（记录标记删除，原因“撤销导入批次”）', params: batchIdParam } }, (req) => undoBatch(req.ctx, req.params.id));

  registerMappingRoutes(app, hours, gate);
  for (const kind of ledgerKinds) registerExport(app, kind);
}

function registerExport(app: App, kind: ImportKind): void {
  const summary = '导出 Excel（与列表相同的筛选条件，模板列；身份证号、电话、住址脱敏；fullIdNumbers=true 含完整身份证号，需查看完整个人信息权限，记入审计）';
  app.get(`/api/v1/${kind}/export`, { schema: { tags: [kind, 'exports'], summary, querystring: exportQuery } }, async (req, reply) => {
    const { fullIdNumbers, ...filter } = req.query;
    const run = await prepareExport(req.ctx, kind, filter, { idNumbers: fullIdNumbers === 'true', contacts: false });
    const stream = new PassThrough();
    run(stream).catch((e: unknown) => {
      req.log.error({ err: e }, 'export failed');
      stream.destroy(e as Error);
    });
    const name = await downloadName(req.ctx, kindSpecs[kind].title, kind === 'people' || kind === 'households' ? { orgId: req.query.orgId } : req.query);
    return attachment(reply, `${name}.xlsx`).send(stream);
  });
}

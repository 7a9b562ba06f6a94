import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setupCountyInput } from '../../../domain/county-setup';
import { AppError } from '../../http/errors';
import type { App, AppDeps } from '../../http/types';
import { buildErrorWorkbook } from '../imports/error-workbook';
import { parseGate } from '../imports/parse-gate';
import type { TreeImportResult } from '../imports/tree-batches';
import { checkSpreadsheetLimits, defaultLimits } from '../imports/zip-guard';
import { createSmsSender } from '../otp/sms';
import { importOrgTree } from '../orgs/orgs.import';
import { buildCredentialSheet, importUsers } from '../users/users.import';
import { keepCredentialSheet, takeCredentialSheet } from './setup.credentials';
import { getSetupStatus, setUpCounty } from './setup.service';
import { buildSetupTemplate, setupTemplates } from './setup.templates';

const tags = ['setup'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const kindParam = z.object({ kind: z.enum(['orgs', 'users'], { error: '导入类型应为 orgs（组织架构）或 users（用户）' }) });
const importQuery = z.object({
  orgId: z.string().trim().min(1, '请选择导入到哪个单位').max(64).describe('导入到哪个单位之下（组织架构）/ 哪个单位范围内（用户）'),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('true：只检查，不写入'),
});

function attachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply.type(xlsxType).header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

async function readFile(req: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  try {
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '请上传 Excel 文件（表单字段 file）', [{ path: 'file', message: '请上传文件' }]);
    const file = { filename: part.filename || 'upload.xlsx', content: await part.toBuffer() };
    await checkSpreadsheetLimits(file.content);
    return file;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('TOO_LARGE', `文件超过 ${defaultLimits.maxFileBytes / 1024 / 1024} MB 上限`, [{ path: 'file', message: '文件过大' }]);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('VALIDATION', '请以 multipart/form-data 上传一个 Excel 文件（字段 file）', [{ path: 'file', message: '上传格式不正确' }]);
    }
    throw e;
  }
}

const shown = (r: TreeImportResult) => {
  const { cells: _cells, ...rest } = r;
  return rest;
};

/**
 * 首次设置 and the set-up imports. The web wizard sends the file twice (check, then import): the
 * browser still holds it, so nothing of it is stored between the two steps. The users' one-time
 * passwords never travel in JSON: the answer names a sheet to download once.
 */
export function registerSetupRoutes(app: App, deps: AppDeps): void {
  const hours = deps.config.uploadHours;
  const sms = deps.config.sms ? createSmsSender(deps.config, app.log) : null;
  const gate = parseGate(deps); // the imports' gate: a set-up sheet takes a place like any other parse
  app.get('/api/v1/setup', { schema: { tags, summary: '首次设置状态：组织架构是否为空、当前用户能否设置' } }, (req) => getSetupStatus(req.ctx));
  app.post('/api/v1/setup', { schema: { tags, summary: '首次设置：创建县委及所选群团组织（只在组织架构为空时、由系统管理员执行一次）', body: setupCountyInput } }, async (req, reply) =>
    reply.status(201).send(await setUpCounty(req.ctx, req.body)),
  );
  app.get('/api/v1/setup/templates/:kind', { schema: { tags, summary: '下载组织架构 / 用户导入模板', params: kindParam } }, async (req, reply) =>
    attachment(reply, `${setupTemplates[req.params.kind].title}.xlsx`).send(await buildSetupTemplate(req.params.kind)),
  );
  app.get('/api/v1/setup/credentials/:id', { schema: { tags, summary: '下载用户导入生成的初始密码表（只能下载一次，由导入人下载）', params: z.object({ id: z.string().min(1).max(64) }) } }, async (req, reply) =>
    attachment(reply, '初始密码.xlsx').send(await takeCredentialSheet(req.ctx, req.params.id, hours)),
  );
  void app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    await scoped.register(multipart, { limits: { fileSize: defaultLimits.maxFileBytes, files: 1 } });
    scoped.post(
      '/api/v1/setup/imports/:kind',
      { schema: { tags, summary: '导入组织架构 / 用户（dryRun=true 只检查；有任何错误行则全部不写入）', params: kindParam, querystring: importQuery, consumes: ['multipart/form-data'] } },
      async (req) => {
        const file = await readFile(req);
        const request = { orgId: req.query.orgId, ...file, dryRun: req.query.dryRun };
        return gate.run(async () => {
          if (req.params.kind === 'orgs') return { ...shown(await importOrgTree(req.ctx, request)), credentialsId: null };
          const r = await importUsers(req.ctx, { ...request, sms });
          const { credentials, ...rest } = r;
          const credentialsId = r.batchId && credentials.length ? await keepCredentialSheet(req.ctx, r.batchId, await buildCredentialSheet(credentials), hours) : null;
          return { ...shown(rest), credentialsId };
        });
      },
    );
    scoped.post(
      '/api/v1/setup/imports/:kind/errors.xlsx',
      { schema: { tags, summary: '错误说明表：原始行＋错误说明列，错误单元格标红（不写入）', params: kindParam, querystring: importQuery, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        const file = await readFile(req);
        const request = { orgId: req.query.orgId, ...file, dryRun: true };
        const book = await gate.run(async () => {
          const r = req.params.kind === 'orgs' ? await importOrgTree(req.ctx, request) : await importUsers(req.ctx, request);
          return buildErrorWorkbook(file.content, r.cells.errors, r.cells.headerRow);
        });
        return attachment(reply, `错误说明-${file.filename.replace(/\.xlsx$/i, '')}.xlsx`).send(book);
      },
    );
  });
}

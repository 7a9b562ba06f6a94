import type { App } from '../../http/types';
import { runImport } from './import.service';
import { listMappingsQuery, previewBody, uploadIdParam } from './imports.schemas';
import { listMappings } from './mappings.service';
import type { ParseGate } from './parse-gate';
import { loadUpload } from './uploads';

const tags = ['imports'];

/** Column mapping for a clerk's own ledger: preview a stored upload with a mapping; the unit's saved mappings. */
export function registerMappingRoutes(app: App, hours: number, gate: ParseGate): void {
  app.post(
    '/api/v1/imports/uploads/:uploadId/preview',
    { schema: { tags, summary: '按列对应重新预览已上传的文件（只检查，不写入）；返回各列的前几个值、建议字段和缺少的必填项', params: uploadIdParam, body: previewBody } },
    (req) =>
      gate.run(async () => {
        const upload = await loadUpload(req.ctx, req.params.uploadId, hours);
        const { cells: _cells, ...result } = await runImport(req.ctx, { kind: upload.kind, orgId: upload.orgId, filename: upload.filename, content: upload.content, dryRun: true, mapping: req.body?.mapping });
        return { uploadId: upload.id, ...result };
      }),
  );
  app.get('/api/v1/imports/mappings', { schema: { tags, summary: '本单位保存的列对应（按表头自动使用；命令行 --mapping <名称>）', querystring: listMappingsQuery } }, (req) => listMappings(req.ctx, req.query));
}

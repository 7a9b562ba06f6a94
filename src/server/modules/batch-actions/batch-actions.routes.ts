import type { App } from '../../http/types';
import { batchActionIdParam, batchDeleteBody, batchMoveBody } from './batch-actions.schemas';
import { batchDelete, batchMove, getBatchAction, listBatchActions, undoBatchAction } from './batch-actions.service';

export function registerBatchActionRoutes(app: App): void {
  const tags = ['batch-actions'];
  app.post('/api/v1/batch-actions/delete', { schema: { tags, summary: '批量删除台账记录（须填写原因；整批一次审计，可整批撤销；任一条不在管理范围内则整批不执行）', body: batchDeleteBody } }, async (req, reply) =>
    reply.status(201).send(await batchDelete(req.ctx, req.body)),
  );
  app.post('/api/v1/batch-actions/move', { schema: { tags, summary: '批量转移台账记录到另一单位（整批一次审计，可整批撤销）', body: batchMoveBody } }, async (req, reply) =>
    reply.status(201).send(await batchMove(req.ctx, req.body)),
  );
  app.get('/api/v1/batch-actions', { schema: { tags, summary: '本人的批量操作（最近 100 次）' } }, (req) => listBatchActions(req.ctx));
  app.get('/api/v1/batch-actions/:id', { schema: { tags, summary: '批量操作详情', params: batchActionIdParam } }, (req) => getBatchAction(req.ctx, req.params.id));
  app.post('/api/v1/batch-actions/:id/undo', { schema: { tags, summary: '撤销整个批量操作（删除的恢复，转移的转回原单位）', params: batchActionIdParam } }, (req) => undoBatchAction(req.ctx, req.params.id));
}

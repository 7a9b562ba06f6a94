import type { App } from '../../http/types';
import { createTargetBody, listTargetsQuery, splitTargetBody, targetIdParam, updateTargetBody } from './targets.schemas';
import { createTarget, deleteTarget, getTarget, listTargets, splitTarget, updateTarget } from './targets.service';

export function registerTargetRoutes(app: App): void {
  const tags = ['targets'];
  app.get(
    '/api/v1/targets',
    { schema: { tags, summary: '年度目标列表（实时完成数、完成进度、序时进度、状态，分解目标列在上级目标下）', querystring: listTargetsQuery } },
    (req) => listTargets(req.ctx, req.query),
  );
  app.post('/api/v1/targets', { schema: { tags, summary: '新增年度目标（指标按指标目录校验）', body: createTargetBody } }, async (req, reply) =>
    reply.status(201).send(await createTarget(req.ctx, req.body)),
  );
  app.get('/api/v1/targets/:id', { schema: { tags, summary: '年度目标详情（含分解目标及汇总）', params: targetIdParam } }, (req) => getTarget(req.ctx, req.params.id));
  app.patch('/api/v1/targets/:id', { schema: { tags, summary: '修改年度目标', params: targetIdParam, body: updateTargetBody } }, (req) =>
    updateTarget(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/v1/targets/:id', { schema: { tags, summary: '删除年度目标（连同其分解目标；记录保留备查）', params: targetIdParam } }, async (req, reply) => {
    await deleteTarget(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/v1/targets/:id/split', { schema: { tags, summary: '分解下达：把目标分给下级组织', params: targetIdParam, body: splitTargetBody } }, (req) =>
    splitTarget(req.ctx, req.params.id, req.body),
  );
}

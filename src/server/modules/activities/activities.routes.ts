import type { App } from '../../http/types';
import { ledgerIdParam } from '../catalogs/ledger-kit';
import { createActivityBody, deleteActivityBody, listActivitiesQuery, updateActivityBody } from './activities.schemas';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './activities.service';
import { withBatchSource } from '../imports/batches.service';

export function registerActivityRoutes(app: App): void {
  const tags = ['activities'];
  app.get('/api/v1/activities', { schema: { tags, summary: '活动台账列表（按组织及下级、开始日期区间、类型、关键词筛选）', querystring: listActivitiesQuery } }, (req) =>
    listActivities(req.ctx, req.query),
  );
  app.post('/api/v1/activities', { schema: { tags, summary: '新增活动（联合单位按名称自动关联到组织）', body: createActivityBody } }, async (req, reply) =>
    reply.status(201).send(await createActivity(req.ctx, req.body)),
  );
  app.get('/api/v1/activities/:id', { schema: { tags, summary: '活动详情', params: ledgerIdParam } }, async (req) => withBatchSource(req.ctx, await getActivity(req.ctx, req.params.id)));
  app.patch('/api/v1/activities/:id', { schema: { tags, summary: '修改活动', params: ledgerIdParam, body: updateActivityBody } }, (req) =>
    updateActivity(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/v1/activities/:id', { schema: { tags, summary: '删除活动（须填写原因；记录保留备查）', params: ledgerIdParam, body: deleteActivityBody } }, async (req, reply) => {
    await deleteActivity(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
}

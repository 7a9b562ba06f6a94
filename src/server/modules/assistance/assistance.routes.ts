import type { App } from '../../http/types';
import { ledgerIdParam } from '../catalogs/ledger-kit';
import { createAssistanceBody, deleteAssistanceBody, listAssistanceQuery, updateAssistanceBody } from './assistance.schemas';
import { createAssistance, deleteAssistance, getAssistance, listAssistance, updateAssistance } from './assistance.service';
import { withBatchSource } from '../imports/batches.service';

export function registerAssistanceRoutes(app: App): void {
  const tags = ['assistance'];
  app.get('/api/v1/assistance', { schema: { tags, summary: '帮扶救助台账列表（按组织及下级、日期区间、项目、形式、姓名或身份证号筛选；身份证号脱敏）', querystring: listAssistanceQuery } }, (req) =>
    listAssistance(req.ctx, req.query),
  );
  app.post('/api/v1/assistance', { schema: { tags, summary: '新增帮扶记录（同一对象同年同项目已在其他单位获帮扶时照常写入并返回重复帮扶预警）', body: createAssistanceBody } }, async (req, reply) =>
    reply.status(201).send(await createAssistance(req.ctx, req.body)),
  );
  app.get('/api/v1/assistance/:id', { schema: { tags, summary: '帮扶记录详情', params: ledgerIdParam } }, async (req) => withBatchSource(req.ctx, await getAssistance(req.ctx, req.params.id)));
  app.patch('/api/v1/assistance/:id', { schema: { tags, summary: '修改帮扶记录', params: ledgerIdParam, body: updateAssistanceBody } }, (req) =>
    updateAssistance(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/v1/assistance/:id', { schema: { tags, summary: '删除帮扶记录（须填写原因；记录保留备查）', params: ledgerIdParam, body: deleteAssistanceBody } }, async (req, reply) => {
    await deleteAssistance(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
}

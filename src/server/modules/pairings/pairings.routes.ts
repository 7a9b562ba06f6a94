import type { App } from '../../http/types';
import { downloadName, sendXlsx } from '../../http/xlsx-list';
import { exportPairings } from './pairings.export';
import { createPairingBody, listPairingsQuery, pairingIdParam, updatePairingBody, visitBody } from './pairings.schemas';
import { addVisit, createPairing, getPairing, listPairings, updatePairing } from './pairings.service';

export function registerPairingRoutes(app: App): void {
  const tags = ['pairings'];
  app.get('/api/v1/pairings', { schema: { tags, summary: '结对帮扶列表（按单位、状态、超期未联系、帮扶方身份、受助方类别筛选；儿童姓名脱敏）', querystring: listPairingsQuery } }, (req) =>
    listPairings(req.ctx, req.query),
  );
  app.get('/api/v1/pairings/export', { schema: { tags, summary: '导出结对帮扶台账（Excel；列表的筛选条件；儿童姓名脱敏；记入审计）', querystring: listPairingsQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) =>
    sendXlsx(reply, 'pairings', await downloadName(req.ctx, '结对帮扶台账', req.query), await exportPairings(req.ctx, req.query)),
  );
  app.post('/api/v1/pairings', { schema: { tags, summary: '建立结对（帮扶人或帮扶单位 + 受助人或受助家庭 + 联系承诺）', body: createPairingBody } }, async (req, reply) =>
    reply.status(201).send(await createPairing(req.ctx, req.body)),
  );
  app.get('/api/v1/pairings/:id', { schema: { tags, summary: '结对详情与联系记录', params: pairingIdParam } }, (req) => getPairing(req.ctx, req.params.id));
  app.patch('/api/v1/pairings/:id', { schema: { tags, summary: '修改联系承诺或备注；填写结束日期与原因即结束结对', params: pairingIdParam, body: updatePairingBody } }, (req) =>
    updatePairing(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/pairings/:id/visits', { schema: { tags, summary: '登记一次联系（走访、电话……）', params: pairingIdParam, body: visitBody } }, async (req, reply) =>
    reply.status(201).send(await addVisit(req.ctx, req.params.id, req.body)),
  );
}

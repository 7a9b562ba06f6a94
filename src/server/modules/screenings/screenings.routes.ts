import type { App } from '../../http/types';
import { addChild, getChild, listChildren, patchChild } from './screening-children.service';
import { recordIntervention, recordPairing } from './screening-followups.service';
import {
  addChildBody, completeBody, createScreeningBody, idParam, interventionBody, listChildrenQuery, listScreeningsQuery, pairingBody, patchChildBody, townshipParam,
} from './screenings.schemas';
import { completeTownship, createScreening, getScreening, listScreenings } from './screenings.service';
import { campaignDetailView, campaignListResult, campaignView, childDetailView, childListResult } from './screenings.view';

export function registerScreeningRoutes(app: App): void {
  const tags = ['screenings'];
  app.get('/api/v1/screenings', { schema: { tags, summary: '摸底排查列表（含各乡镇进度计数；领导只见计数）', querystring: listScreeningsQuery, response: { 200: campaignListResult } } }, (req) => listScreenings(req.ctx, req.query));
  app.post('/api/v1/screenings', { schema: { tags, summary: '发起摸底排查（发起单位下属乡镇或指定乡镇；高风险儿童干预、结对时限）', body: createScreeningBody, response: { 201: campaignView } } }, async (req, reply) =>
    reply.status(201).send(await createScreening(req.ctx, req.body)),
  );
  app.get('/api/v1/screenings/:id', { schema: { tags, summary: '摸底排查详情：各乡镇发现、高中低风险、已干预、已结对、超期、是否完成，及全县汇总；超期儿童（姓名脱敏）', params: idParam, response: { 200: campaignDetailView } } }, (req) =>
    getScreening(req.ctx, req.params.id),
  );
  app.get('/api/v1/screenings/:id/children', { schema: { tags, summary: '排查儿童名单（仅本乡镇及上级的个案工作者、单位管理员可见；姓名脱敏）', params: idParam, querystring: listChildrenQuery, response: { 200: childListResult } } }, (req) =>
    listChildren(req.ctx, req.params.id, req.query),
  );
  app.post('/api/v1/screenings/:id/children', { schema: { tags, summary: '登记排查发现的儿童（人员库选择或按人员规则新登记；按风险因素建议风险等级，调整须填理由）', params: idParam, body: addChildBody, response: { 201: childDetailView } } }, async (req, reply) =>
    reply.status(201).send(await addChild(req.ctx, req.params.id, req.body)),
  );
  app.post('/api/v1/screenings/:id/townships/:orgId/complete', { schema: { tags, summary: '乡镇标记排查完成（填报发现人数，可为 0，须与已登记人数一致）', params: townshipParam, body: completeBody, response: { 200: campaignView } } }, (req) =>
    completeTownship(req.ctx, req.params.id, req.params.orgId, req.body),
  );
  app.get('/api/v1/screening-children/:id', { schema: { tags, summary: '排查儿童记录详情（每次查看记入审计；无权查看返回 404 并记入审计）', params: idParam, response: { 200: childDetailView } } }, (req) => getChild(req.ctx, req.params.id));
  app.patch('/api/v1/screening-children/:id', { schema: { tags, summary: '修改监护情况、风险因素、风险等级或说明', params: idParam, body: patchChildBody, response: { 200: childDetailView } } }, (req) => patchChild(req.ctx, req.params.id, req.body));
  app.post('/api/v1/screening-children/:id/intervention', { schema: { tags, summary: '登记干预：登记（或关联）困境儿童个案，或其他措施及日期', params: idParam, body: interventionBody, response: { 200: childDetailView } } }, (req) =>
    recordIntervention(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/screening-children/:id/pairing', { schema: { tags, summary: '登记结对跟踪：结对人或结对单位、日期、承诺', params: idParam, body: pairingBody, response: { 200: childDetailView } } }, (req) =>
    recordPairing(req.ctx, req.params.id, req.body),
  );
}

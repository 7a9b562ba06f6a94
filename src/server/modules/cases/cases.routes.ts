import type { App } from '../../http/types';
import { downloadName, sendXlsx } from '../../http/xlsx-list';
import { updateCase } from './cases.edit';
import { exportCases } from './cases.export';
import { addFollowup, transitionCase } from './cases.flow';
import { caseCountsView, caseDeadlinesView, caseDetailView, caseListItem, caseListResult, handlerOptionsView, transferOptionsView } from './cases.view';
import { caseFacetsQuery, caseIdParam, createCaseBody, deadlineBody, followupBody, listCasesQuery, summaryQuery, transitionBody, updateCaseBody } from './cases.schemas';
import { caseFacets, caseSummary, createCase, getCase, listCaseDeadlines, listCases, listHandlerOptions, listTransferOptions, setCaseDeadline } from './cases.service';

export function registerCaseRoutes(app: App): void {
  const tags = ['cases'];
  app.get('/api/v1/cases', { schema: { tags, summary: '个案列表（按状态、类型、超期、临期、单位筛选；保密个案仅承办人、单位管理员与个案工作者可见；儿童姓名脱敏）', querystring: listCasesQuery, response: { 200: caseListResult } } }, (req) =>
    listCases(req.ctx, req.query),
  );
  app.post('/api/v1/cases', { schema: { tags, summary: '登记个案（家庭暴力、困境儿童的案情加密保存）', body: createCaseBody, response: { 201: caseListItem } } }, async (req, reply) =>
    reply.status(201).send(await createCase(req.ctx, req.body)),
  );
  app.get('/api/v1/cases/facets', { schema: { tags, summary: '收件箱计数：在列表的筛选条件下按状态、类型计数及超期、临期数（每项计数不受自身筛选影响；只计本人可查看的个案）', querystring: caseFacetsQuery, response: { 200: caseCountsView } } }, (req) =>
    caseFacets(req.ctx, req.query),
  );
  app.get('/api/v1/cases/export', { schema: { tags, summary: '导出个案台账（Excel；列表的筛选条件；保密个案不含案情摘要，儿童姓名脱敏，不含身份证号与电话；记入审计）', querystring: caseFacetsQuery } }, async (req, reply) =>
    sendXlsx(reply, 'cases', await downloadName(req.ctx, '个案台账', req.query), await exportCases(req.ctx, req.query)),
  );
  app.get('/api/v1/cases/summary', { schema: { tags, summary: '个案统计：按状态、类型计数，超期与临期数（含保密个案，仅计数）', querystring: summaryQuery, response: { 200: caseCountsView } } }, (req) =>
    caseSummary(req.ctx, req.query),
  );
  app.get('/api/v1/cases/:id', { schema: { tags, summary: '个案详情：当事人、全过程时间线、回访、转办、时限（保密个案每次查看都记入审计）', params: caseIdParam, response: { 200: caseDetailView } } }, (req) =>
    getCase(req.ctx, req.params.id),
  );
  app.patch('/api/v1/cases/:id', { schema: { tags, summary: '修改个案登记信息（案情摘要、来源渠道、当事人、告诫书、风险等级）；归档、不予受理后不能修改', params: caseIdParam, body: updateCaseBody, response: { 200: caseListItem } } }, (req) =>
    updateCase(req.ctx, req.params.id, req.body),
  );
  app.get('/api/v1/cases/:id/handler-options', { schema: { tags, summary: '可指派的承办人（受理单位及其上级单位的工作人员）', params: caseIdParam, response: { 200: handlerOptionsView } } }, (req) => listHandlerOptions(req.ctx, req.params.id));
  app.get('/api/v1/cases/:id/transfer-options', { schema: { tags, summary: '可转办的接收单位（同一组织树中设有个案工作者的单位）', params: caseIdParam, response: { 200: transferOptionsView } } }, (req) => listTransferOptions(req.ctx, req.params.id));
  app.post('/api/v1/cases/:id/transitions', { schema: { tags, summary: '办理操作（受理、不予受理、指派、转办、接收/拒绝转办、办结、归档、重新办理）；不允许的操作返回 422', params: caseIdParam, body: transitionBody, response: { 200: caseListItem } } }, (req) =>
    transitionCase(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/cases/:id/followups', { schema: { tags, summary: '登记回访（办结后一次或多次，之后方可归档）', params: caseIdParam, body: followupBody, response: { 201: caseListItem } } }, async (req, reply) =>
    reply.status(201).send(await addFollowup(req.ctx, req.params.id, req.body)),
  );
  app.get('/api/v1/case-deadlines', { schema: { tags, summary: '单位现行的个案时限（本单位设置，否则最近上级的设置，否则默认 15/60 天）', querystring: summaryQuery, response: { 200: caseDeadlinesView } } }, (req) =>
    listCaseDeadlines(req.ctx, req.query),
  );
  app.put('/api/v1/case-deadlines', { schema: { tags, summary: '设置单位某类个案的受理、办理时限（下级单位沿用）', body: deadlineBody, response: { 200: caseDeadlinesView } } }, (req) => setCaseDeadline(req.ctx, req.body));
}

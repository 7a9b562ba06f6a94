import type { App } from '../../http/types';
import { writeHtmlBody } from './reports.html';
import { effectiveTemplate, previewReport } from './reports.service';
import { createReportTemplateBody, effectiveTemplateQuery, listReportTemplatesQuery, previewBody, saveReportTemplateBody, templateIdParam, templateVersionParam } from './reports.templates.schemas';
import {
  createReportTemplate,
  deleteReportTemplate,
  getReportTemplate,
  getReportTemplateVersion,
  listReportTemplates,
  saveReportTemplate,
} from './reports.templates.service';
import { effectiveTemplateView, previewResult, templateDetail, templateList, templateVersionDetail } from './reports.templates.view';

export function registerReportTemplateRoutes(app: App): void {
  const tags = ['reports'];
  app.get('/api/v1/report-templates', { schema: { tags, summary: '本单位及下级保存的报告模板', querystring: listReportTemplatesQuery, response: { 200: templateList } } }, (req) =>
    listReportTemplates(req.ctx, req.query),
  );
  app.post('/api/v1/report-templates', { schema: { tags, summary: '新建报告模板（先完整校验：指标、筛选条件、组织）', body: createReportTemplateBody, response: { 201: templateDetail } } }, async (req, reply) =>
    reply.status(201).send(await createReportTemplate(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/report-templates/preview',
    { schema: { tags, summary: '模板预览：返回按所选单位和年度生成的 HTML，或逐行列出的错误（有错误时不计算任何数字）', body: previewBody, response: { 200: previewResult } } },
    async (req) => {
      const r = await previewReport(req.ctx, req.body as { template: string; org: string; kind: 'annual' | 'half-year'; year: number });
      if (!r.valid) return { valid: false as const, issues: r.issues };
      const figures = r.doc.figures.map((f) => ({ n: f.n, text: f.text, ref: f.ref, org: f.org, orgName: f.orgName, from: f.from, to: f.to, value: f.value, unit: f.unit, line: f.line }));
      return { valid: true as const, title: r.doc.title, html: writeHtmlBody(r.doc), figures, omitted: r.doc.omitted };
    },
  );
  app.get(
    '/api/v1/report-templates/effective',
    { schema: { tags, summary: '某单位生成报告时将使用的模板（本单位的、最近上级的，或默认模板）', querystring: effectiveTemplateQuery, response: { 200: effectiveTemplateView } } },
    (req) => effectiveTemplate(req.ctx, req.query),
  );
  app.get('/api/v1/report-templates/:id', { schema: { tags, summary: '报告模板（当前版本正文及版本历史）', params: templateIdParam, response: { 200: templateDetail } } }, (req) => getReportTemplate(req.ctx, req.params.id));
  app.put('/api/v1/report-templates/:id', { schema: { tags, summary: '保存报告模板为新版本', params: templateIdParam, body: saveReportTemplateBody, response: { 200: templateDetail } } }, (req) =>
    saveReportTemplate(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/v1/report-templates/:id', { schema: { tags, summary: '删除报告模板（各版本留档备查）', params: templateIdParam } }, async (req, reply) => {
    await deleteReportTemplate(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get('/api/v1/report-templates/:id/versions/:version', { schema: { tags, summary: '报告模板的某一历史版本', params: templateVersionParam, response: { 200: templateVersionDetail } } }, (req) =>
    getReportTemplateVersion(req.ctx, req.params.id, req.params.version),
  );
}

import { z } from 'zod';
import type { App } from '../../http/types';
import { reportContentTypes, reportFileName, reportFormats, writeReport } from './reports.output';
import { generateReportWithSource, reportKinds } from './reports.service';
import { registerReportTemplateRoutes } from './reports.templates.routes';

const params = z.object({ kind: z.enum(reportKinds) });
const query = z.object({
  org: z.string().min(1, '请指定组织'),
  year: z.coerce.number().int().min(1949).max(2100),
  format: z.enum(reportFormats).default('docx'),
  template: z.string().trim().min(1).max(64).optional().describe('已保存的报告模板 id；不填则用本单位（或最近的上级单位）保存的模板，都没有时用默认模板'),
});

export function registerReportRoutes(app: App): void {
  app.get(
    '/api/v1/reports/:kind',
    { schema: { tags: ['reports'], summary: '生成工作报告（年度 annual / 半年 half-year；docx 按 GB/T 9704 排版，md，html 中每个数字链接到其记录）', params, querystring: query } },
    async (req, reply) => {
      const { doc, used } = await generateReportWithSource(req.ctx, { kind: req.params.kind, org: req.query.org, year: req.query.year, templateId: req.query.template });
      const format = req.query.format;
      const body = await writeReport(doc, format);
      const name = reportFileName(doc, format);
      // which template wrote it: "stored:<id>:<version>" or "default:<id>"
      if (used) void reply.header('x-report-template', used.source === 'stored' ? `stored:${used.id}:${used.version}` : `default:${used.id}`);
      return reply
        .type(reportContentTypes[format])
        .header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );
  registerReportTemplateRoutes(app);
}

import type { App } from '../../http/types';
import { duplicateAssistanceQuery, unassistedQuery } from './checks.schemas';
import { exportDuplicateAssistance } from './checks.export';
import { findAssistanceDuplicates, findUnassisted } from './checks.service';

export function registerCheckRoutes(app: App): void {
  const tags = ['checks'];
  app.get('/api/v1/checks/duplicate-assistance', { schema: { tags, summary: '重复帮扶预警：同一对象同一项目同一期间在两个及以上单位获得帮扶（期间缺省为今年）', querystring: duplicateAssistanceQuery } }, (req) =>
    findAssistanceDuplicates(req.ctx, req.query),
  );
  app.get('/api/v1/checks/duplicate-assistance/export', { schema: { tags, summary: '导出重复帮扶预警（Excel，身份证号脱敏）', querystring: duplicateAssistanceQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const body = await exportDuplicateAssistance(req.ctx, req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="duplicate-assistance.xlsx"; filename*=UTF-8''${encodeURIComponent('重复帮扶预警.xlsx')}`)
      .send(body);
  });
  app.get('/api/v1/checks/unassisted', { schema: { tags, summary: '未帮扶名单：本辖区某类人员中当年没有任何帮扶记录的人（身份证号脱敏）', querystring: unassistedQuery } }, (req) =>
    findUnassisted(req.ctx, req.query),
  );
}

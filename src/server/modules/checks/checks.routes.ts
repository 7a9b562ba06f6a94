import { shanghaiDate } from '../../../domain/dates';
import { downloadName, sendXlsx } from '../../http/xlsx-list';
import type { App } from '../../http/types';
import { fullIdNumbersFlag } from '../imports/imports.schemas';
import { duplicateAssistanceQuery, unassistedQuery } from './checks.schemas';
import { exportDuplicateAssistance, exportUnassisted } from './checks.export';
import { findAssistanceDuplicates, findUnassisted } from './checks.service';

export function registerCheckRoutes(app: App): void {
  const tags = ['checks'];
  app.get('/api/v1/checks/duplicate-assistance', { schema: { tags, summary: '重复帮扶预警：同一对象同一项目同一期间在两个及以上单位获得帮扶（期间缺省为今年）', querystring: duplicateAssistanceQuery } }, (req) =>
    findAssistanceDuplicates(req.ctx, req.query),
  );
  app.get('/api/v1/checks/duplicate-assistance/export', { schema: { tags, summary: '导出重复帮扶预警（Excel，身份证号脱敏）', querystring: duplicateAssistanceQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const body = await exportDuplicateAssistance(req.ctx, req.query);
    const year = shanghaiDate(req.ctx.now()).slice(0, 4); // the period defaults to this year, as the list's
    const name = await downloadName(req.ctx, '重复帮扶预警', { orgId: req.query.orgId, from: req.query.from ?? `${year}-01-01`, to: req.query.to ?? `${year}-12-31` });
    return sendXlsx(reply, 'duplicate-assistance', name, body);
  });
  app.get('/api/v1/checks/unassisted', { schema: { tags, summary: '未帮扶名单：本辖区某类人员中当年没有任何帮扶记录的人（身份证号脱敏）', querystring: unassistedQuery } }, (req) =>
    findUnassisted(req.ctx, req.query),
  );
  app.get('/api/v1/checks/unassisted/export', { schema: { tags, summary: '导出未帮扶名单（Excel，同列表筛选；身份证号脱敏，fullIdNumbers=true 含完整身份证号，需查看完整个人信息权限，记入审计）', querystring: unassistedQuery.omit({ page: true, pageSize: true }).extend({ fullIdNumbers: fullIdNumbersFlag }) } }, async (req, reply) => {
    const { fullIdNumbers, ...q } = req.query;
    const body = await exportUnassisted(req.ctx, q, fullIdNumbers === 'true');
    const year = q.year ?? Number(shanghaiDate(req.ctx.now()).slice(0, 4));
    const name = await downloadName(req.ctx, `未帮扶人员名单-${q.category}`, { orgId: q.orgId, from: `${year}-01-01`, to: `${year}-12-31` });
    return sendXlsx(reply, 'unassisted', name, body);
  });
}

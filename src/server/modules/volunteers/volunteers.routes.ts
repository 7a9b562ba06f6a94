import { shanghaiDate } from '../../../domain/dates';
import type { App } from '../../http/types';
import { downloadName, sendXlsx } from '../../http/xlsx-list';
import { exportMembers, exportServices } from './volunteers.export';
import { addMemberBody, createServiceBody, createTeamBody, hoursQuery, idParam, listServicesQuery, listTeamsQuery } from './volunteers.schemas';
import { addMember, confirmService, createService, createTeam, getTeam, listMembers, listServices, listTeams, volunteerHours } from './volunteers.service';

export function registerVolunteerRoutes(app: App): void {
  const tags = ['volunteers'];
  app.get('/api/v1/volunteer-teams', { schema: { tags, summary: '志愿服务队列表（队员数、已确认服务时长）', querystring: listTeamsQuery } }, (req) => listTeams(req.ctx, req.query));
  app.post('/api/v1/volunteer-teams', { schema: { tags, summary: '新建志愿服务队（如 萤火虫志愿者服务队）', body: createTeamBody } }, async (req, reply) =>
    reply.status(201).send(await createTeam(req.ctx, req.body)),
  );
  app.get('/api/v1/volunteer-teams/:id', { schema: { tags, summary: '志愿服务队详情与队员', params: idParam } }, (req) => getTeam(req.ctx, req.params.id));
  app.get('/api/v1/volunteer-teams/:id/members', { schema: { tags, summary: '队员名单（手机号脱敏）与各自已确认时长', params: idParam } }, (req) => listMembers(req.ctx, req.params.id));
  app.get('/api/v1/volunteer-teams/:id/members/export', { schema: { tags, summary: '导出队员名单及已确认服务时长（Excel，手机号脱敏，末行合计；记入审计）', params: idParam } }, async (req, reply) => {
    const out = await exportMembers(req.ctx, req.params.id);
    return sendXlsx(reply, 'volunteer-members', `${out.teamName}队员服务时长-${shanghaiDate(req.ctx.now())}导出`, out.buffer);
  });
  app.post('/api/v1/volunteer-teams/:id/members', { schema: { tags, summary: '加入队员（人员库中的人员）', params: idParam, body: addMemberBody } }, async (req, reply) =>
    reply.status(201).send(await addMember(req.ctx, req.params.id, req.body)),
  );
  app.get('/api/v1/volunteer-services', { schema: { tags, summary: '志愿服务记录（按队伍、队员、状态、日期筛选；合计已确认时长）', querystring: listServicesQuery } }, (req) =>
    listServices(req.ctx, req.query),
  );
  app.get('/api/v1/volunteer-services/export', { schema: { tags, summary: '导出志愿服务记录（Excel；列表的筛选条件；记入审计）', querystring: listServicesQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) =>
    sendXlsx(reply, 'volunteer-services', await downloadName(req.ctx, '志愿服务记录', req.query), await exportServices(req.ctx, req.query)),
  );
  app.post('/api/v1/volunteer-services', { schema: { tags, summary: '登记一次志愿服务（待组织者确认）', body: createServiceBody } }, async (req, reply) =>
    reply.status(201).send(await createService(req.ctx, req.body)),
  );
  app.post('/api/v1/volunteer-services/:id/confirm', { schema: { tags, summary: '组织者确认服务时长（确认后计入时长）', params: idParam } }, (req) => confirmService(req.ctx, req.params.id));
  app.get('/api/v1/people/:id/volunteer-hours', { schema: { tags, summary: '志愿者本人的服务时长汇总（按队伍、年度；已确认与待确认）', params: idParam, querystring: hoursQuery } }, (req) =>
    volunteerHours(req.ctx, req.params.id, req.query),
  );
}

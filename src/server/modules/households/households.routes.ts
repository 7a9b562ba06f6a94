import type { App } from '../../http/types';
import { createHouseholdInput, householdIdParam, householdMemberInput, householdMemberParams, listHouseholdsQuery, updateHouseholdInput } from './households.schemas';
import { addHouseholdMember, createHousehold, getHousehold, listHouseholds, removeHouseholdMember, updateHousehold } from './households.service';

export function registerHouseholdRoutes(app: App): void {
  const tags = ['households'];
  app.get('/api/v1/households', { schema: { tags, summary: '家庭列表（本辖区）', querystring: listHouseholdsQuery } }, (req) => listHouseholds(req.ctx, req.query));
  app.post('/api/v1/households', { schema: { tags, summary: '新增家庭', body: createHouseholdInput } }, async (req, reply) =>
    reply.status(201).send(await createHousehold(req.ctx, req.body)),
  );
  app.get('/api/v1/households/:id', { schema: { tags, summary: '家庭详情（成员信息脱敏）', params: householdIdParam } }, (req) => getHousehold(req.ctx, req.params.id));
  app.patch('/api/v1/households/:id', { schema: { tags, summary: '修改家庭信息', params: householdIdParam, body: updateHouseholdInput } }, (req) =>
    updateHousehold(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/households/:id/members', { schema: { tags, summary: '添加家庭成员', params: householdIdParam, body: householdMemberInput } }, async (req, reply) =>
    reply.status(201).send(await addHouseholdMember(req.ctx, req.params.id, req.body)),
  );
  app.delete('/api/v1/households/:id/members/:personId', { schema: { tags, summary: '移除家庭成员', params: householdMemberParams } }, async (req, reply) => {
    await removeHouseholdMember(req.ctx, req.params.id, req.params.personId);
    return reply.status(204).send();
  });
}

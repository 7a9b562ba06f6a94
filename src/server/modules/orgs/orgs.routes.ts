import type { App } from '../../http/types';
import { addDesignation, listDesignations, removeDesignation } from './designations.service';
import { createDesignationInput, createOrgInput, idParam, listOrgsQuery, updateOrgInput } from './orgs.schemas';
import { createOrg, getOrg, listOrgs, updateOrg } from './orgs.service';

export function registerOrgRoutes(app: App): void {
  const tags = ['orgs'];
  app.get('/api/v1/orgs', { schema: { tags, summary: '组织列表（默认为辖区顶层；parentId 取下级）', querystring: listOrgsQuery } }, (req) =>
    listOrgs(req.ctx, req.query),
  );
  app.post('/api/v1/orgs', { schema: { tags, summary: '新增组织', body: createOrgInput } }, async (req, reply) =>
    reply.status(201).send(await createOrg(req.ctx, req.body)),
  );
  app.get('/api/v1/orgs/:id', { schema: { tags, summary: '组织详情', params: idParam } }, (req) => getOrg(req.ctx, req.params.id));
  app.patch('/api/v1/orgs/:id', { schema: { tags, summary: '修改组织', params: idParam, body: updateOrgInput } }, (req) =>
    updateOrg(req.ctx, req.params.id, req.body),
  );
  app.get('/api/v1/orgs/:id/designations', { schema: { tags, summary: '组织荣誉', params: idParam } }, (req) =>
    listDesignations(req.ctx, req.params.id),
  );
  app.post('/api/v1/orgs/:id/designations', { schema: { tags, summary: '新增组织荣誉', params: idParam, body: createDesignationInput } }, async (req, reply) =>
    reply.status(201).send(await addDesignation(req.ctx, req.params.id, req.body)),
  );
  app.delete('/api/v1/designations/:id', { schema: { tags, summary: '删除组织荣誉', params: idParam } }, async (req, reply) => {
    await removeDesignation(req.ctx, req.params.id);
    return reply.status(204).send();
  });
}

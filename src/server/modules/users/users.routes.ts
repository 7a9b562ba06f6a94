import type { App } from '../../http/types';
import { changePasswordInput, createUserInput, idParam, listUsersQuery, updateUserInput } from './users.schemas';
import { changeOwnPassword, createUser, getUser, listUsers, resetPassword, updateUser } from './users.service';

export function registerUserRoutes(app: App): void {
  const tags = ['users'];
  app.get('/api/v1/users', { schema: { tags, summary: '用户列表（管辖范围内；orgId 取该组织及下级组织的用户）', querystring: listUsersQuery } }, (req) =>
    listUsers(req.ctx, req.query),
  );
  app.post('/api/v1/users', { schema: { tags, summary: '新增用户', body: createUserInput } }, async (req, reply) =>
    reply.status(201).send(await createUser(req.ctx, req.body)),
  );
  app.get('/api/v1/users/:id', { schema: { tags, summary: '用户详情', params: idParam } }, (req) => getUser(req.ctx, req.params.id));
  app.patch('/api/v1/users/:id', { schema: { tags, summary: '修改用户（姓名、停用、授权）', params: idParam, body: updateUserInput } }, (req) =>
    updateUser(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/users/:id/reset-password', { schema: { tags, summary: '重置密码（返回一次性随机密码，下次登录须修改）', params: idParam } }, (req) =>
    resetPassword(req.ctx, req.params.id),
  );
  app.post('/api/v1/auth/password', { schema: { tags: ['auth'], summary: '修改本人密码', body: changePasswordInput } }, async (req, reply) => {
    await changeOwnPassword(req.ctx, req.body);
    return reply.status(204).send();
  });
}

import type { App } from '../../http/types';
import { createCategory, listCategories } from './categories.service';
import { createCategoryBody, createPersonBody, listPeopleQuery, personDetailQuery, personIdParam, updatePersonBody } from './people.schemas';
import { createPerson, getPerson, listPeople, updatePerson } from './people.service';

export function registerPeopleRoutes(app: App): void {
  const tags = ['people'];
  app.get('/api/v1/people', { schema: { tags, summary: '人员列表（脱敏；可按姓名、完整身份证号、类别、组织筛选）', querystring: listPeopleQuery } }, (req) =>
    listPeople(req.ctx, req.query),
  );
  app.post(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: '登记人员（同一身份证号全县只有一人：姓名一致则关联本单位并返回 200，不一致返回 409）',
        body: createPersonBody,
      },
    },
    async (req, reply) => {
      const result = await createPerson(req.ctx, req.body);
      return reply.status(result.outcome === 'created' ? 201 : 200).send(result);
    },
  );
  app.get('/api/v1/people/:id', { schema: { tags, summary: '人员详情（默认脱敏；reveal=true 显示完整信息并记入审计）', params: personIdParam, querystring: personDetailQuery } }, (req) =>
    getPerson(req.ctx, req.params.id, { reveal: req.query.reveal === 'true' }),
  );
  app.patch('/api/v1/people/:id', { schema: { tags, summary: '修改人员信息（身份证号不可修改）', params: personIdParam, body: updatePersonBody } }, (req) =>
    updatePerson(req.ctx, req.params.id, req.body),
  );

  const categoryTags = ['categories'];
  app.get('/api/v1/categories', { schema: { tags: categoryTags, summary: '人员类别列表（内置与自定义）' } }, (req) => listCategories(req.ctx));
  app.post('/api/v1/categories', { schema: { tags: categoryTags, summary: '新增人员类别', body: createCategoryBody } }, async (req, reply) =>
    reply.status(201).send(await createCategory(req.ctx, req.body)),
  );
}

import type { App } from '../../http/types';
import { addCatalogItemBody, catalogParam, catalogQuery } from './catalogs.schemas';
import { addCatalogItem, listCatalog } from './catalogs.service';

export function registerCatalogRoutes(app: App): void {
  const tags = ['catalogs'];
  app.get('/api/v1/catalogs/:catalog', { schema: { tags, summary: '台账目录（内置 + 本级及上级自定义的活动类型、帮扶项目、资金来源）', params: catalogParam, querystring: catalogQuery } }, (req) =>
    listCatalog(req.ctx, req.params.catalog, req.query),
  );
  app.post('/api/v1/catalogs/:catalog', { schema: { tags, summary: '新增本单位的目录条目（下级单位均可使用）', params: catalogParam, body: addCatalogItemBody } }, async (req, reply) =>
    reply.status(201).send(await addCatalogItem(req.ctx, req.params.catalog, req.body)),
  );
}

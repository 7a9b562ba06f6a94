import type { App } from '../../http/types';
import { ledgerIdParam } from '../catalogs/ledger-kit';
import { createContractBody, deleteContractBody, listContractsQuery, updateContractBody } from './contracts.schemas';
import { createContract, deleteContract, getContract, listContracts, updateContract } from './contracts.service';
import { withBatchSource } from '../imports/batches.service';

export function registerContractRoutes(app: App): void {
  const tags = ['contracts'];
  app.get('/api/v1/contracts', { schema: { tags, summary: '集体合同列表（按组织及下级、签订日期区间、类型、企业名称筛选）', querystring: listContractsQuery } }, (req) =>
    listContracts(req.ctx, req.query),
  );
  app.post('/api/v1/contracts', { schema: { tags, summary: '新增集体合同', body: createContractBody } }, async (req, reply) =>
    reply.status(201).send(await createContract(req.ctx, req.body)),
  );
  app.get('/api/v1/contracts/:id', { schema: { tags, summary: '集体合同详情', params: ledgerIdParam } }, async (req) => withBatchSource(req.ctx, await getContract(req.ctx, req.params.id)));
  app.patch('/api/v1/contracts/:id', { schema: { tags, summary: '修改集体合同', params: ledgerIdParam, body: updateContractBody } }, (req) =>
    updateContract(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/v1/contracts/:id', { schema: { tags, summary: '删除集体合同（须填写原因；记录保留备查）', params: ledgerIdParam, body: deleteContractBody } }, async (req, reply) => {
    await deleteContract(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
}

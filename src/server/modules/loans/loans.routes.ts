import type { App } from '../../http/types';
import { ledgerIdParam } from '../catalogs/ledger-kit';
import { createLoanProduct, listLoanProducts } from './loan-products.service';
import { createLoanBody, deleteLoanBody, listLoansQuery, loanProductBody, loanProductsQuery, loanStatusBody, repaymentBody, updateLoanBody } from './loans.schemas';
import { createLoan, deleteLoan, getLoan, listLoans, updateLoan } from './loans.service';
import { addRepayment, changeLoanStatus } from './loans.status';
import { withBatchSource } from '../imports/batches.service';

export function registerLoanRoutes(app: App): void {
  const tags = ['loans'];
  app.get('/api/v1/loans', { schema: { tags, summary: '妇女小额担保贷款列表（按组织及下级、放款日期区间、状态、借款人筛选；身份证号脱敏）', querystring: listLoansQuery } }, (req) =>
    listLoans(req.ctx, req.query),
  );
  app.post('/api/v1/loans', { schema: { tags, summary: '新增贷款（贴息按本金、利率、贴息比例、期限计算，可逐笔填写）', body: createLoanBody } }, async (req, reply) =>
    reply.status(201).send(await createLoan(req.ctx, req.body)),
  );
  app.get('/api/v1/loans/:id', { schema: { tags, summary: '贷款详情（含还款记录）', params: ledgerIdParam } }, async (req) => withBatchSource(req.ctx, await getLoan(req.ctx, req.params.id)));
  app.patch('/api/v1/loans/:id', { schema: { tags, summary: '修改贷款', params: ledgerIdParam, body: updateLoanBody } }, (req) => updateLoan(req.ctx, req.params.id, req.body));
  app.delete('/api/v1/loans/:id', { schema: { tags, summary: '删除贷款（须填写原因；记录保留备查）', params: ledgerIdParam, body: deleteLoanBody } }, async (req, reply) => {
    await deleteLoan(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/api/v1/loans/:id/status', { schema: { tags, summary: '变更贷款状态（申请中 → 已放款 → 已还清/逾期；还清须还款合计不少于本金）', params: ledgerIdParam, body: loanStatusBody } }, (req) =>
    changeLoanStatus(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/loans/:id/repayments', { schema: { tags, summary: '登记还款（金额单位元）', params: ledgerIdParam, body: repaymentBody } }, async (req, reply) =>
    reply.status(201).send(await addRepayment(req.ctx, req.params.id, req.body)),
  );
  app.get('/api/v1/loan-products', { schema: { tags, summary: '贷款产品列表（本级及上级的利率、贴息比例、期限）', querystring: loanProductsQuery } }, (req) =>
    listLoanProducts(req.ctx, req.query),
  );
  app.post('/api/v1/loan-products', { schema: { tags, summary: '新增贷款产品', body: loanProductBody } }, async (req, reply) =>
    reply.status(201).send(await createLoanProduct(req.ctx, req.body)),
  );
}

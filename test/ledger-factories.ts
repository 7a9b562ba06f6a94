import type { Ctx } from '../src/server/context';
import { createActivity } from '../src/server/modules/activities/activities.service';
import type { ActivityBody } from '../src/server/modules/activities/activities.schemas';
import { createAssistance } from '../src/server/modules/assistance/assistance.service';
import type { AssistanceBody } from '../src/server/modules/assistance/assistance.schemas';
import { createContract } from '../src/server/modules/contracts/contracts.service';
import type { ContractBody } from '../src/server/modules/contracts/contracts.schemas';
import { createLoan } from '../src/server/modules/loans/loans.service';
import type { LoanBody } from '../src/server/modules/loans/loans.schemas';

/** Ledger records built through the real services (rules, natural keys, audit entries). */
let seq = 0;

export async function buildActivity(ctx: Ctx, opts: Partial<ActivityBody> & { orgId: string }) {
  const n = ++seq;
  return createActivity(ctx, { name: `测试活动${n}`, type: '培训', startOn: '2026-03-08', participants: 30, ...opts });
}

export async function buildAssistance(ctx: Ctx, opts: Partial<AssistanceBody> & { orgId: string; personId: string }) {
  return createAssistance(ctx, { program: '送温暖', form: '现金', amountYuan: 500 + ++seq, givenOn: '2026-01-20', ...opts });
}

export async function buildLoan(ctx: Ctx, opts: Partial<LoanBody> & { orgId: string; personId: string }) {
  return createLoan(ctx, { principalWan: 5 + ++seq / 100, disbursedOn: '2026-02-01', termMonths: 24, bank: '农业银行', ...opts });
}

export async function buildContract(ctx: Ctx, opts: Partial<ContractBody> & { orgId: string }) {
  const n = ++seq;
  return createContract(ctx, { enterprise: `测试企业${n}有限公司`, type: '综合', signedOn: '2026-04-01', workers: 120, ...opts });
}

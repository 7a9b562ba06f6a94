import type { Ctx } from '../../context';
import { eachPage, listSheet } from '../../http/xlsx-list';
import { appendAudit } from '../audit/audit.service';
import type { CaseFacetsQuery } from './cases.schemas';
import { listCases } from './cases.service';

const stepLabels = { accept: '受理时限', handle: '办理时限' } as const;
const columns = [
  { header: '编号', width: 38 },
  { header: '登记日期', width: 12 },
  { header: '类型', width: 12 },
  { header: '子类', width: 10 },
  { header: '受理单位', width: 22 },
  { header: '来源渠道', width: 10 },
  { header: '当事人', width: 22 },
  { header: '案情摘要', width: 40 },
  { header: '状态', width: 10 },
  { header: '承办人', width: 10 },
  { header: '当前时限', width: 10 },
  { header: '到期日期', width: 12 },
  { header: '是否超期', width: 10 },
  { header: '办结日期', width: 12 },
  { header: '办结结果', width: 12 },
];

/**
 * 个案台账 as a workbook: exactly the cases the inbox lists under the same filters (listCases, hence
 * the same visibility rule), as the list shows them: confidential cases without their summary
 * (保密个案), children's names masked, no party's ID number or phone. Each export is audited.
 */
export async function exportCases(ctx: Ctx, q: CaseFacetsQuery): Promise<Buffer> {
  const sheet = listSheet(ctx, '个案台账', columns);
  const pageSize = 1000;
  await eachPage(
    pageSize,
    (page) => listCases(ctx, { ...q, page, pageSize }),
    (items) => {
      for (const c of items) {
        sheet.add([
          c.id, c.registeredOn, c.kind, c.subkind, c.orgName, c.channel, c.parties.map((p) => `${p.name}（${p.role}）`).join('、'),
          c.confidential ? '保密个案' : c.summary, c.pendingToOrgName ? `${c.status}（转至${c.pendingToOrgName}）` : c.status, c.handlerName,
          c.deadline.step ? stepLabels[c.deadline.step] : '', c.deadline.dueOn, c.deadline.state === 'overdue' ? `是（超期 ${-(c.deadline.daysLeft ?? 0)} 天）` : '否',
          c.closedOn, c.outcome,
        ]);
      }
    },
  );
  await appendAudit(ctx, { action: 'export', entity: 'case', entityId: null, orgId: q.orgId ?? null, detail: { count: sheet.rows, filters: q } });
  return sheet.buffer();
}

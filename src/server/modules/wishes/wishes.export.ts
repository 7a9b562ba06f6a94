import { wishStatusLabels } from '../../../domain/wishes/flow';
import type { Ctx } from '../../context';
import { eachPage, listSheet } from '../../http/xlsx-list';
import { appendAudit } from '../audit/audit.service';
import type { ListWishesQuery } from './wishes.schemas';
import { listWishes } from './wishes.service';

const columns = [
  { header: '编号', width: 18 },
  { header: '心愿', width: 24 },
  { header: '心愿对象', width: 10 },
  { header: '心愿人', width: 12 },
  { header: '价值(元)', width: 10 },
  { header: '征集单位', width: 22 },
  { header: '状态', width: 10 },
  { header: '发布日期', width: 12 },
  { header: '认领日期', width: 12 },
  { header: '送达日期', width: 12 },
  { header: '圆梦日期', width: 12 },
];

/**
 * 微心愿台账 as a workbook: exactly the wishes the staff list shows under the same filters (listWishes:
 * same scope, a child's name masked as in the list). No claimant appears, so no donor's phone. Audited.
 */
export async function exportWishes(ctx: Ctx, q: Omit<ListWishesQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const sheet = listSheet(ctx, '微心愿台账', columns);
  const pageSize = 500;
  await eachPage(
    pageSize,
    (page) => listWishes(ctx, { ...q, page, pageSize }),
    (items) => {
      for (const w of items) {
        sheet.add([w.code, w.title, w.beneficiaryKind, w.personName, w.valueYuan, w.orgName, wishStatusLabels[w.status], w.publishedOn, w.claimedOn, w.deliveredOn, w.fulfilledOn]);
      }
    },
  );
  await appendAudit(ctx, { action: 'export', entity: 'wish', entityId: null, orgId: q.orgId ?? null, detail: { count: sheet.rows, filters: q } });
  return sheet.buffer();
}

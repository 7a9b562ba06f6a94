import type { Ctx } from '../../context';
import { eachPage, listSheet } from '../../http/xlsx-list';
import { appendAudit } from '../audit/audit.service';
import type { ListPairingsQuery } from './pairings.schemas';
import { listPairings } from './pairings.service';

const columns = [
  { header: '帮扶方', width: 16 },
  { header: '帮扶方身份', width: 12 },
  { header: '受助方', width: 14 },
  { header: '受助方类别', width: 14 },
  { header: '结对单位', width: 22 },
  { header: '联系承诺', width: 18 },
  { header: '结对日期', width: 12 },
  { header: '状态', width: 20 },
  { header: '联系次数', width: 10 },
  { header: '最近联系', width: 12 },
  { header: '下次应联系', width: 12 },
  { header: '是否超期未联系', width: 14 },
  { header: '结束日期', width: 12 },
  { header: '结束原因', width: 20 },
];

async function visitCounts(ctx: Ctx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('pairing_visits')
    .select(['pairing_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pairing_id', 'in', ids)
    .groupBy('pairing_id')
    .execute();
  return new Map(rows.map((r) => [r.pairing_id, Number(r.n)]));
}

/**
 * 结对帮扶台账 as a workbook: exactly the pairings the list shows under the same filters (listPairings:
 * same scope, a helped child's name masked as in the list), with the number of visits logged. Audited.
 */
export async function exportPairings(ctx: Ctx, q: Omit<ListPairingsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const sheet = listSheet(ctx, '结对帮扶台账', columns);
  const pageSize = 1000;
  await eachPage(
    pageSize,
    (page) => listPairings(ctx, { ...q, page, pageSize }),
    async (items) => {
      const visits = await visitCounts(ctx, items.map((p) => p.id));
      for (const p of items) {
        sheet.add([
          p.helperName, p.helperRole, p.helpedName, p.helpedRole, p.orgName, p.commitmentLabel, p.startedOn, p.stateLabel,
          visits.get(p.id) ?? 0, p.lastVisitOn, p.nextDueOn, p.state === 'lapsed' ? `是（${p.daysOverdue} 天）` : '否', p.endedOn, p.endReason,
        ]);
      }
    },
  );
  await appendAudit(ctx, { action: 'export', entity: 'pairing', entityId: null, orgId: q.orgId ?? null, detail: { count: sheet.rows, filters: q } });
  return sheet.buffer();
}

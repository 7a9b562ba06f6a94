import { shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import { eachPage, listSheet } from '../../http/xlsx-list';
import { appendAudit } from '../audit/audit.service';
import type { ListServicesQuery } from './volunteers.schemas';
import { listServices } from './volunteers.service';

const columns = [
  { header: '服务日期', width: 12 },
  { header: '志愿服务队', width: 24 },
  { header: '志愿者', width: 12 },
  { header: '服务内容', width: 30 },
  { header: '时长(小时)', width: 12 },
  { header: '状态', width: 10 },
  { header: '确认人', width: 12 },
  { header: '确认日期', width: 12 },
];

/**
 * 志愿服务记录 as a workbook: exactly the records the list shows under the same filters (listServices:
 * same scope); hours as numbers, so a sum in the sheet gives the list's total. Audited.
 */
export async function exportServices(ctx: Ctx, q: Omit<ListServicesQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const sheet = listSheet(ctx, '志愿服务记录', columns);
  const pageSize = 1000;
  await eachPage(
    pageSize,
    (page) => listServices(ctx, { ...q, page, pageSize }),
    (items) => {
      for (const s of items) sheet.add([s.servedOn, s.teamName, s.personName, s.activity, s.hours, s.statusLabel, s.confirmedBy, s.confirmedAt ? shanghaiDate(new Date(s.confirmedAt)) : null]);
    },
  );
  await appendAudit(ctx, { action: 'export', entity: 'volunteer_service', entityId: null, orgId: q.orgId ?? null, detail: { count: sheet.rows, filters: q } });
  return sheet.buffer();
}

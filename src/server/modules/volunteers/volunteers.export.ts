import { shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import { eachPage, listSheet } from '../../http/xlsx-list';
import { appendAudit } from '../audit/audit.service';
import type { ListServicesQuery } from './volunteers.schemas';
import { getTeam, listServices } from './volunteers.service';

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

const memberColumns = [
  { header: '姓名', width: 12 },
  { header: '性别', width: 8 },
  { header: '手机号', width: 16 },
  { header: '入队日期', width: 12 },
  { header: '已确认时长(小时)', width: 16 },
];

/**
 * A team's roster with each volunteer's confirmed hours (队员服务时长统计, e.g. for 星级志愿者 ratings):
 * the members list as the team page shows it (phones masked), a 合计 row last. Audited.
 */
export async function exportMembers(ctx: Ctx, teamId: string): Promise<{ buffer: Buffer; teamName: string }> {
  const team = await getTeam(ctx, teamId);
  const sheet = listSheet(ctx, `${team.name}队员服务时长`, memberColumns);
  let hours = 0;
  for (const m of team.members) {
    sheet.add([m.name, m.gender, m.phone, m.joinedOn, m.confirmedHours]);
    hours += m.confirmedHours;
  }
  sheet.add(['合计', null, null, `${team.members.length} 人`, Math.round(hours * 10) / 10]);
  await appendAudit(ctx, { action: 'export', entity: 'volunteer_team', entityId: team.id, orgId: team.orgId, detail: { count: team.members.length, what: 'members' } });
  return { buffer: await sheet.buffer(), teamName: team.name };
}

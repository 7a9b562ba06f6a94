import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { serviceStatuses } from '../../../domain/volunteers/hours';

const date = (label: string) => z.string().trim().refine(isValidDate, `${label}应为有效日期（如 2026-03-08）`);
const id = z.string().trim().min(1).max(64);
const page = {
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(20),
};

export const createTeamBody = z.object({
  orgId: id.optional().describe('所属单位；省略则为本人所在单位'),
  name: z.string().trim().min(1, '请填写队伍名称').max(50, '队伍名称不能超过 50 个字').describe('如 萤火虫志愿者服务队'),
  description: z.string().trim().max(500, '简介不能超过 500 个字').optional(),
});
export type CreateTeamBody = z.infer<typeof createTeamBody>;

export const listTeamsQuery = z.object({ orgId: id.optional().describe('只看该单位及其下级'), q: z.string().trim().max(50).optional().describe('队伍名称关键词'), ...page });
export type ListTeamsQuery = z.infer<typeof listTeamsQuery>;

export const addMemberBody = z.object({ personId: id.describe('人员库中的人员'), joinedOn: date('加入日期').optional().describe('省略为今天') });
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const createServiceBody = z.object({
  teamId: id.describe('志愿服务队'),
  personId: id.describe('志愿者（须为该队队员）'),
  servedOn: date('服务日期'),
  hours: z.number({ error: '服务时长应为小时数' }).describe('小时，精确到 0.1 小时'),
  activity: z.string().trim().min(1, '请填写服务内容').max(100, '服务内容不能超过 100 个字'),
});
export type CreateServiceBody = z.infer<typeof createServiceBody>;

export const listServicesQuery = z.object({
  orgId: id.optional().describe('只看该单位及其下级的队伍'),
  teamId: id.optional(),
  personId: id.optional(),
  status: z.enum(serviceStatuses, { error: '状态应为 pending、confirmed 之一' }).optional(),
  from: date('起始日期').optional(),
  to: date('截止日期').optional(),
  ...page,
});
export type ListServicesQuery = z.infer<typeof listServicesQuery>;

export const hoursQuery = z.object({ year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional().describe('省略为全部年度') });
export const idParam = z.object({ id: z.string().min(1).max(64) });

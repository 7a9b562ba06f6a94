import { z } from 'zod';
import { activityInput, deleteInput } from '../../../domain/ledgers/inputs';
import { ledgerListQuery, patchBody, requestBody } from '../catalogs/ledger-kit';

export type ActivityBody = z.input<ReturnType<typeof activityInput>>;
export const createActivityBody = requestBody(activityInput(null)).describe('活动：名称、类型、日期、场次、参与人次、对象、主办单位（orgId/orgCode）、联合单位（名称）、成果（名称 + 数量 + 单位）');
export const updateActivityBody = patchBody(activityInput(null)).describe('只提交要修改的字段；partners、outcomes、targetGroups 整体替换');
export const deleteActivityBody = deleteInput;
export const listActivitiesQuery = ledgerListQuery.extend({
  type: z.string().trim().max(20).optional().describe('活动类型'),
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;
export type ActivityFilters = Omit<ListActivitiesQuery, 'page' | 'pageSize'>;

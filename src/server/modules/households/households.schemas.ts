import { z } from 'zod';

const id = (label: string) => z.string({ error: `${label}为必填项` }).trim().min(1, `${label}为必填项`).max(64, `${label}格式不正确`);

export const householdMemberInput = z.object({
  personId: id('成员'),
  relation: z.string({ error: '与户主关系为必填项' }).trim().min(1, '与户主关系为必填项').max(20, '与户主关系不能超过 20 个字符').describe('与户主关系：户主、配偶、子女、父母……'),
});
export type HouseholdMemberInput = z.infer<typeof householdMemberInput>;

export const createHouseholdInput = z.object({
  name: z.string({ error: '户名为必填项' }).trim().min(1, '户名为必填项').max(100, '户名不能超过 100 个字符'),
  orgId: z.string().trim().min(1).max(64).optional().describe('所属组织 id；缺省为本人唯一的授权组织'),
  orgCode: z.string().trim().min(1).max(64).optional().describe('所属组织代码（与 orgId 二选一）'),
  address: z.string().trim().max(200, '住址不能超过 200 个字符').nullish(),
  headPersonId: id('户主').nullish().describe('户主（须为成员；未列入成员时自动以“户主”加入）'),
  categories: z.array(z.string().trim().min(1).max(20, '家庭类别不能超过 20 个字符')).max(20, '家庭类别最多 20 个').optional().describe('家庭类别，如 困难家庭、低保户'),
  members: z.array(householdMemberInput).max(50, '一户最多 50 名成员').optional(),
});
export type CreateHouseholdInput = z.infer<typeof createHouseholdInput>;

export const updateHouseholdInput = createHouseholdInput.omit({ members: true, orgCode: true }).partial();
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdInput>;

export const listHouseholdsQuery = z.object({
  orgId: z.string().trim().min(1).max(64).optional().describe('只看该组织及其下级'),
  q: z.string().trim().max(100, '搜索词不能超过 100 个字符').optional().describe('户名片段'),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(20),
});
export type ListHouseholdsQuery = z.infer<typeof listHouseholdsQuery>;

export const householdIdParam = z.object({ id: z.string().min(1).max(64) });
export const householdMemberParams = z.object({ id: z.string().min(1).max(64), personId: z.string().min(1).max(64) });

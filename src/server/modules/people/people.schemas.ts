import { z } from 'zod';

/**
 * Route schemas. They check shapes only and document the API; the person rules (GB 11643 check,
 * phone, birth date not after today) live in src/domain/person.ts and are applied by the service
 * against the request's own date, so the seed, the importer and HTTP share one path.
 */
const text = (label: string) => z.string({ error: `${label}应为文本` });

export const createPersonBody = z.object({
  name: z.string({ error: '姓名为必填项' }).describe('姓名'),
  idNumber: z.string({ error: '身份证号为必填项（请以文本提交）' }).describe('18 位公民身份号码（GB 11643）；出生日期与性别由其推出'),
  phone: text('联系电话').nullish().describe('手机号或座机'),
  ethnicity: text('民族').nullish(),
  address: text('住址').nullish(),
  categories: z.array(text('人员类别'), { error: '人员类别应为列表' }).optional().describe('人员类别，须为已定义的类别'),
  orgId: text('所属组织').optional().describe('所属组织 id；缺省为本人唯一的授权组织'),
  orgCode: text('所属组织').optional().describe('所属组织代码（与 orgId 二选一）'),
  note: text('备注').nullish(),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object({
  name: z.string({ error: '姓名应为文本' }).optional(),
  idNumber: z.unknown().optional().describe('不可修改；提交即报错'),
  phone: text('联系电话').nullish(),
  ethnicity: text('民族').nullish(),
  address: text('住址').nullish(),
  categories: z.array(text('人员类别'), { error: '人员类别应为列表' }).optional().describe('替换为这一组类别'),
  orgId: text('所属组织').optional().describe('改登记单位（须在管辖范围内）'),
  note: text('备注').nullish(),
});
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const listPeopleQuery = z.object({
  q: z.string().trim().max(100, '搜索词不能超过 100 个字符').optional().describe('姓名片段，或完整的 18 位身份证号'),
  category: z.string().trim().max(20).optional().describe('人员类别'),
  orgId: z.string().trim().min(1).max(64).optional().describe('只看该组织及其下级登记或关联的人员'),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(20),
});
export type ListPeopleQuery = z.infer<typeof listPeopleQuery>;

export const personIdParam = z.object({ id: z.string().min(1).max(64) });

export const personDetailQuery = z.object({
  reveal: z.enum(['true', 'false'], { error: 'reveal 应为 true 或 false' }).optional().describe('true：显示完整身份证号、电话、住址（需查看个人信息权限，记入审计）'),
});

export const createCategoryBody = z.object({
  name: z
    .string({ error: '类别名称为必填项' })
    .trim()
    .min(1, '类别名称为必填项')
    .max(20, '类别名称不能超过 20 个字符')
    // the importer splits 人员类别 cells on these characters (src/domain/categories.ts)
    .refine((v) => !/[、;；,，\s]/.test(v), '类别名称不能包含顿号、逗号、分号或空格'),
});
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;

import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { designationLevels, orgCodePattern, orgKinds, orgLevels } from '../../../domain/org';
import { checkDivisionCode } from '../../../domain/regions';

const date = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => isValidDate(v), `${label}应为有效日期，格式 YYYY-MM-DD`);

const divisionCode = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = checkDivisionCode(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export const createOrgInput = z.object({
  code: z.string({ error: '组织代码为必填项' }).trim().regex(orgCodePattern, '组织代码只能包含字母、数字、- 和 _，最长 64 位'),
  name: z.string({ error: '组织名称为必填项' }).trim().min(1, '组织名称为必填项').max(100, '组织名称不能超过 100 个字符'),
  kind: z.enum(orgKinds, { error: `组织类型应为 ${orgKinds.join('、')} 之一` }),
  level: z.enum(orgLevels, { error: `组织层级应为 ${orgLevels.join('、')} 之一` }).optional(),
  parentId: z.string().trim().min(1).optional(),
  parentCode: z.string().trim().min(1).optional(),
  divisionCode: divisionCode.optional().nullable(),
  establishedOn: date('成立日期').optional().nullable(),
  dissolvedOn: date('撤销日期').optional().nullable(),
});
export type CreateOrgInput = z.infer<typeof createOrgInput>;

export const updateOrgInput = createOrgInput.omit({ code: true, parentCode: true }).partial();
export type UpdateOrgInput = z.infer<typeof updateOrgInput>;

export const listOrgsQuery = z.object({
  parentId: z.string().optional(),
  under: z.string().trim().min(1).max(64).optional().describe('只列出该组织及其下级（如提名时限于推荐单位的辖区）'),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(orgKinds).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListOrgsQuery = z.infer<typeof listOrgsQuery>;

export const createDesignationInput = z.object({
  title: z.string({ error: '荣誉名称为必填项' }).trim().min(1, '荣誉名称为必填项').max(100, '荣誉名称不能超过 100 个字符'),
  level: z.enum(designationLevels, { error: '级别应为 国家级、省级、市级 或 县级' }),
  year: z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(1949, '年度不早于 1949').max(2100, '年度不晚于 2100'),
  awardedOn: date('命名日期').optional().nullable(),
  note: z.string().max(500, '备注不能超过 500 个字符').optional().nullable(),
});
export type CreateDesignationInput = z.infer<typeof createDesignationInput>;

export const idParam = z.object({ id: z.string().min(1).max(64) });

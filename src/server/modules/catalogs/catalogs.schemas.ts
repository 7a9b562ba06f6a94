import { z } from 'zod';
import { catalogNames } from '../../../domain/ledgers/catalogs';

export const catalogParam = z.object({
  catalog: z.enum(catalogNames, { error: `目录应为 ${catalogNames.join('、')} 之一` }).describe('activity_type 活动类型 · assistance_program 帮扶项目 · funder 资金来源'),
});
export const catalogQuery = z.object({
  orgId: z.string().trim().min(1).max(64).optional().describe('该组织可用的条目（内置 + 本级及上级自定义）；缺省为本人的授权组织'),
});
export const addCatalogItemBody = z.object({
  name: z.string({ error: '名称为必填项' }).trim().min(1, '名称为必填项').max(30, '名称不能超过 30 个字符')
    // the importer splits list cells on these characters (src/domain/ledgers/catalogs.ts splitList)
    .refine((v) => !/[、;；,，\n]/.test(v), '名称不能包含顿号、逗号或分号'),
  orgId: z.string().trim().min(1).max(64).optional().describe('添加到哪个组织（其下级均可使用）；缺省为本人唯一的授权组织'),
});
export type AddCatalogItemBody = z.infer<typeof addCatalogItemBody>;

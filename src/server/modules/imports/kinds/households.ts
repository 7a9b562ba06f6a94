import { z } from 'zod';
import { isValidDate, recordDateIssue } from '../../../../domain/dates';
import type { KindSpec } from './types';

/** Households (家庭) by their head (户主), who is registered like any person; 脱贫日期 is a record date (domain/dates.ts). */
export const householdImportInput = (today: string) =>
  z.object({
    name: z.string({ error: '户名为必填项' }).trim().min(1, '户名为必填项').max(100, '户名不能超过 100 个字符'),
    headName: z.string({ error: '户主姓名为必填项' }).trim().min(1, '户主姓名为必填项').max(50, '户主姓名不能超过 50 个字符'),
    headIdNumber: z.string({ error: '户主身份证号为必填项' }).min(1, '户主身份证号为必填项'),
    address: z.string().trim().max(200, '住址不能超过 200 个字符').nullish(),
    categories: z.array(z.string().trim().min(1).max(20, '家庭类别不能超过 20 个字符')).max(20).default([]),
    liftedOn: z
      .string()
      .superRefine((v, ctx) => {
        const issue = isValidDate(v) ? recordDateIssue('脱贫日期', v, today) : '脱贫日期应为有效日期';
        if (issue) ctx.addIssue({ code: 'custom', message: issue });
      })
      .nullish(),
  });
export type HouseholdImportInput = z.infer<ReturnType<typeof householdImportInput>>;

export const householdsKind: KindSpec<HouseholdImportInput> = {
  kind: 'households',
  title: '家庭台账',
  orgColumn: 'org',
  columns: [
    { key: 'headName', header: '户主姓名', required: true, synonyms: ['户主', '姓名'], example: '张建国', width: 12 },
    { key: 'headIdNumber', header: '户主身份证号', required: true, synonyms: ['身份证号', '身份证号码', '公民身份号码'], text: true, example: '230623197001011213', width: 22 },
    { key: 'name', header: '户名', synonyms: ['家庭名称'], example: '张建国户', width: 14 },
    { key: 'address', header: '住址', synonyms: ['家庭住址', '地址'], example: '林甸镇幸福村3组', width: 28 },
    { key: 'categories', header: '家庭类别', synonyms: ['类别'], example: '困难家庭', width: 16 },
    { key: 'liftedOn', header: '脱贫日期', date: true, example: '', width: 12 },
    { key: 'org', header: '所属组织', synonyms: ['所属单位'], example: '', width: 18 },
  ],
  fields: { name: 'name', headName: 'headName', headIdNumber: 'headIdNumber', address: 'address', categories: 'categories', liftedOn: 'liftedOn' },
  schema: (today) => householdImportInput(today),
  toInput(r) {
    const headName = r.text('headName');
    return {
      name: r.text('name') ?? (headName ? `${headName}户` : undefined),
      headName,
      headIdNumber: r.idNumber('headIdNumber'),
      address: r.text('address'),
      categories: r.list('categories'),
      liftedOn: r.date('liftedOn') ?? null,
    };
  },
};

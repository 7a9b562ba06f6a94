import { z } from 'zod';
import { checkIdNumber } from './id-number';
import { checkPhone } from './phone';

/**
 * The person form's rules, shared by the server (request validation) and the web form, so a clerk
 * sees the same Chinese message in both places. Birth date and gender come from the ID number.
 */
export const ethnicities = ['汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '其他'] as const;

export function personInput(today: string) {
  return z.object({
    name: z
      .string({ error: '姓名为必填项' })
      .trim()
      .min(1, '姓名为必填项')
      .max(50, '姓名不能超过 50 个字符')
      .regex(/^[\p{Script=Han}A-Za-z·•.\s]+$/u, '姓名只能包含汉字、字母和间隔号'),
    idNumber: z.string({ error: '身份证号为必填项' }).superRefine((v, ctx) => {
      const r = checkIdNumber(v, today);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    }),
    phone: z
      .string()
      .optional()
      .nullable()
      .superRefine((v, ctx) => {
        if (v === undefined || v === null || v.trim() === '') return;
        const r = checkPhone(v);
        if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
      }),
    ethnicity: z.string().trim().max(20, '民族不能超过 20 个字符').optional().nullable(),
    address: z.string().trim().max(200, '住址不能超过 200 个字符').optional().nullable(),
    categories: z.array(z.string().trim().min(1).max(20, '人员类别不能超过 20 个字符')).max(20).optional(),
    orgCode: z.string().trim().optional(),
    orgId: z.string().trim().optional(),
    note: z.string().max(500, '备注不能超过 500 个字符').optional().nullable(),
  });
}
export type PersonInput = z.infer<ReturnType<typeof personInput>>;

import { z } from 'zod';
import type { OrgKind } from './org';
import { checkDivisionCode } from './regions';

/**
 * The set-up of a county that starts without the demo: its Party committee (the root of the tree)
 * and the mass-organization bodies under it, named the way county documents name them
 * (青禾县总工会, 共青团青禾县委, 青禾县妇联 …), coded from one short prefix (QH, QH-ZGH, QH-TW …).
 */
export const countyBodies = [
  { key: 'union', kind: 'union', label: '总工会', suffix: 'ZGH', name: (c: string) => `${c}总工会` },
  { key: 'youth_league', kind: 'youth_league', label: '团委', suffix: 'TW', name: (c: string) => `共青团${c}委` },
  { key: 'womens_federation', kind: 'womens_federation', label: '妇联', suffix: 'FL', name: (c: string) => `${c}妇联` },
  { key: 'science_association', kind: 'science_association', label: '科协', suffix: 'KX', name: (c: string) => `${c}科协` },
  { key: 'organ_committee', kind: 'organ_committee', label: '直属机关工委', suffix: 'JGGW', name: (c: string) => `${c}直机关工委` },
  { key: 'party_school', kind: 'party_school', label: '党校', suffix: 'DX', name: (c: string) => `${c}委党校` },
] as const satisfies readonly { key: string; kind: OrgKind; label: string; suffix: string; name: (county: string) => string }[];
export type CountyBody = (typeof countyBodies)[number]['key'];
export const countyBodyKeys = countyBodies.map((b) => b.key) as [CountyBody, ...CountyBody[]];

export const countyRootName = (county: string) => `${county}委`;

export const setupCountyInput = z.object({
  countyName: z
    .string({ error: '县（区）名称为必填项' })
    .trim()
    .min(2, '县（区）名称至少 2 个字')
    .max(20, '县（区）名称不能超过 20 个字')
    .regex(/^[\u4e00-\u9fa5·]+$/, '县（区）名称只能是汉字，如 青禾县'),
  divisionCode: z
    .string({ error: '行政区划代码为必填项' })
    .trim()
    .superRefine((v, ctx) => {
      if (!/^\d{6}$/.test(v)) return void ctx.addIssue({ code: 'custom', message: '县级行政区划代码应为 6 位数字（GB/T 2260），如 231225' });
      const r = checkDivisionCode(v);
      if (!r.ok) return void ctx.addIssue({ code: 'custom', message: r.message });
      if (v.endsWith('00')) ctx.addIssue({ code: 'custom', message: '末两位为 00 的是地市级代码，请填写本县（区）的代码' });
    }),
  codePrefix: z
    .string({ error: '单位编码前缀为必填项' })
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,11}$/, '单位编码前缀应为 1 至 12 位字母或数字，以字母开头，如 QH')
    .transform((v) => v.toUpperCase()),
  bodies: z.array(z.enum(countyBodyKeys, { error: '群团组织选择有误' })).max(countyBodies.length),
});
export type SetupCountyInput = z.infer<typeof setupCountyInput>;

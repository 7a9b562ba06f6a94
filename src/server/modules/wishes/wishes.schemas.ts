import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { donorNameInput } from '../../../domain/wishes/donor';
import { publicWishStatuses, wishActions, wishBeneficiaryKinds, wishStatuses } from '../../../domain/wishes/flow';

const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `${label}应为 ${values.join('、')} 之一` });
const id = z.string().trim().min(1).max(64);
const yuan = (label: string) => z.number({ error: `${label}应为金额（元）` }).positive(`${label}应大于 0`).max(100_000, `${label}不能超过 10 万元`);
const page = {
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(50, '每页最多 50 条').default(20),
};

export const createWishBody = z
  .object({
    orgId: id.optional().describe('征集心愿的单位；省略则为本人所在单位'),
    personId: id.describe('心愿人（人员库中的儿童、老人或妇女）'),
    beneficiaryKind: oneOf(wishBeneficiaryKinds, '心愿对象'),
    title: z.string().trim().min(1, '请填写心愿').max(30, '心愿不能超过 30 个字').describe('如 一件冬衣、一套课外书'),
    story: z.string().trim().min(1, '请填写心愿说明').max(300, '心愿说明不能超过 300 个字').describe('公开显示：不得写姓名、电话、住址、学校'),
    valueYuan: yuan('心愿价值'),
  })
  .describe('征集一个微心愿（待审核）');
export type CreateWishBody = z.infer<typeof createWishBody>;

export const updateWishBody = z
  .object({
    title: z.string().trim().min(1, '请填写心愿').max(30, '心愿不能超过 30 个字').optional(),
    story: z.string().trim().min(1, '请填写心愿说明').max(300, '心愿说明不能超过 300 个字').optional(),
    valueYuan: yuan('心愿价值').optional(),
    beneficiaryKind: oneOf(wishBeneficiaryKinds, '心愿对象').optional(),
  })
  .describe('修改心愿（仅待审核、已通过、未通过时；未通过的修改后重新待审核）');
export type UpdateWishBody = z.infer<typeof updateWishBody>;

export const listWishesQuery = z.object({
  orgId: id.optional().describe('只看该单位及其下级'),
  status: oneOf(wishStatuses, '状态').optional(),
  ...page,
});
export type ListWishesQuery = z.infer<typeof listWishesQuery>;

export const wishTransitionBody = z
  .object({
    action: oneOf(wishActions, '操作'),
    reason: z.string().trim().max(200, '理由不能超过 200 个字').optional().describe('退回、解除认领、撤回：理由'),
    deliveredOn: z.string().trim().refine(isValidDate, '送达日期应为有效日期（如 2026-03-08）').optional().describe('登记送达：送达日期，省略为今天'),
    note: z.string().trim().max(500, '说明不能超过 500 个字').optional().describe('登记送达：送达情况'),
  })
  .describe('approve 审核通过 | reject 退回 | publish 发布 | release 解除认领 | deliver 登记送达（须先上传照片） | confirm 确认圆梦 | withdraw 撤回');
export type WishTransitionBody = z.infer<typeof wishTransitionBody>;

const optionalText = (label: string, max: number) => z.string({ error: `${label}应为文字` }).trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional();
export const wishSettingsBody = z.object({
  orgId: id.optional(),
  valueCapYuan: yuan('心愿价值上限'),
  claimDays: z.number({ error: '认领期限应为天数' }).int('认领期限应为整天数').min(1, '认领期限至少 1 天').max(90, '认领期限最长 90 天'),
  deliveryAddress: optionalText('送达地点地址', 100).describe('爱心人士送心愿物品的地点：完整地址（公开显示）'),
  deliveryPhone: z
    .string({ error: '联系电话应为文字' })
    .trim()
    .max(20, '联系电话不能超过 20 个字符')
    .refine((v) => v === '' || /^(?=(?:\D*\d){7,})[\d\s()（）+-]+$/.test(v), '联系电话应为手机号或座机号码（如 010-12345678）')
    .nullable()
    .optional()
    .describe('送达地点的联系电话（公开显示）'),
  deliveryHours: optionalText('接收时间', 60).describe('送达地点的接收时间，如 工作日 8:30–17:00'),
});
export type WishSettingsBody = z.infer<typeof wishSettingsBody>;
export const wishSettingsQuery = z.object({ orgId: id.optional() });

export const wishIdParam = z.object({ id: z.string().min(1).max(64) });

// public (phone pages, no login)
export const publicWishesQuery = z.object({
  unit: id.optional().describe('征集单位（含下级）'),
  minYuan: z.coerce.number({ error: '最低价值应为数字' }).min(0).optional(),
  maxYuan: z.coerce.number({ error: '最高价值应为数字' }).min(0).optional(),
  status: oneOf(publicWishStatuses, '状态').optional().describe('省略为 published（待认领）'),
  kind: oneOf(wishBeneficiaryKinds, '心愿对象').optional(),
  ...page,
});
export type PublicWishesQuery = z.infer<typeof publicWishesQuery>;
export const publicWishParam = z.object({ id: z.string().trim().min(1).max(64).describe('心愿编号（如 WX-2026-000123）') });
export const claimBody = z.object({
  token: z.string({ error: '请先验证手机号' }).trim().min(1, '请先验证手机号').max(200),
  donorName: donorNameInput.nullable().optional().describe('致谢时显示的称呼（如 张女士）；留空或“匿名”显示为 爱心人士（匿名）'),
});
export const publicTokenHeaders = z.object({ 'x-public-token': z.string({ error: '请先验证手机号' }).trim().min(1, '请先验证手机号').max(200).describe('手机验证后取得的公众令牌') });

// what the public routes may answer: fields outside these shapes never leave the server
const nullableText = z.string().nullable();
export const publicWishResult = z.object({
  id: z.string().describe('心愿编号'),
  maskedName: z.string(),
  kind: z.string(),
  title: z.string(),
  story: z.string(),
  valueYuan: z.number(),
  unitName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  publishedOn: nullableText,
  claimedOn: nullableText,
  fulfilledOn: nullableText,
  donorName: nullableText.describe('认领后：爱心人士留下的称呼，或 爱心人士（匿名）；从不含手机号'),
});
const deliveryPoint = z.object({ unitName: z.string(), address: nullableText, phone: nullableText, hours: nullableText });
export const publicWishDetailResult = publicWishResult.extend({ claimDays: z.number(), deliveryPoint });
export const publicBoardResult = z.object({
  items: z.array(publicWishResult),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const claimResult = z.object({ wish: publicWishDetailResult, claim: z.object({ claimedOn: z.string(), dueOn: z.string(), phoneMasked: z.string(), donorName: z.string() }) });
export const myClaimsResult = z.object({
  phoneMasked: z.string(),
  items: z.array(
    z.object({
      wishId: z.string(), maskedName: z.string(), title: z.string(), valueYuan: z.number(), unitName: z.string(), claimedOn: z.string(), dueOn: z.string(),
      outcome: z.string(), outcomeLabel: z.string(), wishStatus: nullableText, wishStatusLabel: nullableText, deliveredOn: nullableText, endedOn: nullableText,
    }),
  ),
});

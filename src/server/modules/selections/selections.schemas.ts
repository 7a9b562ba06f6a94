import { z } from 'zod';
import { designationLevels } from '../../../domain/org';
import { nomineeTypes, stages } from '../../../domain/selections/kinds';
import { consentKinds } from '../../../domain/selections/publication';

/** Request shapes for selections (评选表彰); messages are the ones users see. */
const id = z.string().trim().min(1).max(64);
const int = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`);

// an instant with its offset (2026-06-16T08:00:00+08:00 or …Z), years 2000–2100
const instant = (label: string) =>
  z
    .string({ error: `${label}应为时间` })
    .trim()
    .max(40, `${label}格式不正确`)
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), `${label}格式不正确，应如 2026-06-16T08:00:00+08:00`)
    .refine((v) => {
      const y = new Date(Date.parse(v)).getUTCFullYear();
      return y >= 2000 && y <= 2100;
    }, `${label}应在 2000 年至 2100 年之间`);

const quota = z.object({ orgId: id.describe('推荐单位 id'), quota: int('名额', 1, 1000).describe('推荐名额') });

const rules = {
  votingEnabled: z.boolean().describe('是否开展网络投票'),
  juryEnabled: z.boolean().describe('是否评委评审'),
  juryWeight: int('评委权重', 0, 100).describe('评委评分占最终得分的百分比（其余为投票），如 70'),
  winnersCount: int('表彰名额', 1, 1000).describe('表彰名额（按最终得分取前若干名）'),
  votesPerDay: int('每人每日票数', 1, 100).describe('每个手机号每天最多投几票（每位候选对象每天一票）'),
  votesPerCampaign: int('每人总票数', 1, 10000).describe('每个手机号在本次评选中最多投几票'),
  votesPerAddressHour: int('同一网络地址（IP）每小时票数', 1, 100000).describe('同一网络地址每小时最多投几票（超出返回 429）'),
  hideResults: z.boolean().describe('投票结束前是否隐藏票数'),
  publicityDays: int('公示天数', 1, 60).describe('公示期天数'),
  votingStartsAt: instant('投票开始时间').nullable().describe('投票开始时间（带时区，如 2026-06-16T08:00:00+08:00）；不填则进入投票阶段即开始'),
  votingEndsAt: instant('投票截止时间').nullable().describe('投票截止时间（带时区）；进入投票阶段前须设置，到时自动截止'),
};

export const createCampaignBody = z
  .object({
    orgId: id.optional().describe('主办单位 id（不填为本人所在组织）'),
    name: z.string({ error: '请填写评选名称' }).trim().min(1, '请填写评选名称').max(100, '评选名称不能超过 100 个字符'),
    kind: z.string({ error: '请填写评选类别' }).trim().min(1, '请填写评选类别').max(50, '评选类别不能超过 50 个字符').describe('最美家庭、巾帼文明岗 … 或自定义'),
    nomineeType: z.enum(nomineeTypes, { error: '候选对象类型应为 person、household、unit 或 loan' }),
    year: int('年度', 2000, 2100),
    awardLevel: z.enum(designationLevels, { error: '表彰级别应为 国家级、省级、市级 或 县级' }),
    description: z.string().trim().max(2000, '评选说明不能超过 2000 个字符').optional(),
    quotas: z.array(quota).min(1, '请至少为一个推荐单位分配名额').max(500),
    votingEnabled: rules.votingEnabled.default(true),
    juryEnabled: rules.juryEnabled.default(true),
    juryWeight: rules.juryWeight.default(70),
    winnersCount: rules.winnersCount.default(10),
    votesPerDay: rules.votesPerDay.default(3),
    votesPerCampaign: rules.votesPerCampaign.default(30),
    votesPerAddressHour: rules.votesPerAddressHour.default(200),
    hideResults: rules.hideResults.default(false),
    publicityDays: rules.publicityDays.default(7),
    votingStartsAt: rules.votingStartsAt.optional(),
    votingEndsAt: rules.votingEndsAt.optional(),
  })
  .describe('新建评选：类别、候选对象类型、各推荐单位名额、投票与评审规则');
export type CreateCampaignBody = z.input<typeof createCampaignBody>;

export const updateCampaignBody = z
  .object({
    name: z.string().trim().min(1, '评选名称不能为空').max(100, '评选名称不能超过 100 个字符').optional(),
    description: z.string().trim().max(2000, '评选说明不能超过 2000 个字符').nullable().optional(),
    quotas: z.array(quota).min(1).max(500).optional(),
    juryWeight: rules.juryWeight.optional(),
    winnersCount: rules.winnersCount.optional(),
    votesPerDay: rules.votesPerDay.optional(),
    votesPerCampaign: rules.votesPerCampaign.optional(),
    votesPerAddressHour: rules.votesPerAddressHour.optional(),
    hideResults: rules.hideResults.optional(),
    publicityDays: rules.publicityDays.optional(),
    votingStartsAt: rules.votingStartsAt.optional(),
    votingEndsAt: rules.votingEndsAt.optional(),
  })
  .describe('只提交要修改的字段；公示开始后名额、权重和表彰名额不能再改；投票开始后不能改开始时间');
export type UpdateCampaignBody = z.input<typeof updateCampaignBody>;

export const listCampaignsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: z.enum(stages).optional(),
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuery>;

export const campaignIdParam = z.object({ id });
export const nominationParam = z.object({ id, nominationId: id });
export const objectionParam = z.object({ id, objectionId: id });

export const advanceBody = z.object({ to: z.enum(stages, { error: '请指定要进入的阶段' }).describe('要进入的下一阶段（防止重复提交越级）') });

const displayName = z.string().trim().max(50, '公开展示名称不能超过 50 个字').nullable().describe('公开展示名称（如 丁梅家庭；登记同意公开后在公众页面展示，空则显示脱敏名称）');
const consent = z.enum(consentKinds, { error: '同意公开应为 self（本人已同意）或 guardian（监护人已同意）' }).nullable().describe('同意公开：self 本人已同意，guardian 监护人已同意，null 未同意');

export const nominateBody = z
  .object({
    nominatingOrgId: id.describe('推荐单位 id（须有名额）'),
    personId: id.optional(),
    householdId: id.optional(),
    unitId: id.optional(),
    loanId: id.optional(),
    deeds: z.string({ error: '请填写事迹简介' }).trim().min(1, '请填写事迹简介').max(3000, '事迹简介不能超过 3000 个字符').describe('事迹简介（将公开展示，请勿写入电话、住址、身份证号）'),
    displayName: displayName.optional(),
    consent: consent.optional(),
  })
  .describe('提名：按评选的候选对象类型填写 personId / householdId / unitId / loanId 之一；公开展示名称须登记本人或监护人同意公开');
export type NominateBody = z.infer<typeof nominateBody>;

export const publicationBody = z
  .object({
    displayName: displayName.optional(),
    consent: consent.optional(),
    deeds: z.string().trim().min(1, '请填写事迹简介').max(3000, '事迹简介不能超过 3000 个字符').optional().describe('事迹简介（将公开展示）'),
  })
  .describe('修改提名的公开信息：公开展示名称、同意公开（本人/监护人，记录登记人和时间）、事迹；照片作为附件上传（entity=nominations）');
export type PublicationBody = z.infer<typeof publicationBody>;

export const reviewBody = z.object({
  decision: z.enum(['accept', 'reject'], { error: '审核结果应为 accept 或 reject' }),
  reason: z.string().trim().max(500, '理由不能超过 500 个字符').optional(),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const withdrawBody = z
  .object({ reason: z.string({ error: '请填写撤回理由' }).trim().min(1, '请填写撤回理由').max(500, '撤回理由不能超过 500 个字符') })
  .describe('撤回推荐（提名、审核阶段；推荐单位或其上级单位），须写明理由；退回推荐名额');
export type WithdrawBody = z.infer<typeof withdrawBody>;

export const scoreBody = z.object({
  score: int('评分', 0, 100),
  comment: z.string().trim().max(500, '评语不能超过 500 个字符').optional(),
});
export type ScoreBody = z.infer<typeof scoreBody>;

export const voidVotesBody = z
  .object({
    group: z.enum(['minute', 'address', 'night'], { error: '作废范围应为 minute、address 或 night' }),
    key: z.string().trim().max(128).optional().describe('minute：YYYY-MM-DDTHH:MM（UTC）；address：地址哈希；night 不填'),
    reason: z.string({ error: '请填写作废理由' }).trim().min(1, '请填写作废理由').max(500, '作废理由不能超过 500 个字符'),
  })
  .describe('作废异常投票（按异常分组），须写明理由；计票不再包含已作废的票');
export type VoidVotesBody = z.infer<typeof voidVotesBody>;

export const answerBody = z.object({ answer: z.string({ error: '请填写答复' }).trim().min(1, '请填写答复').max(2000, '答复不能超过 2000 个字符') });

export const nomineeCodeParam = z.object({ id, code: z.string().trim().regex(/^\d{3,6}$/, '候选对象编号不正确') });

export const publicVoteBody = z.object({
  nomineeId: z.string({ error: '请选择候选对象' }).trim().regex(/^\d{3,6}$/, '候选对象编号不正确'),
  token: z.string({ error: '请先验证手机号' }).trim().min(1, '请先验证手机号').max(200),
});
export type PublicVoteBody = z.infer<typeof publicVoteBody>;

export const publicObjectionBody = z.object({
  nomineeId: z.string().trim().regex(/^\d{3,6}$/, '候选对象编号不正确').optional(),
  content: z.string({ error: '请填写异议内容' }).trim().min(5, '异议内容至少 5 个字').max(2000, '异议内容不能超过 2000 个字符'),
  token: z.string({ error: '请先验证手机号' }).trim().min(1, '请先验证手机号').max(200).describe('验证手机号（用途 objection）后取得的公众令牌'),
  name: z.string().trim().max(50, '姓名不能超过 50 个字符').optional().describe('异议人姓名（可不填）'),
});
export type PublicObjectionBody = z.infer<typeof publicObjectionBody>;

export const publicTokenHeaders = z.object({ 'x-public-token': z.string({ error: '请先验证手机号' }).trim().min(1, '请先验证手机号').max(200).describe('手机验证（用途 objection）后取得的公众令牌') });

// what /api/public/my-objections may answer: fields outside this shape never leave the server
const text = z.string().nullable();
export const myObjectionsResult = z.object({
  phoneMasked: z.string().describe('已验证的手机号（脱敏）'),
  items: z.array(
    z.object({
      id: z.string(), campaignId: z.string(), campaignName: z.string(), nomineeId: text.describe('候选对象编号'), nomineeName: text.describe('候选对象（脱敏）'),
      content: z.string(), createdAt: z.string(), answer: text.describe('主办单位的答复'), answeredAt: text,
    }),
  ),
});

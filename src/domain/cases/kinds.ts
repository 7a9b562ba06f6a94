/**
 * Case (个案) vocabularies: kinds, channels, parties, outcomes. 家庭暴力 and 困境儿童 are
 * confidential (《反家庭暴力法》第三十七条 protection of the victim's privacy; 《关于加强困境儿童保障
 * 工作的意见》 国发〔2016〕36号): visible only to the handler, unit supervisors and case workers.
 */
export const caseKinds = ['信访', '纠纷调解', '家庭暴力', '劳动争议', '困境儿童', '法律援助'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const confidentialKinds: readonly CaseKind[] = ['家庭暴力', '困境儿童'];
export function isConfidentialKind(kind: string): boolean {
  return (confidentialKinds as readonly string[]).includes(kind);
}

/** 纠纷调解 sub-kinds as the annual reports name them (调节婆媳纠纷、夫妻矛盾、抚养关系 …). */
export const mediationSubkinds = ['婆媳', '夫妻', '抚养', '赡养', '邻里', '继承', '其他'] as const;
export const caseChannels = ['来访', '来电', '网上', '转办'] as const;
export type CaseChannel = (typeof caseChannels)[number];
export const riskLevels = ['高', '中', '低'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const caseOutcomes = ['化解', '调解成功', '转介', '其他'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
export const partyRoles = ['当事人', '申请人', '被申请人', '儿童', '监护人'] as const;
export type PartyRole = (typeof partyRoles)[number];
export const followupMethods = ['上门', '电话', '网上', '其他'] as const;

/** The label shown instead of a confidential case in metric records. */
export const confidentialLabel = '保密个案';

/** Built-in catalogue values of the ledgers; units may add activity types, programs and funders. */
export const activityTypes = ['培训', '宣讲', '党课', '会议', '竞赛', '评选', '招聘', '文体', '公益', '慰问', '送教', '家长学校', '其他'] as const;
export const assistancePrograms = ['送温暖', '一帮一', '春蕾计划', '母亲邮包', '助学', '就业援助', '医疗救助', '金秋助学', '其他'] as const;
export const assistanceForms = ['现金', '物资', '服务', '就业'] as const;
export type AssistanceForm = (typeof assistanceForms)[number];
export const loanStatuses = ['申请中', '已放款', '已还清', '逾期'] as const;
export type LoanStatus = (typeof loanStatuses)[number];
export const contractTypes = ['综合', '女职工专项', '工资专项'] as const;
export type ContractType = (typeof contractTypes)[number];
export const ledgerKinds = ['people', 'activities', 'assistance', 'loans', 'contracts', 'households'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];
export const catalogNames = ['activity_type', 'assistance_program', 'funder'] as const;
export type CatalogName = (typeof catalogNames)[number];

/** Loan status flow: 申请中 → 已放款 → 已还清 / 逾期; 逾期 → 已还清 when settled late. */
export const loanTransitions: Record<LoanStatus, readonly LoanStatus[]> = {
  申请中: ['已放款'],
  已放款: ['已还清', '逾期'],
  逾期: ['已还清'],
  已还清: [],
};

export function splitList(raw: string | null | undefined): string[] {
  if (!raw) return [];
  return Array.from(new Set(raw.split(/[、;；,，\n]+/).map((s) => s.trim()).filter(Boolean)));
}

/** Selections (评选表彰): the kinds the county runs, what can be nominated, and the stages. */
export const campaignKinds = ['最美家庭', '五好文明家庭', '巾帼文明岗', '巾帼建功标兵', '青年文明号', '工人先锋号', '技术能手', '十佳妇女小贷项目'] as const;

export const nomineeTypes = ['person', 'household', 'unit', 'loan'] as const;
export type NomineeType = (typeof nomineeTypes)[number];
export const nomineeTypeLabels: Record<NomineeType, string> = { person: '个人', household: '家庭', unit: '集体（组织）', loan: '贷款项目' };

/** The usual nominee for each kind (a custom kind names its own). */
export const defaultNomineeType: Record<(typeof campaignKinds)[number], NomineeType> = {
  最美家庭: 'household',
  五好文明家庭: 'household',
  巾帼文明岗: 'unit',
  巾帼建功标兵: 'person',
  青年文明号: 'unit',
  工人先锋号: 'unit',
  技术能手: 'person',
  十佳妇女小贷项目: 'loan',
};

export const stages = ['nomination', 'review', 'voting', 'jury', 'publicity', 'awarded'] as const;
export type Stage = (typeof stages)[number];
export const stageLabels: Record<Stage, string> = {
  nomination: '提名',
  review: '审核',
  voting: '投票',
  jury: '评审',
  publicity: '公示',
  awarded: '已表彰',
};

export const nominationStatuses = ['nominated', 'accepted', 'rejected', 'withdrawn'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];
export const nominationStatusLabels: Record<NominationStatus, string> = { nominated: '待审核', accepted: '审核通过', rejected: '未通过', withdrawn: '已撤回' };

/** The public coded id of a nominee: 编号 001, 002 … */
export function nomineeCode(seq: number): string {
  return String(seq).padStart(3, '0');
}

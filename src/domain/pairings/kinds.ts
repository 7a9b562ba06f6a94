/** What a pairing joins (结对帮扶): who helps, who is helped, how they keep in touch. */
export const helperKinds = ['person', 'unit'] as const;
export type HelperKind = (typeof helperKinds)[number];
export const helpedKinds = ['person', 'household'] as const;
export type HelpedKind = (typeof helpedKinds)[number];

export const helperRoles = ['爱心妈妈', '党员', '志愿者', '巾帼文明岗', '青年文明号', '结对单位', '其他'] as const;
export const helpedRoles = ['留守儿童', '困境儿童', '春蕾女童', '单亲困难母亲', '困难妇女', '困难家庭', '空巢老人', '其他'] as const;
export const contactKinds = ['电话', '走访', '视频', '书信', '集体活动'] as const;

export const helperKindLabels: Record<HelperKind, string> = { person: '个人', unit: '单位' };
export const helpedKindLabels: Record<HelpedKind, string> = { person: '个人', household: '家庭' };

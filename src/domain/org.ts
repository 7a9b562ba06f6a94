/** Unit kinds are fixed by the contract; labels are what county staff call them. */
export const orgKinds = [
  'party_committee', 'union', 'grassroots_union', 'youth_league', 'youth_branch', 'womens_federation',
  'womens_branch', 'science_association', 'organ_committee', 'party_school', 'other',
] as const;
export type OrgKind = (typeof orgKinds)[number];

export const orgKindLabels: Record<OrgKind, string> = {
  party_committee: '党委',
  union: '总工会/乡镇工会',
  grassroots_union: '基层工会',
  youth_league: '团委',
  youth_branch: '基层团组织',
  womens_federation: '妇联',
  womens_branch: '基层妇女组织',
  science_association: '科协',
  organ_committee: '机关工委',
  party_school: '党校',
  other: '其他',
};

/** Administrative level of the unit (where it sits), not its rank in the tree. */
export const orgLevels = ['national', 'province', 'city', 'county', 'township', 'village', 'enterprise'] as const;
export type OrgLevel = (typeof orgLevels)[number];
export const orgLevelLabels: Record<OrgLevel, string> = {
  national: '国家级', province: '省级', city: '市级', county: '县级', township: '乡镇级', village: '村级', enterprise: '企事业单位',
};

/** Designation levels (荣誉/命名级别). */
export const designationLevels = ['国家级', '省级', '市级', '县级'] as const;
export type DesignationLevel = (typeof designationLevels)[number];

/** Unit codes are stable identifiers used in imports and CLI: letters, digits, - and _. */
export const orgCodePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

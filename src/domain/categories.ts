/** Built-in person categories (人员类别); units may add their own. */
export const builtinCategories = [
  '困难职工', '农民工', '留守儿童', '困境儿童', '春蕾女童', '单亲贫困母亲', '创业女性', '青年', '妇女',
  '残疾人', '空巢老人', '志愿者', '兼职教师', '党员',
] as const;

/** Splits "困难职工、妇女;青年，党员" into categories. */
export function splitCategories(raw: string): string[] {
  return Array.from(new Set(raw.split(/[、;；,，\s]+/).map((s) => s.trim()).filter(Boolean)));
}

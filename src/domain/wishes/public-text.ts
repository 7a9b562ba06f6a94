/**
 * What a published wish may say. Micro-wish pages elsewhere have published a child's name, phone,
 * address and school; the board shows only the masked name, and the title and story are checked
 * before publication for the beneficiary's name, a phone or ID number, a school or a street address.
 */
const phonePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const landlinePattern = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;
const idPattern = /(?<!\d)\d{17}[\dXx](?!\d)/;
const schoolPattern = /(小学|中学|学校|幼儿园|学院|校区)/;
const addressPattern = /(\d+\s*号楼|\d+\s*单元|\d+\s*室|门牌|\d+\s*号院|[一-龥]{1,10}(路|街|巷|胡同)\d+\s*号|\d+\s*组\d+\s*号)/;

export interface PublicTextProblem {
  field: string;
  message: string;
}

export function publicTextProblems(fields: Record<string, string>, beneficiaryName: string): PublicTextProblem[] {
  const problems: PublicTextProblem[] = [];
  const name = beneficiaryName.trim();
  const given = Array.from(name).slice(1).join('');
  for (const [field, text] of Object.entries(fields)) {
    const flat = text.replace(/\s+/g, '');
    if (name && flat.includes(name)) problems.push({ field, message: '不能出现受助人的姓名（公开页只显示脱敏姓名）' });
    else if (given.length >= 2 && flat.includes(given)) problems.push({ field, message: '不能出现受助人的名字' });
    if (phonePattern.test(flat) || landlinePattern.test(flat)) problems.push({ field, message: '不能出现电话号码' });
    if (idPattern.test(flat)) problems.push({ field, message: '不能出现身份证号' });
    if (schoolPattern.test(flat)) problems.push({ field, message: '不能出现学校名称' });
    if (addressPattern.test(flat)) problems.push({ field, message: '不能出现详细住址' });
  }
  return problems;
}

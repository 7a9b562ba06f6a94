/**
 * A clerk never sees an API field path ("parties.0.name"): a path in an error becomes the Chinese
 * name of the field and of its row ("第1位当事人的姓名"), and a field this table does not know is
 * left out (the message names what is wrong on its own), never shown as code.
 */
const fieldLabels: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  gender: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  address: '住址',
  categories: '人员类别',
  category: '人员类别',
  role: '角色',
  roles: '角色',
  personId: '人员',
  orgId: '所属组织',
  orgCode: '所属组织',
  parentId: '上级组织',
  q: '搜索内容',
  page: '页码',
  pageSize: '每页条数',
  from: '起始日期',
  to: '截止日期',
  year: '年度',
  kind: '类型',
  subkind: '细类',
  type: '类型',
  channel: '来源渠道',
  summary: '案情摘要',
  riskLevel: '风险等级',
  warningNo: '告诫书编号',
  warningOn: '告诫书日期',
  parties: '当事人',
  members: '队员',
  items: '明细',
  title: '标题',
  note: '备注',
  remark: '备注',
  reason: '原因',
  amount: '金额',
  amountFen: '金额',
  date: '日期',
  startDate: '开始日期',
  endDate: '结束日期',
  program: '帮扶项目',
  form: '帮扶形式',
  status: '状态',
  username: '用户名',
  password: '密码',
  currentPassword: '原密码',
  newPassword: '新密码',
  displayName: '显示名称',
  code: '代码',
  content: '内容',
  description: '说明',
  hours: '服务时长',
  serviceDate: '服务日期',
  options: '选项',
  body: '提交内容',
  nominatingOrgId: '推荐单位',
  householdId: '家庭',
  unitId: '组织',
  loanId: '贷款记录',
  deeds: '事迹简介',
  consent: '同意公开',
  votingStartsAt: '投票开始时间',
  votingEndsAt: '投票截止时间',
};

/** How a row of a list field is counted: 第1位当事人, 第2项选项. */
const rowUnits: Record<string, string> = { parties: '位', members: '位' };

/** "parties.0.name" → "第1位当事人的姓名"; "body.idNumber" → "身份证号"; an unknown field → null. */
export function labelOfPath(path: string): string | null {
  const parts = path.split(/[./]/).filter((p) => p !== '' && p !== 'body' && p !== 'query' && p !== 'params');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) continue;
    const label = fieldLabels[part];
    if (!label) return null;
    const index = parts[i + 1];
    if (index !== undefined && /^\d+$/.test(index)) out.push(`第${Number(index) + 1}${rowUnits[part] ?? '项'}${label}`);
    else out.push(label);
  }
  return out.length > 0 ? out.join('的') : null;
}

/** The path at the head of a server message ("parties.0.name：请选择人员") put into Chinese or dropped. */
export function humanizeMessage(message: string, paths: readonly string[]): string {
  for (const path of paths) {
    const head = `${path}：`;
    if (path && message.startsWith(head)) {
      const label = labelOfPath(path);
      const rest = message.slice(head.length);
      return label ? `${label}：${rest}` : rest;
    }
  }
  return message;
}

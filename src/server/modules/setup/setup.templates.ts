import ExcelJS from 'exceljs';
import { orgKindLabels, orgKinds } from '../../../domain/org';
import { importableRoles } from '../../../domain/org-import';
import { roleLabels } from '../../../domain/roles';
import type { KindColumn } from '../imports/kinds/types';
import { requiredHeader } from '../imports/templates';
import { orgColumns } from '../orgs/orgs.import-plan';
import { userColumns } from '../users/users.import';

/**
 * The set-up templates: a title row, the header (required columns marked *), example rows that
 * show the tree's shape, code columns as text, and a 填写说明 sheet listing what may be written.
 */
export const setupTemplates = {
  orgs: {
    title: '组织架构（导入模板）',
    columns: orgColumns,
    examples: [
      ['', '', 'QH-FL', '青禾县妇联', '妇联', '231225', '1950-03-08', ''],
      ['QH-FL', '', 'QH-FL-T01', '东风镇妇联', '乡镇妇联', '231225100', '', ''],
      ['', '东风镇妇联', '', '幸福村妇联', '村妇联', '231225100201', '', ''],
    ],
    notes: [
      '上级单位编码、上级单位名称填一个即可；都不填表示直属于导入时选择的单位。',
      '上级单位可以是本表中的单位（前后顺序不限），也可以是系统中已有的单位。',
      '单位编码可不填：系统按上级单位的编码依次生成（如 QH-FL-T01-01）；已有编码的单位再次导入时更新名称、类型等。',
      `单位类型可填：${orgKinds.filter((k) => k !== 'other').map((k) => orgKindLabels[k]).join('、')}，也可填 村妇联、团支部、企业工会、乡镇妇联 等常用叫法。`,
      '行政区划代码为 GB/T 2260 代码：县 6 位、乡镇 9 位、村 12 位，须在本县所在省内。',
    ],
  },
  users: {
    title: '用户（导入模板）',
    columns: userColumns,
    examples: [
      ['qh-fl-01', '王丽', '13904591234', '组织管理员、工作人员', 'QH-FL', '青禾县妇联'],
      ['qh-df-01', '李娜', '', '工作人员', '', '东风镇妇联'],
    ],
    notes: [
      '用户名为登录名：3 至 32 位字母、数字、下划线、点或连字符。',
      `角色可填：${importableRoles.map((r) => roleLabels[r]).join('、')}；多个角色用顿号分隔。`,
      '单位编码、单位名称填一个即可；都不填表示导入时选择的单位。',
      '系统为每个新用户生成初始密码，导入后下载一次；填写了手机且配置了短信服务时同时以短信发送。用户首次登录须修改密码。',
    ],
  },
} as const satisfies Record<string, { title: string; columns: readonly KindColumn[]; examples: string[][]; notes: string[] }>;
export type SetupTemplate = keyof typeof setupTemplates;

export async function buildSetupTemplate(kind: SetupTemplate): Promise<Buffer> {
  const t = setupTemplates[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = '群团工作平台';
  const ws = wb.addWorksheet(t.title.replace(/（.*$/, ''), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, t.columns.length);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 14;
    if (c.text || c.key.toLowerCase().includes('code')) col.numFmt = '@';
    const head = ws.getCell(2, i + 1);
    head.value = requiredHeader(c);
    head.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    head.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  t.examples.forEach((values, r) => {
    values.forEach((v, i) => {
      const cell = ws.getCell(3 + r, i + 1);
      cell.value = v || null;
      cell.font = { color: { argb: 'FF808080' } };
    });
  });
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  notes.getCell(1, 1).value = '填写说明（示例行为灰色，导入前请删除或改成本县的单位）';
  notes.getCell(1, 1).font = { bold: true };
  t.notes.forEach((n, i) => (notes.getCell(i + 2, 1).value = `${i + 1}. ${n}`));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { fenToYuan } from '../../../domain/money';
import type { Ctx } from '../../context';
import { neutralize } from '../imports/export';
import { eachPage, listSheet } from '../../http/xlsx-list';
import { allowFullIdNumbers } from '../imports/export';
import { idNumbersInFull } from '../people/people.service';
import type { DuplicateAssistanceQuery, UnassistedQuery } from './checks.schemas';
import { findAssistanceDuplicates, findUnassisted } from './checks.service';

/** 重复帮扶预警 as a workbook: one row per record of each flagged (person, program), people masked. */
export async function exportDuplicateAssistance(ctx: Ctx, q: Omit<DuplicateAssistanceQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重复帮扶预警', { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = ['姓名', '身份证号', '帮扶项目', '帮扶单位', '日期', '金额(元)'];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(2).values = headers;
  ws.getRow(2).font = { bold: true };
  [10, 22, 14, 28, 14, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let page = 1;
  let from = '';
  let to = '';
  for (;;) {
    const r = await findAssistanceDuplicates(ctx, { ...q, page, pageSize: 200 });
    from = r.from;
    to = r.to;
    for (const item of r.items) {
      for (const rec of item.records) {
        ws.addRow([item.personName, item.personIdNumber, item.program, rec.orgName, rec.givenOn, Number(fenToYuan(rec.amountFen))].map(neutralize));
      }
    }
    if (page * 200 >= r.total) break;
    page++;
  }
  ws.getCell(1, 1).value = `重复帮扶预警（${from} 至 ${to}）`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const unassistedColumns = [
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 22 },
  { header: '性别', width: 6 },
  { header: '出生日期', width: 12 },
  { header: '手机号', width: 14 },
  { header: '人员类别', width: 12 },
  { header: '年度', width: 8 },
] as const;

/**
 * 未帮扶人员 as a workbook: exactly the list under its filters (category, unit, year) and scope,
 * ID numbers masked unless 含完整身份证号 was asked for by a holder of pii.read (then audited).
 */
export async function exportUnassisted(ctx: Ctx, q: Omit<UnassistedQuery, 'page' | 'pageSize'>, fullIdNumbers: boolean): Promise<Buffer> {
  const pageSize = 200;
  // scope and filters are checked by the list itself before anything is revealed
  const first = await findUnassisted(ctx, { ...q, page: 1, pageSize: 1 });
  if (fullIdNumbers) await allowFullIdNumbers(ctx, 'ledger.read', 'unassisted', { orgId: q.orgId, category: q.category, year: first.year });
  const sheet = listSheet(ctx, '未帮扶人员名单', unassistedColumns);
  await eachPage(pageSize, (page) => findUnassisted(ctx, { ...q, year: first.year, page, pageSize }), async (items) => {
    const full = fullIdNumbers ? await idNumbersInFull(ctx, items.map((i) => i.personId)) : new Map<string, string>();
    for (const p of items) sheet.add([p.name, full.get(p.personId) ?? p.idNumber, p.gender, p.birthDate, p.phone, q.category, first.year]);
  });
  return sheet.buffer();
}

import ExcelJS from 'exceljs';
import { fenToYuan } from '../../../domain/money';
import type { Ctx } from '../../context';
import { neutralize } from '../imports/export';
import type { DuplicateAssistanceQuery } from './checks.schemas';
import { findAssistanceDuplicates } from './checks.service';

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

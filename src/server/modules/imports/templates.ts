import ExcelJS from 'exceljs';
import { kindSpecs } from './kinds';
import type { ImportKind, KindColumn } from './kinds/types';

/**
 * The downloadable template of a kind: a merged bold title row, the header row (required columns
 * marked *), an example row, dropdowns for enumerated columns sourced from a hidden 字典 sheet,
 * ID number and phone columns formatted as text (@) so Excel cannot turn them into numbers.
 */
export const templateDataRows = 500; // rows below the header that carry the dropdowns and text format
export const dictionarySheet = '字典';

/** Columns whose list is a catalogue units may extend: the dropdown suggests, it does not refuse. */
const openLists = new Set(['program', 'type:activities', 'ethnicity']);

export function templateTitle(kind: ImportKind): string {
  return `${kindSpecs[kind].title}（导入模板）`;
}

export const requiredHeader = (c: KindColumn) => (c.required ? `${c.header}*` : c.header);

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const spec = kindSpecs[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = '群团工作平台';
  const ws = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 2 }] });
  const dict = wb.addWorksheet(dictionarySheet, { state: 'hidden' });
  const n = spec.columns.length;

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = templateTitle(kind);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  let dictCol = 0;
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 14;
    if (c.text) col.numFmt = '@';
    const head = ws.getCell(2, i + 1);
    head.value = requiredHeader(c);
    head.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const example = ws.getCell(3, i + 1);
    example.value = c.example === undefined || c.example === '' ? null : c.example;
    if (c.text) example.numFmt = '@';
    example.font = { color: { argb: 'FF808080' } };
    if (c.options?.length) {
      dictCol++;
      const letter = colLetter(dictCol);
      dict.getCell(1, dictCol).value = c.header;
      c.options.forEach((o, k) => (dict.getCell(k + 2, dictCol).value = o));
      const open = openLists.has(c.key) || openLists.has(`${c.key}:${kind}`);
      const validation: ExcelJS.DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`${dictionarySheet}!$${letter}$2:$${letter}$${c.options.length + 1}`],
        showErrorMessage: !open,
        errorStyle: 'stop',
        errorTitle: '请从下拉列表中选择',
        error: `${c.header}应为：${c.options.join('、')}`,
      };
      for (let r = 3; r < 3 + templateDataRows; r++) ws.getCell(r, i + 1).dataValidation = validation;
    }
    if (c.text) for (let r = 4; r < 3 + templateDataRows; r++) ws.getCell(r, i + 1).numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

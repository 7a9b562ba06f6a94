import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetBuffer } from './imports.fixtures';
import { readSheetRows } from './xlsx-reader';
import { worksheetsLast } from './zip-order';

const names = (buf: Buffer) => {
  const out: string[] = [];
  for (let p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); p >= 0; p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), p + 4)) {
    out.push(buf.toString('utf8', p + 30, p + 30 + buf.readUInt16LE(p + 26)));
  }
  return out;
};

describe('worksheets stored last', () => {
  it('moves the sheets after the parts they need, and the workbook still opens with every cell', async () => {
    const rows = [['林甸县帮扶救助台账'], ['姓名', '身份证号', '金额'], ['王秀英', '230623198001011234', 500]];
    const original = await sheetBuffer(rows, { textColumns: [2] });
    expect(names(original).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names(original).indexOf('xl/sharedStrings.xml'));
    const moved = worksheetsLast(original);
    const order = names(moved);
    expect(order.at(-1)).toBe('xl/worksheets/sheet1.xml');
    expect(order.indexOf('xl/sharedStrings.xml')).toBeLessThan(order.indexOf('xl/worksheets/sheet1.xml'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(moved as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(3).values).toEqual([undefined, '王秀英', '230623198001011234', 500]);
  });

  it('reads the same text cells every time (the reader once lost them about 4 times in 1,000)', async () => {
    const original = await sheetBuffer([['标题'], ['姓名', '金额'], ['李桂兰', 300]]);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const got = [];
      for await (const r of readSheetRows(original)) got.push(r.values);
      seen.add(JSON.stringify(got));
    }
    expect([...seen]).toEqual([JSON.stringify([['标题'], ['姓名', '金额'], ['李桂兰', 300]])]);
  });

  it('leaves a buffer it does not understand as it is', () => {
    const junk = Buffer.from('not a zip at all, 不是 zip');
    expect(worksheetsLast(junk)).toBe(junk);
  });
});

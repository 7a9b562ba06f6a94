import ExcelJS from 'exceljs';

/** Test helpers: workbooks generated with exceljs (no binary fixtures are committed). */
export type FixtureCell = ExcelJS.CellValue;

export async function sheetBuffer(rows: FixtureCell[][], opts: { merges?: string[]; textColumns?: number[]; name?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.name ?? 'Sheet1');
  for (const c of opts.textColumns ?? []) ws.getColumn(c).numFmt = '@';
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      if (v !== null && v !== undefined) row.getCell(j + 1).value = v;
    });
    for (const [j, v] of values.entries()) if (v instanceof Date) row.getCell(j + 1).numFmt = 'yyyy-mm-dd';
  });
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** All rows of a workbook's first sheet as plain values (for checking exports and error books). */
export async function readBack(buf: Buffer, sheet?: string): Promise<{ ws: ExcelJS.Worksheet; wb: ExcelJS.Workbook; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = sheet ? (wb.getWorksheet(sheet) as ExcelJS.Worksheet) : wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return { ws, wb, rows };
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipartBody(content: Buffer, filename = 'ledger.xlsx', field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----quntuan${Date.now().toString(16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A one-entry zip (stored sizes as given), for the zip-bomb checks. */
export function zipWith(name: string, deflated: Buffer, declaredUncompressed: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredUncompressed, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredUncompressed, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + n.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, deflated, central, n, end]);
}

import ExcelJS from 'exceljs';
import { crc32, createDeflateRaw } from 'node:zlib';

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

/** Marks the one cell of `bigCellWorkbook` that holds the huge text. */
export const bigCell = Symbol('bigCell');

/**
 * A workbook whose one cell (`bigCell`) holds `chars` CJK characters as a shared string, written the
 * way a hostile file is: the XML is generated and deflated as a stream (never one string here), from
 * 512 phrases of 30 characters picked at random, so it compresses about 40× — under the zip guard's
 * ratio and size limits, as the file of the issue was (53.7M characters in 3.9 MiB). Other cells are
 * shared strings (text) or numbers.
 */
export async function bigCellWorkbook(rows: (string | number | null | typeof bigCell)[][], chars: number): Promise<Buffer> {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const strings: string[] = [];
  const cells = rows.map((r, i) =>
    r
      .map((v, j) => {
        const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
        if (v === null) return '';
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        const index = v === bigCell ? 0 : strings.push(v);
        return `<c r="${ref}" t="s"><v>${index}</v></c>`;
      })
      .join(''),
  );
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('')}</sheetData></worksheet>`;
  const parts: { name: string; data: Buffer | (() => AsyncGenerator<Buffer>) }[] = [
    { name: '[Content_Types].xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`) },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`) },
    {
      name: 'xl/sharedStrings.xml',
      data: async function* () {
        yield Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${strings.length + 1}" uniqueCount="${strings.length + 1}"><si><t>`);
        let seed = 1;
        const rnd = (n: number) => {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          return seed % n;
        };
        const phrase = 30;
        const phrases = Array.from({ length: 512 }, () => Buffer.from(Array.from({ length: phrase }, () => String.fromCharCode(0x4e00 + rnd(20000))).join('')));
        for (let done = 0; done < chars; ) {
          const chunk: Buffer[] = [];
          for (let n = 0; n < 1 << 16 && done < chars; ) {
            const k = Math.min(phrase, chars - done);
            chunk.push(phrases[rnd(phrases.length)].subarray(0, k * 3));
            n += k;
            done += k;
          }
          yield Buffer.concat(chunk);
        }
        yield Buffer.from(`</t></si>${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`);
      },
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
  ];
  const out: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    let crc = 0;
    let size = 0;
    const compressed: Buffer[] = [];
    const deflate = createDeflateRaw({ level: 1 });
    deflate.on('data', (c: Buffer) => compressed.push(c));
    const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
    const source = typeof p.data === 'function' ? p.data() : [p.data];
    for await (const b of source) {
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await ended;
    const data = Buffer.concat(compressed);
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    out.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end]);
}

/**
 * Rewrites an xlsx (a zip) so that every part a worksheet needs — workbook.xml, its rels, the shared
 * strings, the styles — comes before the worksheets, each local header carrying its sizes (no data
 * descriptors). exceljs's streaming reader parses a worksheet met before the shared strings through a
 * temporary file, and that path now and then (4 reads in 1,000 of the same file, here) returned the
 * text cells empty; with the parts first it reads the sheet directly, every time, and without the
 * temporary file. The compressed bytes are copied as they are. A zip this code does not understand
 * (ZIP64, damaged) is returned unchanged for the reader to judge.
 */
const worksheet = /^xl\/worksheets\/sheet\d+\.xml$/;

interface Entry {
  name: string;
  central: Buffer; // the central directory record, as stored
  localOffset: number;
  compressed: number;
}

function centralDirectory(buf: Buffer): { entries: Entry[]; eocd: number } | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff) return null; // ZIP64
  const entries: Entry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const len = 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const compressed = buf.readUInt32LE(p + 20);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || buf.readUInt32LE(p + 24) === 0xffffffff || localOffset === 0xffffffff) return null;
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + buf.readUInt16LE(p + 28)), central: buf.subarray(p, p + len), localOffset, compressed });
    p += len;
  }
  return { entries, eocd };
}

/** The same workbook with the worksheets stored last; see the file comment. */
export function worksheetsLast(buf: Buffer): Buffer {
  const dir = centralDirectory(buf);
  if (!dir) return buf;
  const ordered = [...dir.entries.filter((e) => !worksheet.test(e.name)), ...dir.entries.filter((e) => worksheet.test(e.name))];
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of ordered) {
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return buf;
    const headerLen = 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    if (lh + headerLen + e.compressed > buf.length) return buf;
    const header = Buffer.from(buf.subarray(lh, lh + headerLen));
    header.writeUInt16LE(header.readUInt16LE(6) & ~0x0008, 6); // sizes in the header, no data descriptor
    e.central.copy(header, 14, 16, 28); // crc-32, compressed and uncompressed sizes from the directory
    const central = Buffer.from(e.central);
    central.writeUInt16LE(central.readUInt16LE(8) & ~0x0008, 8);
    central.writeUInt32LE(offset, 42);
    parts.push(header, buf.subarray(lh + headerLen, lh + headerLen + e.compressed));
    centrals.push(central);
    offset += headerLen + e.compressed;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.from(buf.subarray(dir.eocd));
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...centrals, end]);
}

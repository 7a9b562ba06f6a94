/**
 * Rewrites an xlsx (a zip) so that every part a worksheet needs — workbook.xml, its rels, the shared
 * strings, the styles — comes before the worksheets, each local header carrying its sizes (no data
 * descriptors). exceljs's streaming reader parses a worksheet met before the shared strings through a
 * temporary file, and that path now and then (4 reads in 1,000 of the same file, here) returned the
 * text cells empty; with the parts first it reads the sheet directly, every time, and without the
 * temporary file. The compressed bytes are copied as they are. A zip this code does not understand
 * (ZIP64, damaged) is returned unchanged for the reader to judge.
 */
import { findEndRecord, readCentralDirectory, type ZipEntry } from './zip-guard';

const worksheet = /^xl\/worksheets\/sheet\d+\.xml$/;
const classicMax = 0xffffffff;

/** The same workbook with the worksheets stored last; see the file comment. */
export function worksheetsLast(buf: Buffer): Buffer {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(buf);
  } catch {
    return buf;
  }
  const eocd = findEndRecord(buf);
  // ZIP64 (sizes or offsets past 4 GiB, or more than 65,535 entries) is left as it is
  if (eocd < 0 || entries.length >= 0xffff || entries.some((e) => e.central.readUInt32LE(20) === classicMax || e.central.readUInt32LE(24) === classicMax || e.localOffset >= classicMax)) return buf;
  const ordered = [...entries.filter((e) => !worksheet.test(e.name)), ...entries.filter((e) => worksheet.test(e.name))];
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
  const end = Buffer.from(buf.subarray(eocd));
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...centrals, end]);
}

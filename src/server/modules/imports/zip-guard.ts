import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../http/errors';

/**
 * Limits checked before a spreadsheet is parsed: an xlsx is a zip, and a zip can declare (or
 * actually hold) far more than it weighs. The central directory is read here, without a zip
 * library, and each deflated entry is inflated once into a counter (nothing kept) so a file that
 * lies about its sizes is caught too.
 */
export interface SheetLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxRatio: number;
  maxRows: number;
}

export const defaultLimits: SheetLimits = { maxFileBytes: 20 * 1024 * 1024, maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 100, maxRows: 500_000 };

export const zipBombMessage = '文件解压后过大，疑似压缩炸弹';
const notXlsx = () => new AppError('VALIDATION', '文件不是有效的 Excel（.xlsx）文件', [{ path: 'file', message: '文件不是有效的 Excel（.xlsx）文件' }]);
const bomb = () => new AppError('TOO_LARGE', zipBombMessage, [{ path: 'file', message: zipBombMessage }]);
// ratios are only meaningful for entries big enough to hurt; a 2 KB styles.xml may compress 150×
const ratioFloor = 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** the central directory record as stored */
  central: Buffer;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** Offset of the end-of-central-directory record (searched back over a comment of up to 64 KiB), or -1. */
export function findEndRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** The zip's entries from its central directory (ZIP64 read too); throws 400 when it is not a zip. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const minEocd = 22;
  if (buf.length < minEocd) throw notXlsx();
  const eocd = findEndRecord(buf);
  if (eocd < 0) throw notXlsx();
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator sits just before the classic end record
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw notXlsx();
    const z64 = Number(buf.readBigUInt64LE(loc + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) throw notXlsx();
    count = Number(buf.readBigUInt64LE(z64 + 32));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      central: buf.subarray(p, p + 46 + nameLen + extraLen + commentLen),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    applyZip64(buf, p + 46 + nameLen, extraLen, e);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function applyZip64(buf: Buffer, start: number, len: number, e: ZipEntry): void {
  let q = start;
  while (q + 4 <= start + len) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (e.uncompressed === 0xffffffff) (e.uncompressed = Number(buf.readBigUInt64LE(r))), (r += 8);
      if (e.compressed === 0xffffffff) (e.compressed = Number(buf.readBigUInt64LE(r))), (r += 8);
      if (e.localOffset === 0xffffffff) e.localOffset = Number(buf.readBigUInt64LE(r));
    }
    q += 4 + size;
  }
}

/** Inflates one entry into a counter; throws when it grows past `budget` bytes. */
async function inflatedSize(buf: Buffer, e: ZipEntry, budget: number): Promise<number> {
  const lh = e.localOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) throw notXlsx();
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length;
  if (e.method !== 8) throw notXlsx();
  return new Promise((resolve, reject) => {
    let total = 0;
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflate.destroy();
        reject(bomb());
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => reject(notXlsx()));
    inflate.end(data);
  });
}

/** Size, declared and actual uncompressed size, and compression ratio; throws 413 or 400. */
export async function checkSpreadsheetLimits(buf: Buffer, limits: SheetLimits = defaultLimits): Promise<void> {
  if (buf.length > limits.maxFileBytes) {
    const message = `文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB 上限`;
    throw new AppError('TOO_LARGE', message, [{ path: 'file', message }]);
  }
  const entries = readCentralDirectory(buf);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressed;
    if (declared > limits.maxUncompressedBytes) throw bomb();
    if (e.uncompressed > ratioFloor && e.uncompressed / Math.max(e.compressed, 1) > limits.maxRatio) throw bomb();
  }
  let actual = 0;
  for (const e of entries) {
    const n = await inflatedSize(buf, e, limits.maxUncompressedBytes - actual);
    actual += n;
    if (n > ratioFloor && n / Math.max(e.compressed, 1) > limits.maxRatio) throw bomb();
  }
}

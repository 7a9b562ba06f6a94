/**
 * What a file is, judged by its first bytes (never by the client's mime type or name): the kinds a
 * ledger keeps as evidence (photos, scanned sign-in sheets, PDF, Excel and Word files).
 */
export interface FileKind {
  mime: string;
  ext: string;
}

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

// Office Open XML files are zip archives; entry names are stored uncompressed in the local headers,
// so the package part names tell a workbook (xl/) from a document (word/).
function officeKind(buf: Buffer): FileKind | null {
  const head = buf.subarray(0, Math.min(buf.length, 256 * 1024)).toString('latin1');
  if (!head.includes('[Content_Types].xml')) return null;
  if (head.includes('xl/workbook.xml') || head.includes('xl/_rels/')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
  if (head.includes('word/document.xml') || head.includes('word/_rels/')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
  return null;
}

export function detectFileKind(buf: Buffer): FileKind | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return { mime: 'image/webp', ext: 'webp' };
  if (startsWith(buf, ascii('%PDF-'))) return { mime: 'application/pdf', ext: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return officeKind(buf);
  return null;
}

/** A file name safe to store and send back: no directories, no control characters, at most 200 characters. */
export function cleanFilename(name: string | undefined, kind: FileKind): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f"]/g, '').trim() ?? '';
  const safe = base.slice(-200);
  return safe || `附件.${kind.ext}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(filename: string, inline: boolean): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

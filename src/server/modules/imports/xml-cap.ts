import { AppError } from '../../http/errors';

/**
 * Keeps a hostile spreadsheet's text from ever being built in memory. exceljs hands a worksheet's
 * and the shared strings' XML to saxes, which gathers a whole text node (and a whole attribute) into
 * one string before anyone sees it: a 3.9 MiB file holding one 53.7-million-character cell became a
 * 53.7M-character string, a 150 MB preview and ~800 MiB of server memory. This filter sits between
 * the inflated XML and the parser and cuts, while streaming, the text of every cell value past
 * Excel's own limit (32,767 characters): it keeps `maxCellChars + 1` characters, so the value read
 * is still longer than the limit and the reader knows the cell was over-long (a row error), while
 * nothing longer is ever held. Everything else that could grow without bound is refused: attribute
 * values past the same limit, markup (a tag) past 64 KiB, CDATA past the limit, comments past 64 KiB.
 *
 * Counting is in UTF-16 units of the decoded text, as Excel and JavaScript count: an entity
 * (`&amp;`, `&#x4E00;`) is one, a four-byte UTF-8 character two, `\r\n` one (saxes folds it to `\n`).
 * Cuts fall on character boundaries, never inside an entity or a UTF-8 sequence.
 */
export const maxCellChars = 32_767;

export const cellTooLongMessage = `单元格超过 ${maxCellChars} 个字符（Excel 单元格上限），请缩短后重新导入`;

const maxMarkupBytes = 64 * 1024;
const maxEntityBytes = 16;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const AMP = 0x26;
const SEMI = 0x3b;
const DQ = 0x22;
const SQ = 0x27;
const LSQB = 0x5b;
const RSQB = 0x5d;
const DASH = 0x2d;
const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;

const enum S {
  Text,
  /** just after `<` */
  Open,
  /** the element name */
  Name,
  /** inside a tag, outside quotes */
  Tag,
  /** inside a quoted attribute value */
  Quote,
  /** after `<!` */
  Bang,
  /** after `<!-` */
  BangDash,
  Comment,
  Cdata,
  /** `<!DOCTYPE …>` and other declarations: quotes and [ ] tracked */
  Decl,
}

/** Elements whose text is read as a value: t, v, f (their names as `nameByte` packs them). */
const T = 0x74;
const V = 0x76;
const F = 0x66;
/** Elements where a cell's value starts: c, si, is and v, f (the runs of one rich-text string, t, add up). */
const C = 0x63;
const SI = (0x73 << 8) | 0x69;
const IS = (0x69 << 8) | 0x73;

const refuse = (message: string) => new AppError('VALIDATION', message, [{ path: 'file', message }]);
const structure = () => refuse('Excel 文件的内部结构异常（标记过长），无法读取，请用 Excel 另存为 .xlsx 后重新导入');
const longCell = () => refuse(`文件中有${cellTooLongMessage}`);

export class XmlTextCap {
  private s = S.Text;
  private readonly limit: number;
  private valueCount = 0;
  private junkCount = 0;
  private inValue = false;
  private dropping = false;
  /** bytes since `&` while inside an entity, else -1 */
  private entity = -1;
  private prevCr = false;
  private name = 0;
  private nameLen = 0;
  private closing = false;
  private lastTagByte = 0;
  private markup = 0;
  private quote = 0;
  private quoteCount = 0;
  private depth = 0;
  private tail1 = 0;
  private tail2 = 0;
  private count = 0;

  /** `cap`: the longest text kept whole (Excel's limit; tests use small ones) */
  constructor(readonly cap = maxCellChars) {
    this.limit = cap + 1;
  }

  /** The chunk with over-long text cut; the same Buffer when nothing was cut. */
  push(chunk: Buffer): Buffer {
    // a cut that began in an earlier chunk goes on: nothing of this one is kept until the next `<`
    let parts: Buffer[] | null = this.dropping ? [] : null;
    let keepFrom = this.dropping ? -1 : 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      switch (this.s) {
        case S.Text: {
          if (this.dropping) {
            // cutting: skip to the next tag at native speed
            const lt = chunk.indexOf(LT, i);
            if (lt < 0) {
              i = chunk.length;
              continue;
            }
            this.dropping = false;
            keepFrom = lt;
            i = lt;
          }
          // a run of text, counted in locals (the hot loop of every import)
          let used = this.inValue ? this.valueCount : this.junkCount;
          let entity = this.entity;
          let prevCr = this.prevCr;
          const limit = this.limit;
          for (; i < chunk.length; i++) {
            const c = chunk[i];
            if (c === LT) break;
            if (entity >= 0) {
              if (c === SEMI || ++entity > maxEntityBytes) entity = -1;
              continue;
            }
            if ((c & 0xc0) === 0x80) continue; // the rest of a UTF-8 character: counted (or cut) with its first byte
            const lf = c === LF && prevCr;
            prevCr = c === CR;
            if (lf) continue;
            if (used >= limit) {
              this.dropping = true;
              parts ??= [];
              if (keepFrom >= 0 && i > keepFrom) parts.push(chunk.subarray(keepFrom, i));
              keepFrom = -1;
              break;
            }
            used += c >= 0xf0 ? 2 : 1;
            if (c === AMP) entity = 0;
          }
          if (this.inValue) this.valueCount = used;
          else this.junkCount = used;
          this.entity = entity;
          this.prevCr = prevCr;
          if (this.dropping) {
            i--; // the loop's i++ brings it back to the first byte cut, handled above
            continue;
          }
          if (i < chunk.length) {
            // at `<`
            this.entity = -1;
            this.prevCr = false;
            this.s = S.Open;
            this.markup = 1;
          }
          continue;
        }
        case S.Open:
          this.markup++;
          this.name = 0;
          this.nameLen = 0;
          this.closing = false;
          this.lastTagByte = 0;
          if (b === BANG) {
            this.s = S.Bang;
          } else if (b === SLASH) {
            this.closing = true;
            this.s = S.Name;
          } else {
            this.s = S.Name;
            this.nameByte(b);
          }
          continue;
        case S.Name:
          if (++this.markup > maxMarkupBytes) throw structure();
          if (b === GT) {
            this.endTag();
            continue;
          }
          if (b <= 0x20 || b === SLASH) {
            this.s = S.Tag;
            this.lastTagByte = b;
            continue;
          }
          this.nameByte(b);
          continue;
        case S.Tag: {
          let markup = this.markup;
          let last = this.lastTagByte;
          let c = 0;
          for (; i < chunk.length; i++) {
            c = chunk[i];
            if (c === GT || c === DQ || c === SQ) break;
            if (c > 0x20) last = c;
            markup++;
          }
          if (markup > maxMarkupBytes) throw structure();
          this.markup = markup + 1;
          this.lastTagByte = last;
          if (i === chunk.length) continue;
          if (c === GT) {
            this.endTag();
            continue;
          }
          this.quote = c;
          this.quoteCount = 0;
          this.lastTagByte = c;
          this.s = S.Quote;
          continue;
        }
        case S.Quote: {
          const q = this.quote;
          let n = this.quoteCount;
          for (; i < chunk.length; i++) {
            const c = chunk[i];
            if (c === q) break;
            if ((c & 0xc0) !== 0x80) n++;
          }
          if (n > this.limit) throw structure();
          this.quoteCount = n;
          if (i < chunk.length) this.s = S.Tag;
          continue;
        }
        case S.Bang:
          this.markup++;
          if (b === DASH) this.s = S.BangDash;
          else if (b === LSQB) {
            this.s = S.Cdata;
            this.count = -'CDATA['.length;
            this.tail1 = this.tail2 = 0;
          } else {
            this.s = S.Decl;
            this.depth = 0;
            this.quote = 0;
          }
          continue;
        case S.BangDash:
          if (b === DASH) {
            this.s = S.Comment;
            this.count = 0;
            this.tail1 = this.tail2 = 0;
          } else {
            this.s = S.Decl;
            this.depth = 0;
            this.quote = 0;
          }
          continue;
        case S.Comment:
          if (b === GT && this.tail1 === DASH && this.tail2 === DASH) {
            this.s = S.Text;
            this.junkCount = 0;
            continue;
          }
          if (++this.count > maxMarkupBytes) throw structure();
          this.tail2 = this.tail1;
          this.tail1 = b;
          continue;
        case S.Cdata:
          if (b === GT && this.tail1 === RSQB && this.tail2 === RSQB) {
            this.s = S.Text;
            continue;
          }
          this.tail2 = this.tail1;
          this.tail1 = b;
          if (this.count < 0) this.count++; // the rest of `[CDATA[`
          else if ((b & 0xc0) !== 0x80) {
            const add = b >= 0xf0 ? 2 : 1;
            if (this.inValue) this.valueCount += add;
            else this.junkCount += add;
            if ((this.inValue ? this.valueCount : this.junkCount) > this.limit + 2) throw longCell();
          }
          continue;
        case S.Decl:
          if (++this.markup > maxMarkupBytes) throw structure();
          if (this.quote) {
            if (b === this.quote) this.quote = 0;
          } else if (b === DQ || b === SQ) this.quote = b;
          else if (b === LSQB) this.depth++;
          else if (b === RSQB) this.depth--;
          else if (b === GT && this.depth <= 0) {
            this.s = S.Text;
            this.junkCount = 0;
          }
          continue;
      }
    }
    if (!parts) return chunk;
    if (keepFrom >= 0 && keepFrom < chunk.length) parts.push(chunk.subarray(keepFrom));
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  private nameByte(b: number): void {
    if (b === COLON) {
      // a namespace prefix (x:si): only the local name counts
      this.name = 0;
      this.nameLen = 0;
      return;
    }
    // the first two bytes are enough to tell the names that matter
    if (++this.nameLen <= 2) this.name = (this.name << 8) | b;
  }

  private endTag(): void {
    this.s = S.Text;
    this.junkCount = 0;
    const name = this.nameLen <= 2 ? this.name : 0;
    const holder = name === T || name === V || name === F;
    if (this.closing) {
      if (holder) this.inValue = false;
      return;
    }
    if (name === V || name === F || name === C || name === SI || name === IS) this.valueCount = 0;
    if (holder && this.lastTagByte !== SLASH) this.inValue = true;
  }
}

/** The chunks of an XML part with over-long text cut (see `XmlTextCap`). */
export async function* capXmlText(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const cap = new XmlTextCap();
  for await (const chunk of source) {
    const out = cap.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (out.length) yield out;
  }
}

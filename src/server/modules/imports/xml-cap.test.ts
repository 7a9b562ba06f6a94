import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { XmlTextCap } from './xml-cap';

/** The texts of the given elements after the XML went through the cap in chunks of `size` bytes. */
function texts(xml: string, cap: number, size: number, names = ['t', 'v']): { texts: string[]; bytes: number } {
  const filter = new XmlTextCap(cap);
  const src = Buffer.from(xml);
  const out: Buffer[] = [];
  for (let i = 0; i < src.length; i += size) out.push(filter.push(src.subarray(i, i + size)));
  const kept = Buffer.concat(out);
  const parser = new SaxesParser();
  const found: string[] = [];
  let current: string | null = null;
  let si: string | null = null;
  parser.on('opentag', (n) => {
    if (n.name === 'si') si = '';
    if (names.includes(n.name)) current = '';
  });
  parser.on('text', (t) => {
    if (current !== null) current += t;
  });
  parser.on('closetag', (n) => {
    if (names.includes(n.name) && current !== null) {
      if (si !== null) si += current;
      else found.push(current);
      current = null;
    }
    if (n.name === 'si' && si !== null) {
      found.push(si);
      si = null;
    }
  });
  parser.write(kept.toString('utf8')).close();
  return { texts: found, bytes: kept.length };
}

const sizes = [1, 2, 3, 7, 64, 100_000];

describe('the streaming cut of over-long cell text', () => {
  it('leaves a workbook without long text byte for byte as it was (the same buffers)', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\r\n<sst count="2"><si><t xml:space="preserve">王秀英 &amp; "李" &gt; 1</t></si><si><r><rPr><b/></rPr><t>甲</t></r><r><t>乙</t></r></si></sst>';
    const filter = new XmlTextCap(30);
    const chunk = Buffer.from(xml);
    expect(filter.push(chunk)).toBe(chunk);
    for (const size of sizes) expect(texts(xml, 30, size).texts).toEqual(['王秀英 & "李" > 1', '甲乙']);
  });

  it('keeps one character past the cap, so the value read is still over-long, wherever the chunks split', () => {
    const long = '群团'.repeat(40); // 80 characters, 240 bytes
    const xml = `<sst><si><t>${long}</t></si><si><t>短</t></si></sst>`;
    for (const size of sizes) {
      const r = texts(xml, 10, size);
      expect(r.texts).toEqual([long.slice(0, 11), '短']);
    }
  });

  it('counts an entity, a four-byte character and CR LF as Excel does, and never cuts inside one', () => {
    const xml = `<x><c><v>${'&amp;'.repeat(20)}</v></c><c><is><t>${'😀'.repeat(20)}</t></is></c><c><is><t>${'a\r\n'.repeat(20)}</t></is></c></x>`;
    for (const size of sizes) {
      const [amp, emoji, lines] = texts(xml, 10, size).texts;
      expect(amp).toBe('&'.repeat(11));
      expect(emoji).toBe('😀'.repeat(6)); // 12 UTF-16 units: the first step past 10
      expect(lines.length).toBe(11);
    }
  });

  it('adds up the runs of one rich-text string and starts again at the next cell', () => {
    const xml = `<sst><si><r><t>${'一'.repeat(8)}</t></r><r><t>${'二'.repeat(8)}</t></r></si><si><r><t>${'三'.repeat(8)}</t></r></si></sst>`;
    for (const size of sizes) expect(texts(xml, 10, size).texts).toEqual([`${'一'.repeat(8)}${'二'.repeat(3)}`, '三'.repeat(8)]);
  });

  it('holds no more than the cap of a huge cell however it streams in', () => {
    const filter = new XmlTextCap(100);
    let kept = filter.push(Buffer.from('<sst><si><t>')).length;
    const block = Buffer.from('汉'.repeat(10_000));
    for (let i = 0; i < 200; i++) kept += filter.push(block).length;
    kept += filter.push(Buffer.from('</t></si></sst>')).length;
    expect(kept).toBeLessThan(400);
  });

  it('refuses an attribute, a tag, a CDATA section or a comment that would grow without bound', () => {
    const refused = (xml: string) => {
      try {
        new XmlTextCap(10).push(Buffer.from(xml));
        return null;
      } catch (e) {
        return e instanceof AppError ? e.message : String(e);
      }
    };
    expect(refused(`<c r="${'A'.repeat(50)}"/>`)).toContain('结构异常');
    expect(refused(`<c ${'a '.repeat(40_000)}/>`)).toContain('结构异常');
    expect(refused(`<t><![CDATA[${'x'.repeat(50)}]]></t>`)).toContain('单元格超过');
    expect(refused(`<!--${'x'.repeat(70_000)}-->`)).toContain('结构异常');
    expect(refused('<t><![CDATA[short]]></t><!-- a note --><v>1</v>')).toBeNull();
  });
});

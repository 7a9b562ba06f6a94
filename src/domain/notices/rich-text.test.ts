import { describe, expect, it } from 'vitest';
import { richTextToPlain, safeHref, sanitizeRichText } from './rich-text';

/** The notice body's allow-list sanitizer against the usual XSS payloads (OWASP cheat sheet, html5sec.org). */
describe('sanitizeRichText', () => {
  it('keeps paragraphs, bold, lists and http(s) links', () => {
    expect(sanitizeRichText('<p>各乡镇妇联：</p><p><b>一、</b>活动<i>时间</i><u>下划线</u></p><ol><li>甲</li><li>乙</li></ol><a href="https://www.gov.cn/a?b=1&amp;c=2">链接</a>')).toBe(
      '<p>各乡镇妇联：</p><p><strong>一、</strong>活动<em>时间</em><u>下划线</u></p><ol><li>甲</li><li>乙</li></ol><p><a href="https://www.gov.cn/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">链接</a></p>',
    );
    // what Chromium's contentEditable writes: div lines, br
    expect(sanitizeRichText('<div>第一行</div><div>第二行<br></div>')).toBe('<p>第一行</p><p>第二行<br></p>');
    // the editor's first line is bare text before the first paragraph
    expect(sanitizeRichText('各乡镇妇联：<p>正文</p>')).toBe('<p>各乡镇妇联：</p><p>正文</p>');
  });

  const payloads: [string, string][] = [
    ['<script>alert(1)</script>正文', '<p>正文</p>'],
    ['<SCRIPT SRC=//x.js></SCRIPT>正文', '<p>正文</p>'],
    ['<img src=x onerror=alert(1)>正文', '<p>正文</p>'],
    ['<svg/onload=alert(1)>正文', ''],
    ['<svg><script>alert(1)</script></svg>正文', '<p>正文</p>'],
    ['<p onclick="alert(1)" style="background:url(javascript:alert(1))">段</p>', '<p>段</p>'],
    ['<a href="javascript:alert(1)">点</a>', '<p>点</p>'],
    ['<a href="JaVaScRiPt:alert(1)">点</a>', '<p>点</p>'],
    ['<a href="java\tscript:alert(1)">点</a>', '<p>点</p>'],
    ['<a href="&#106;avascript:alert(1)">点</a>', '<p>点</p>'],
    ['<a href=" javascript:alert(1)">点</a>', '<p>点</p>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点</a>', '<p>点</p>'],
    ['<a href="vbscript:msgbox(1)">点</a>', '<p>点</p>'],
    ['<a href="//evil.example">点</a>', '<p>点</p>'],
    ['<a href="https://a.example" onmouseover="alert(1)">点</a>', '<p><a href="https://a.example/" target="_blank" rel="noopener noreferrer">点</a></p>'],
    ['<iframe src="https://evil.example"></iframe>后', '<p>后</p>'],
    ['<style>body{display:none}</style>后', '<p>后</p>'],
    ['<textarea><script>alert(1)</script></textarea>后', '<p>后</p>'],
    ['<scr<script>ipt>alert(1)</script>', '<p>ipt&gt;alert(1)</p>'],
    ['<!--<script>alert(1)</script>-->后', '<p>后</p>'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>后', '<p>后</p>'],
    ['<object data="x.swf"></object><embed src="x.swf">后', '<p>后</p>'],
    ['<form action="https://evil"><input value="x"><button>提交</button></form>', '<p>提交</p>'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<p title="a>b" class=x>t</p>', '<p>t</p>'],
    ['"><script>alert(1)</script>', '<p>"&gt;</p>'],
    ['<p>未闭合 <b', '<p>未闭合 </p>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil">后', '<p>后</p>'],
    ['<base href="https://evil/">后', '<p>后</p>'],
    ['<a href="https://user:pw@evil.example">点</a>', '<p>点</p>'],
  ];
  it.each(payloads)('makes %s harmless', (input, expected) => {
    const out = sanitizeRichText(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/<(?!\/?(p|br|strong|em|u|ul|ol|li|a)[\s>])/i);
    expect(out).not.toMatch(/\son\w+=|javascript:|style=/i);
  });

  it('is stable: sanitizing its own output changes nothing', () => {
    for (const [input] of payloads) {
      const once = sanitizeRichText(input);
      expect(sanitizeRichText(once)).toBe(once);
    }
  });

  it('keeps lists well formed and text out of bare lists', () => {
    expect(sanitizeRichText('<ul><li>一<li>二</ul>三')).toBe('<ul><li>一</li><li>二</li></ul><p>三</p>');
    expect(sanitizeRichText('<ul>散字<li>项</li></ul>')).toBe('<ul><li>散字</li><li>项</li></ul>');
    expect(sanitizeRichText('<li>孤项</li>')).toBe('<p>孤项</p>');
    expect(sanitizeRichText('<p>段<ul><li>项</li></ul></p>')).toBe('<p>段</p><ul><li>项</li></ul>');
  });

  it('gives the plain text, one paragraph or item a line', () => {
    expect(richTextToPlain('<p>第一段</p><ul><li>甲</li><li>乙</li></ul><p>末<br>行</p><script>x</script>')).toBe('第一段\n甲\n乙\n末\n行');
  });

  it('accepts only absolute http(s) link targets', () => {
    expect(safeHref('https://www.gov.cn')).toBe('https://www.gov.cn/');
    expect(safeHref('http://a.example/x y')).toBe('http://a.example/x%20y');
    for (const bad of ['ftp://a', 'mailto:a@b.c', '/relative', 'https//x', 'javascript://%0aalert(1)']) expect(safeHref(bad)).toBeNull();
  });
});

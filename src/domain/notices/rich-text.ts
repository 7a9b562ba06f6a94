/**
 * The notice body's rich text: an allow-list sanitizer over a parsed tree. The input (what the
 * editor sends, or anything pasted into the API) is tokenized, every element that is not on the
 * list is unwrapped (its text kept) or dropped with its content (script, style, …), and the tree is
 * written out again from scratch: only the tags below, only `href` on links (http/https), all text
 * escaped. Safety does not depend on parsing like a browser: nothing of the input reaches the output
 * except escaped text and attribute values this module built itself.
 */

/** What a notice may hold: paragraphs, line breaks, bold/italic/underline, lists, links. */
const allowed = ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'a'] as const;
type Tag = (typeof allowed)[number];

/** Tags written by editors and office software, folded onto the allowed ones. */
const aliases: Record<string, Tag> = { b: 'strong', i: 'em', div: 'p', h1: 'p', h2: 'p', h3: 'p', h4: 'p', h5: 'p', h6: 'p', blockquote: 'p', section: 'p', article: 'p' };
/** Elements whose content is dropped along with them (code, styles, embedded documents, forms). */
const dropWithContent = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noscript', 'xmp', 'noembed', 'noframes', 'template', 'svg', 'math', 'object', 'select', 'head', 'plaintext', 'frameset']);
const blocks = new Set<Tag>(['p', 'ul', 'ol', 'li']);
const maxDepth = 16;

interface Element {
  tag: Tag;
  href?: string;
  children: Node[];
}
type Node = Element | string;

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·' };

/** Decodes character references; an unknown or malformed one stays as written (and is escaped on output). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      // control characters never reach the text (the API refuses them when typed; here they arrive encoded)
      if (code < 0x20 && code !== 0x0a && code !== 0x09) return '';
      if (code >= 0x7f && code <= 0x9f) return '';
      return String.fromCodePoint(code);
    }
    return namedEntities[ref.toLowerCase()] ?? whole;
  });
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A link target the notice may keep: an absolute http(s) URL, normalized; anything else is null. */
export function safeHref(raw: string): string | null {
  // browsers ignore tabs, line breaks and controls inside URLs ("java\tscript:"), so take them out before looking
  const cleaned = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(cleaned) || !/^https?:\/\//i.test(cleaned)) return null;
  try {
    const url = new URL(cleaned);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

interface RawTag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
}

/** Reads one tag starting at `<` (index i); returns it and the index after `>`, or null when this `<` is text. */
function readTag(s: string, i: number): { tag: RawTag | null; end: number } | null {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(s.slice(i, i + 80));
  if (!m) return null;
  let j = i + m[0].length;
  const attrs: Record<string, string> = {};
  while (j < s.length) {
    while (j < s.length && /[\s/]/.test(s[j])) j++;
    if (j >= s.length) break;
    if (s[j] === '>') return { tag: { name: m[2].toLowerCase(), closing: m[1] === '/', attrs }, end: j + 1 };
    const nameMatch = /^[^\s/>=]+/.exec(s.slice(j, j + 200)) ?? /^=[^\s/>=]*/.exec(s.slice(j, j + 200));
    const name = nameMatch ? nameMatch[0] : s[j];
    j += name.length;
    while (j < s.length && /\s/.test(s[j])) j++;
    let value = '';
    if (s[j] === '=') {
      j++;
      while (j < s.length && /\s/.test(s[j])) j++;
      const q = s[j];
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, j + 1);
        const stop = close < 0 ? s.length : close;
        value = s.slice(j + 1, stop);
        j = stop + 1;
      } else {
        const v = /^[^\s>]*/.exec(s.slice(j))?.[0] ?? '';
        value = v;
        j += v.length;
      }
    }
    const key = name.toLowerCase();
    if (!(key in attrs)) attrs[key] = decodeEntities(value);
  }
  // an unterminated tag swallows the rest of the input (as a browser would)
  return { tag: null, end: s.length };
}

/** Parses into the allowed tree: unknown elements unwrapped, dangerous ones dropped with their content. */
function parse(input: string): Element {
  const root: Element = { tag: 'p', children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1];
  const inStack = (tag: Tag) => stack.slice(1).some((e) => e.tag === tag);
  const closeTo = (tag: Tag) => {
    for (let k = stack.length - 1; k > 0; k--) {
      if (stack[k].tag === tag) {
        stack.length = k;
        return;
      }
    }
  };
  const pushText = (text: string) => {
    if (!text) return;
    const t = top();
    const last = t.children[t.children.length - 1];
    if (typeof last === 'string') t.children[t.children.length - 1] = last + text;
    else t.children.push(text);
  };
  const open = (tag: Tag, href?: string) => {
    if (tag === 'br') {
      top().children.push({ tag: 'br', children: [] });
      return;
    }
    if (blocks.has(tag)) {
      // a block ends an open paragraph (and an inline run); a list item ends the previous item of its list
      if (tag === 'li') {
        const tags = stack.map((e) => e.tag);
        const listAt = Math.max(tags.lastIndexOf('ul'), tags.lastIndexOf('ol'));
        if (listAt <= 0) tag = 'p';
        else stack.length = listAt + 1;
      } else if (tag === 'p') {
        const liAt = stack.map((e) => e.tag).lastIndexOf('li');
        const pAt = stack.map((e) => e.tag).lastIndexOf('p');
        if (pAt > 0 && pAt > liAt) stack.length = pAt;
        else if (liAt > 0) stack.length = liAt + 1;
        else stack.length = 1;
      } else {
        const pAt = stack.map((e) => e.tag).lastIndexOf('p');
        if (pAt > 0) stack.length = pAt;
        // inline elements do not hold lists
        while (stack.length > 1 && !blocks.has(top().tag)) stack.length--;
        if (top().tag === 'ul' || top().tag === 'ol') {
          const li: Element = { tag: 'li', children: [] };
          top().children.push(li);
          stack.push(li);
        }
      }
    } else if (tag === 'a' && inStack('a')) {
      closeTo('a');
    }
    if (stack.length > maxDepth) return;
    const el: Element = href ? { tag, href, children: [] } : { tag, children: [] };
    top().children.push(el);
    stack.push(el);
  };

  let i = 0;
  let text = '';
  const flush = () => {
    // a list holds items, never loose text
    const t = decodeEntities(text);
    text = '';
    if (!t) return;
    if ((top().tag === 'ul' || top().tag === 'ol') && t.trim() === '') return;
    if (top().tag === 'ul' || top().tag === 'ol') open('li');
    pushText(t);
  };
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      text += input.slice(i);
      break;
    }
    text += input.slice(i, lt);
    i = lt;
    if (input.startsWith('<!--', i)) {
      const end = input.indexOf('-->', i + 4);
      i = end < 0 ? input.length : end + 3;
      continue;
    }
    if (input[i + 1] === '!' || input[i + 1] === '?') {
      const end = input.indexOf('>', i);
      i = end < 0 ? input.length : end + 1;
      continue;
    }
    const read = readTag(input, i);
    if (!read) {
      text += '<';
      i++;
      continue;
    }
    flush();
    i = read.end;
    const raw = read.tag;
    if (!raw) break;
    if (dropWithContent.has(raw.name)) {
      if (raw.closing) continue;
      const close = new RegExp(`</${raw.name}[\\s/>]`, 'i').exec(input.slice(i));
      i = close ? i + close.index + close[0].length : input.length;
      if (close && !close[0].endsWith('>')) {
        const gt = input.indexOf('>', i - 1);
        i = gt < 0 ? input.length : gt + 1;
      }
      continue;
    }
    const tag = (allowed as readonly string[]).includes(raw.name) ? (raw.name as Tag) : aliases[raw.name];
    if (!tag) continue; // span, font, img, table … unwrapped: their text stays
    if (raw.closing) {
      if (tag === 'br') open('br');
      else if (inStack(tag)) closeTo(tag);
      continue;
    }
    if (tag === 'a') {
      const href = safeHref(raw.attrs.href ?? '');
      if (!href) continue; // a link to nowhere safe keeps its text only
      open('a', href);
      continue;
    }
    open(tag);
  }
  flush();
  return root;
}

function write(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += escapeText(n);
    else if (n.tag === 'br') out += '<br>';
    else if (n.tag === 'a') out += `<a href="${escapeAttr(n.href as string)}" target="_blank" rel="noopener noreferrer">${write(n.children)}</a>`;
    else out += `<${n.tag}>${write(n.children)}</${n.tag}>`;
  }
  return out;
}

/** Drops elements that hold nothing (an empty <strong></strong>, a list without items). */
function prune(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') {
      out.push(n);
      continue;
    }
    if (n.tag === 'br') {
      out.push(n);
      continue;
    }
    const children = prune(n.children);
    if (children.length === 0 && n.tag !== 'p') continue;
    out.push({ ...n, children });
  }
  return out;
}

/** Text and inline elements at the top (the editor's first line, pasted text) go into paragraphs. */
function wrapLoose(nodes: Node[]): Node[] {
  const out: Node[] = [];
  let run: Node[] = [];
  const end = () => {
    if (run.some((n) => (typeof n === 'string' ? n.trim() !== '' : n.tag !== 'br'))) out.push({ tag: 'p', children: run });
    run = [];
  };
  for (const n of nodes) {
    if (typeof n !== 'string' && blocks.has(n.tag)) {
      end();
      out.push(n);
    } else run.push(n);
  }
  end();
  return out;
}

/** The sanitized HTML of a notice body (the only form stored). */
export function sanitizeRichText(input: string): string {
  return write(wrapLoose(prune(parse(input).children))).trim();
}

/** The text of a body, paragraphs and items on their own lines (list previews, SMS, search). */
export function richTextToPlain(input: string): string {
  const lines: string[] = [];
  let line = '';
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (typeof n === 'string') line += n.replace(/\s+/g, ' ');
      else if (n.tag === 'br') {
        lines.push(line);
        line = '';
      } else if (blocks.has(n.tag)) {
        if (line.trim()) lines.push(line);
        line = '';
        walk(n.children);
        if (line.trim()) lines.push(line);
        line = '';
      } else walk(n.children);
    }
  };
  walk(parse(input).children);
  if (line.trim()) lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, ' ').trim()).filter(Boolean).join('\n');
}

import type { FigureSpec, ParsedTemplate, Segment, TemplateBlock } from './template';

/**
 * Leaving out what a unit's tree cannot say. A placeholder whose role has no unit (a county without a
 * 科协, a township without a 团委) takes its whole sentence out of the report — never a blank, a zero
 * or "XX" in its place — and the report lists what was left out and why (预览 and 数据来源 appendix).
 * A sentence ends at 。！？ or ； (with any closing quote or bracket after it); when the last sentence
 * of a paragraph goes, the one before it takes its full stop ("…；…。" stays well-formed).
 */

/** A sentence taken out, still as template segments (the renderer writes its text). */
export interface LeftOut {
  line: number;
  segments: Segment[];
  /** the placeholders (as written) that could not be filled */
  placeholders: string[];
  reason: string;
}

const terminator = /[。！？；!?;][”’」』）)】]*/g;
const fullStops = /[。！？!?]/;

function splitSentences(segments: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [];
  let cur: Segment[] = [];
  for (const s of segments) {
    if (s.kind !== 'text') {
      cur.push(s);
      continue;
    }
    let at = 0;
    for (const m of s.text.matchAll(terminator)) {
      const end = (m.index ?? 0) + m[0].length;
      cur.push({ kind: 'text', text: s.text.slice(at, end) });
      out.push(cur);
      cur = [];
      at = end;
    }
    if (at < s.text.length) cur.push({ kind: 'text', text: s.text.slice(at) });
  }
  if (cur.length) out.push(cur);
  return out;
}

function lastText(sentence: Segment[]): { kind: 'text'; text: string } | undefined {
  const last = sentence[sentence.length - 1];
  return last?.kind === 'text' ? last : undefined;
}

/** One line's segments without the sentences that hold an unfillable placeholder. */
function prune(segments: readonly Segment[], line: number, reasonOf: (spec: FigureSpec) => string | null, leftOut: LeftOut[]): Segment[] {
  const kept: Segment[][] = [];
  for (const sentence of splitSentences(segments)) {
    const missing = sentence.flatMap((s) => (s.kind === 'figure' && reasonOf(s.spec) !== null ? [s.spec] : []));
    if (missing.length === 0) {
      kept.push(sentence.map((s) => (s.kind === 'text' ? { ...s } : s)));
      continue;
    }
    const reasons = Array.from(new Set(missing.map((m) => reasonOf(m) as string)));
    leftOut.push({ line, segments: sentence, placeholders: missing.map((m) => m.placeholder), reason: reasons.join('；') });
    // the sentence before takes the full stop of the one left out ("A；B。" without B is "A。")
    const stop = lastText(sentence)?.text.match(/[。！？!?][”’」』）)】]*$/)?.[0];
    const prev = kept.length ? lastText(kept[kept.length - 1]) : undefined;
    if (stop && prev && /[；;，,]$/.test(prev.text) && !fullStops.test(prev.text.slice(-1))) prev.text = prev.text.slice(0, -1) + stop[0];
  }
  return kept.flat();
}

const hasContent = (segments: readonly Segment[]) => segments.some((s) => s.kind !== 'text' || s.text.trim() !== '');

/**
 * The template as this unit's report can be written: sentences with an unfillable placeholder (the
 * `reasonOf` answer is the reason) taken out, a paragraph or （一） section left empty by that taken
 * out entirely, and `figures` reduced to those still in the text.
 */
export function leaveOutSentences(template: ParsedTemplate, reasonOf: (spec: FigureSpec) => string | null): { template: ParsedTemplate; leftOut: LeftOut[] } {
  if (!template.figures.some((f) => reasonOf(f) !== null)) return { template, leftOut: [] };
  const leftOut: LeftOut[] = [];
  const lineOf = (segments: readonly Segment[]) => segments.find((s): s is Extract<Segment, { kind: 'figure' }> => s.kind === 'figure')?.spec.line ?? 0;
  const blocks: TemplateBlock[] = [];
  for (const b of template.blocks) {
    if (b.kind === 'title') blocks.push({ kind: 'title', lines: b.lines.map((l) => prune(l, lineOf(l), reasonOf, leftOut)) });
    else if (b.kind === 'targets') blocks.push(b);
    else if (b.kind === 'paragraph') {
      const segments = prune(b.segments, lineOf(b.segments), reasonOf, leftOut);
      if (hasContent(segments)) blocks.push({ kind: 'paragraph', segments });
    } else if (b.level === 1) {
      const segments = prune(b.segments, lineOf(b.segments), reasonOf, leftOut);
      if (hasContent(segments)) blocks.push({ kind: 'heading', level: 1, segments });
    } else {
      const line = lineOf([...b.segments, ...b.body]);
      const head = prune(b.segments, line, reasonOf, leftOut);
      const body = prune(b.body, line, reasonOf, leftOut);
      // a （一） section whose every sentence went says nothing: its heading goes too
      if (hasContent(head) && (hasContent(body) || !hasContent(b.body))) blocks.push({ kind: 'heading', level: 2, segments: head, body });
    }
  }
  const kept = new Set<FigureSpec>();
  const collect = (segments: readonly Segment[]) => segments.forEach((s) => s.kind === 'figure' && kept.add(s.spec));
  for (const b of blocks) {
    if (b.kind === 'title') b.lines.forEach(collect);
    else if (b.kind === 'heading' && b.level === 2) (collect(b.segments), collect(b.body));
    else if (b.kind !== 'targets') collect(b.segments);
  }
  return { template: { ...template, blocks, figures: template.figures.filter((f) => kept.has(f)) }, leftOut };
}

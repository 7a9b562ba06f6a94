import { type MetricFilters, MetricRefError, formatMetricRef, parseMetricRef } from '../metrics/parse';
import type { OrgKind } from '../org';
import { isRoleRef, parseRole, unknownRoleMessage } from './roles';
import { type FigureFormat, type FigurePeriodName, type FigureUnit, figureFormats, figurePeriods, figureUnits } from './figures';

/**
 * The report template language (docs/report-templates.md). A template is plain text, one paragraph a line:
 *   `# 标题`                         the title; several `# ` lines at the top make a title of several lines
 *   `一、…` `二、…`, `## 下半年工作安排`  level-1 headings (黑体)
 *   `（一）小标题。正文…`              a level-2 heading (楷体) run into its paragraph after the first 。
 *   `@妇联 = <单位代码>`              a setting: the unit a role means when two are equally near
 *   any other line                   a paragraph; `//` starts a comment line; blank lines are ignored
 * Placeholders, anywhere in a line:
 *   `{{year}}` `{{year+1}}` `{{year-1}}` `{{org.name}}`
 *   `{{targets}}` alone on a line: next year's targets (年度目标) of the unit's subtree, one paragraph,
 *   left out when none are set
 *   `{{<metric>{<filters>} | org=@<role>|<code> | period=year|H1|H2|prev-year | fmt=int|wan|yu|jin|pct|yuan | unit=元|万元}}`
 * e.g. `{{activities.sessions{type=培训} | org=@妇联 | fmt=int}}`, `{{assistance.amount{form=物资} | fmt=yu | unit=万元}}`.
 * `org=@妇联` is a role (roles.ts): the reporting unit itself or its nearest descendant of that kind; a
 * sentence whose role has no unit in the tree is left out of the report (omit.ts). `org=<code>` names
 * one unit and suits only a unit's own saved template; the default templates use roles only.
 * Every placeholder is checked before any figure is computed; all problems are reported together.
 */

export interface FigureSpec {
  /** the placeholder as written, without the braces */
  placeholder: string;
  line: number;
  /** 1-based column of the opening `{{` in the line as written */
  column?: number;
  code: string;
  filters: MetricFilters;
  /** canonical metric reference with filters */
  ref: string;
  /** a unit code or id (`org=LD-FL`) */
  org?: string;
  /** a role (`org=@妇联`): the reporting unit or its nearest descendant of this kind */
  role?: OrgKind;
  period?: FigurePeriodName;
  fmt?: FigureFormat;
  unit?: FigureUnit;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'year'; offset: number } | { kind: 'org-name' } | { kind: 'figure'; spec: FigureSpec };

export type TemplateBlock =
  | { kind: 'title'; lines: Segment[][] }
  | { kind: 'heading'; level: 1; segments: Segment[] }
  | { kind: 'heading'; level: 2; segments: Segment[]; body: Segment[] }
  | { kind: 'paragraph'; segments: Segment[] }
  | { kind: 'targets'; line: number };

/** `@妇联 = RT-FL`: the unit the role means for this template (when two are equally near). */
export interface RoleSetting {
  line: number;
  column: number;
  /** the line as written */
  text: string;
  role: OrgKind;
  /** unit code or id */
  org: string;
}

export interface ParsedTemplate {
  blocks: TemplateBlock[];
  figures: FigureSpec[];
  settings: RoleSetting[];
}

export interface TemplateIssue {
  line: number;
  /** 1-based column in the line as written (of the placeholder's `{{`, or 1 for a whole-line problem) */
  column?: number;
  placeholder: string;
  message: string;
}

/** A template that cannot produce a report; `issues` name each placeholder and its line. */
export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => `第 ${i.line} 行${i.placeholder ? ` {{${i.placeholder}}}` : ''}：${i.message}`).join('\n'));
    this.name = 'TemplateError';
  }
}

const options = { org: true, period: true, fmt: true, unit: true } as const;

function parseFigure(body: string, line: number): FigureSpec {
  const [refPart, ...optParts] = body.split('|').reduce<string[]>((acc, part) => {
    // `|` inside braces separates filter values (type=培训|宣讲), not options
    const open = acc.length > 0 && (acc[acc.length - 1].match(/\{/g)?.length ?? 0) > (acc[acc.length - 1].match(/\}/g)?.length ?? 0);
    if (open) acc[acc.length - 1] += `|${part}`;
    else acc.push(part);
    return acc;
  }, []);
  const parsed = parseMetricRef(refPart.trim());
  const spec: FigureSpec = { placeholder: body.trim(), line, code: parsed.code, filters: parsed.filters, ref: formatMetricRef(parsed.code, parsed.filters) };
  for (const raw of optParts) {
    const eq = raw.indexOf('=');
    const key = (eq > 0 ? raw.slice(0, eq) : raw).trim();
    const value = eq > 0 ? raw.slice(eq + 1).trim() : '';
    if (!Object.hasOwn(options, key)) throw new Error(`未知的选项“${key}”（可用：${Object.keys(options).join('、')}）`);
    if (!value) throw new Error(`选项“${key}”缺少值`);
    if (key === 'org') {
      if (isRoleRef(value)) {
        const role = parseRole(value);
        if (!role) throw new Error(unknownRoleMessage(value));
        spec.role = role;
      } else spec.org = value;
    }
    else if (key === 'period') spec.period = pick(figurePeriods, value, key);
    else if (key === 'fmt') spec.fmt = pick(figureFormats, value, key);
    else spec.unit = pick(figureUnits, value, key);
  }
  return spec;
}

function pick<T extends string>(allowed: readonly T[], value: string, key: string): T {
  const found = allowed.find((a) => a === value);
  if (!found) throw new Error(`选项“${key}”的值“${value}”无效（可用：${allowed.join('、')}）`);
  return found;
}

/** Splits a line into text and placeholders; `{{a{b=c}}}` closes after the filter braces. */
function parseSegments(text: string, line: number, issues: TemplateIssue[], figures: FigureSpec[], offset = 0): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('{{', i);
    if (start < 0) {
      out.push({ kind: 'text', text: text.slice(i) });
      break;
    }
    if (start > i) out.push({ kind: 'text', text: text.slice(i, start) });
    let depth = 0;
    let end = -1;
    for (let j = start + 2; j < text.length; j++) {
      const c = text[j];
      if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === '}' && text[j + 1] === '}') {
        end = j;
        break;
      }
    }
    if (end < 0) {
      issues.push({ line, column: offset + start + 1, placeholder: text.slice(start + 2, start + 40), message: '占位符缺少结尾的 }}' });
      break;
    }
    const body = text.slice(start + 2, end);
    out.push(parsePlaceholder(body, line, issues, figures, offset + start + 1));
    i = end + 2;
  }
  return out;
}

function parsePlaceholder(body: string, line: number, issues: TemplateIssue[], figures: FigureSpec[], column: number): Segment {
  const name = body.trim();
  const year = /^year\s*(?:([+-])\s*(\d+))?$/.exec(name);
  if (year) return { kind: 'year', offset: year[1] ? Number(`${year[1]}${year[2]}`) : 0 };
  if (name === 'org.name') return { kind: 'org-name' };
  try {
    const spec = { ...parseFigure(body, line), column };
    figures.push(spec);
    return { kind: 'figure', spec };
  } catch (e) {
    const message = e instanceof MetricRefError || e instanceof Error ? e.message : String(e);
    issues.push({ line, column, placeholder: name, message });
    return { kind: 'text', text: '' };
  }
}

const level1 = /^[一二三四五六七八九十]+、/;
const level2 = /^[（(][一二三四五六七八九十]+[）)]/;

/** Parses and validates a whole template; throws TemplateError listing every bad placeholder. */
export function parseTemplate(source: string): ParsedTemplate {
  const issues: TemplateIssue[] = [];
  const figures: FigureSpec[] = [];
  const blocks: TemplateBlock[] = [];
  const settings: RoleSetting[] = [];
  source.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const text = rawLine.trim();
    if (!text || text.startsWith('//')) return;
    const lead = rawLine.length - rawLine.trimStart().length;
    // columns count from the line as written: `at` is where `s` starts inside the trimmed text
    const seg = (s: string, at = text.indexOf(s)) => parseSegments(s, line, issues, figures, lead + Math.max(at, 0));
    if (text.startsWith('# ')) {
      // consecutive title lines make a title of several lines (GB/T 9704: a long title breaks by sense)
      const first = blocks[0];
      if (blocks.length === 0) blocks.push({ kind: 'title', lines: [seg(text.slice(2).trim())] });
      else if (blocks.length === 1 && first.kind === 'title') first.lines.push(seg(text.slice(2).trim()));
      else issues.push({ line, column: lead + 1, placeholder: '', message: '标题行（“# ”开头）应在模板开头' });
    } else if (isRoleRef(text)) {
      const setting = parseSetting(text, line, lead + 1);
      if ('message' in setting) issues.push(setting);
      else if (settings.some((x) => x.role === setting.role)) issues.push({ line, column: lead + 1, placeholder: '', message: `角色“${text.split(/[=＝]/)[0].trim()}”已在第 ${settings.find((x) => x.role === setting.role)?.line} 行设定过` });
      else settings.push(setting);
    } else if (text === '{{targets}}') {
      blocks.push({ kind: 'targets', line });
    } else if (text.startsWith('## ')) {
      blocks.push({ kind: 'heading', level: 1, segments: seg(text.slice(3).trim()) });
    } else if (level1.test(text)) {
      blocks.push({ kind: 'heading', level: 1, segments: seg(text) });
    } else if (level2.test(text)) {
      const stop = text.indexOf('。');
      const head = stop < 0 ? text : text.slice(0, stop + 1);
      blocks.push({ kind: 'heading', level: 2, segments: seg(head, 0), body: stop < 0 ? [] : seg(text.slice(stop + 1), stop + 1) });
    } else {
      blocks.push({ kind: 'paragraph', segments: seg(text) });
    }
  });
  if (!blocks.some((b) => b.kind === 'title')) issues.unshift({ line: 1, column: 1, placeholder: '', message: '模板缺少标题行（以“# ”开头）' });
  if (issues.length) throw new TemplateError(issues);
  return { blocks, figures, settings };
}

/** `@妇联 = RT-FL` (a full-width ＝ is accepted too). */
function parseSetting(text: string, line: number, column: number): RoleSetting | TemplateIssue {
  const m = /^([@＠][^=＝]+)[=＝](.*)$/.exec(text);
  if (!m) return { line, column, placeholder: '', message: `设定行应写作“@角色 = 单位代码”，如 @妇联 = 单位代码` };
  const role = parseRole(m[1]);
  if (!role) return { line, column, placeholder: '', message: unknownRoleMessage(m[1]) };
  const org = m[2].trim();
  if (!org) return { line, column, placeholder: '', message: `设定行“${m[1].trim()}”缺少单位代码` };
  return { line, column, text, role, org };
}

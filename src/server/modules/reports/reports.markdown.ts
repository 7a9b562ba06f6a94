import { appendixCells, appendixHeader, appendixRows, appendixTitle, omittedCells, omittedHeader, omittedTitle, targetCells, targetsHeader, targetsTitle } from '../../../domain/report/appendix';
import { type ReportDocument, plain } from '../../../domain/report/render';

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** Markdown: # title, ## 一、 headings, **（一）…。** run-in headings, and the appendix as a table. */
export function writeMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${doc.title}`, ''];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && b.level === 1) out.push(`## ${plain(b.runs)}`, '');
    else if (b.kind === 'heading') out.push(`**${plain(b.runs)}**${plain(b.body)}`, '');
    else out.push(plain(b.runs), '');
  }
  out.push(`## ${appendixTitle}`, '');
  out.push(`| ${appendixHeader.join(' | ')} |`, `|${appendixHeader.map(() => '---').join('|')}|`);
  for (const r of appendixRows(doc)) out.push(`| ${appendixCells(r).map(cell).join(' | ')} |`);
  out.push('');
  if (doc.omitted.length) {
    out.push(`## ${omittedTitle}`, '', `| ${omittedHeader.join(' | ')} |`, `|${omittedHeader.map(() => '---').join('|')}|`);
    for (const o of doc.omitted) out.push(`| ${omittedCells(o).map(cell).join(' | ')} |`);
    out.push('');
  }
  if (doc.targets.length) {
    out.push(`## ${targetsTitle}`, '', `| ${targetsHeader.join(' | ')} |`, `|${targetsHeader.map(() => '---').join('|')}|`);
    for (const t of doc.targets) out.push(`| ${targetCells(t).map(cell).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

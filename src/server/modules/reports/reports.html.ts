import { describeMetricRef, describePeriod } from '../../../domain/metrics/describe';
import { appendixCells, appendixHeader, appendixRows, appendixTitle, figureLink, omittedCells, omittedHeader, omittedTitle, targetCells, targetsHeader, targetsTitle } from '../../../domain/report/appendix';
import type { ReportDocument, Run } from '../../../domain/report/render';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// GB/T 9704 look on screen and on paper: A4, margins 37/35/28/26 mm, 仿宋 三号 body, 28.95 pt lines
const style = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; max-width: 156mm; margin: 2em auto; color: #000; }
h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
.h2 { font-family: "楷体_GB2312", "KaiTi", "AR PL UKai CN", serif; }
a.fig { color: inherit; text-decoration: underline dotted; }
table { border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; margin-top: 1em; }
th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; }
h2.appendix, h2.appendix-next { text-indent: 0; margin-top: 2em; }
h2.appendix { page-break-before: always; }
@media print { a.fig { text-decoration: none; } }
`;

function runs(rs: readonly Run[]): string {
  return rs
    .map((r) => (r.kind === 'text' ? esc(r.text) : `<a class="fig" href="${esc(figureLink(r))}" title="${esc(`${describeMetricRef(r.ref)}（${r.orgName}，${describePeriod(r.from, r.to)}）：${r.value} ${r.unit}`)}">${esc(r.text)}</a>`))
    .join('');
}

/** A self-contained page: every figure links to the records it counts (the web's metrics page). */
export function writeHtml(doc: ReportDocument): string {
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(doc.title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${writeHtmlBody(doc)}\n</body>\n</html>\n`;
}

/** The page's body alone (the template editor's live preview shows it inside the web app). */
export function writeHtmlBody(doc: ReportDocument): string {
  const body: string[] = [`<h1>${doc.titleLines.map(esc).join('<br>')}</h1>`];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && b.level === 1) body.push(`<h2>${runs(b.runs)}</h2>`);
    else if (b.kind === 'heading') body.push(`<p><span class="h2">${runs(b.runs)}</span>${runs(b.body)}</p>`);
    else body.push(`<p>${runs(b.runs)}</p>`);
  }
  body.push(`<h2 class="appendix">${appendixTitle}</h2>`, '<table>', `<tr>${appendixHeader.map((h) => `<th>${h}</th>`).join('')}</tr>`);
  for (const r of appendixRows(doc)) body.push(`<tr>${appendixCells(r).map((c, i) => `<td>${i === 1 ? `<a href="${esc(figureLink(doc.figures[r.n - 1]))}">${esc(c)}</a>` : esc(c)}</td>`).join('')}</tr>`);
  body.push('</table>');
  if (doc.omitted.length) {
    body.push(`<h2 class="appendix-next">${omittedTitle}</h2>`, '<table data-omitted>', `<tr>${omittedHeader.map((h) => `<th>${h}</th>`).join('')}</tr>`);
    for (const o of doc.omitted) body.push(`<tr>${omittedCells(o).map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
    body.push('</table>');
  }
  if (doc.targets.length) {
    body.push(`<h2 class="appendix-next">${targetsTitle}</h2>`, '<table>', `<tr>${targetsHeader.map((h) => `<th>${h}</th>`).join('')}</tr>`);
    for (const t of doc.targets) body.push(`<tr>${targetCells(t).map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
    body.push('</table>');
  }
  return body.join('\n');
}

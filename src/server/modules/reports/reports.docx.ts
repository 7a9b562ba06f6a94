import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { appendixCells, appendixHeader, appendixRows, appendixTitle, omittedCells, omittedHeader, omittedTitle, targetCells, targetsHeader, targetsTitle } from '../../../domain/report/appendix';
import type { ReportDocument, Run } from '../../../domain/report/render';

/**
 * Word output laid out per GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; title 方正小标宋简体 二号; body 仿宋_GB2312 三号; 一、 headings 黑体,
 * （一） headings 楷体_GB2312; 22 lines of 28 characters; page numbers "— 1 —" in 4号 宋体, odd pages
 * right and even pages left, one character in from the edge, 7 mm below the text block.
 * The GB fonts are named for Chinese text (eastAsia) with Times New Roman for Latin text; where they
 * are missing, fontconfig aliases (docs/fonts/fontconfig-gbt9704.conf) map them to Noto CJK / AR PL UKai.
 */
const mm = (v: number) => Math.round((v / 25.4) * 1440); // twips
const pt = (v: number) => v * 2; // half-points
const fonts = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNo: '宋体' } as const;
const latin = 'Times New Roman';
const language = { value: 'en-US', eastAsia: 'zh-CN' };
// 156 mm of text width holds 28 characters of 16 pt with -0.25 pt character spacing (15.75 pt each)
const charSpacing = -5; // twentieths of a point
const charWidth = (16 - 0.25) * 20; // twips
// 225 mm of text height / 22 lines = 28.95 pt a line
const linePitch = 579;

/** Body text sets Latin letters and digits in Times New Roman; titles and headings keep their own face. */
function run(text: string, font: string, size = 16, latinFont = font === fonts.body ? latin : font): TextRun {
  return new TextRun({
    text,
    font: { ascii: latinFont, hAnsi: latinFont, eastAsia: font, cs: latinFont },
    size: pt(size),
    characterSpacing: charSpacing,
    language,
  });
}

const runsOf = (rs: readonly Run[], font: string) => rs.map((r) => run(r.text, font));

function bodyParagraph(children: TextRun[], indent = true): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: indent ? { firstLine: 2 * charWidth } : undefined,
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const children = [
    new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: fonts.pageNo, hAnsi: fonts.pageNo, eastAsia: fonts.pageNo }, size: pt(14), language }),
  ];
  return new Footer({
    children: [
      new Paragraph({
        children,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: pt(14) * 10 } : { left: pt(14) * 10 },
      }),
    ],
  });
}

/** Column widths of the appendix tables in mm; each table fills the 156 mm text width. */
const appendixWidths = [10, 22, 52, 32, 24, 16] as const; // 序号 文中数字 指标 统计单位 期间 记录数
const omittedWidths = [10, 18, 91, 37] as const; // 序号 模板行 未写入的语句 原因
const targetsWidths = [24, 38, 46, 13, 14, 10, 11] as const; // 组织 目标 指标 比较 目标值 单位 年度

/**
 * The appendices as compact tables in 五号 (10.5 pt): fixed column widths (a narrow column never
 * breaks a word letter by letter), single 15 pt lines that leave the body's 22-line grid, header row
 * repeated on each page. The metric appears in words; its code belongs to the HTML links only.
 */
function appendix(doc: ReportDocument): (Paragraph | Table)[] {
  const cellRun = (text: string, bold = false) => new TextRun({ text, bold, font: { ascii: latin, hAnsi: latin, eastAsia: fonts.body }, size: pt(10.5), language });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const margins = { top: 20, bottom: 20, left: 60, right: 60 };
  const cellParagraph = (text: string, header: boolean) =>
    new Paragraph({ children: [cellRun(text, header)], spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT });
  const table = (header: readonly string[], rows: string[][], widthsMm: readonly number[]) => {
    const widths = widthsMm.map(mm);
    const row = (cells: readonly string[], isHeader = false) =>
      new TableRow({
        tableHeader: isHeader,
        cantSplit: true,
        children: cells.map((c, i) => new TableCell({ borders, margins, width: { size: widths[i], type: WidthType.DXA }, children: [cellParagraph(c, isHeader)] })),
      });
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [row(header, true), ...rows.map((r) => row(r))],
    });
  };
  return [
    bodyParagraph([run(appendixTitle, fonts.h1)], false),
    table(appendixHeader, appendixRows(doc).map(appendixCells), appendixWidths),
    ...(doc.omitted.length ? [bodyParagraph([run(omittedTitle, fonts.h1)], false), table(omittedHeader, doc.omitted.map(omittedCells), omittedWidths)] : []),
    ...(doc.targets.length ? [bodyParagraph([run(targetsTitle, fonts.h1)], false), table(targetsHeader, doc.targets.map(targetCells), targetsWidths)] : []),
  ];
}

export async function writeDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...doc.titleLines.map(
      (line, i) =>
        new Paragraph({
          children: [run(line, fonts.title, 22)],
          alignment: AlignmentType.CENTER,
          // one blank line between the title and the body (GB/T 9704 7.3.3)
          spacing: { line: Math.round(linePitch * 1.2), lineRule: LineRuleType.EXACT, after: i === doc.titleLines.length - 1 ? linePitch : 0 },
        }),
    ),
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && b.level === 1) children.push(bodyParagraph(runsOf(b.runs, fonts.h1)));
    else if (b.kind === 'heading') children.push(bodyParagraph([...runsOf(b.runs, fonts.h2), ...runsOf(b.body, fonts.body)]));
    else children.push(bodyParagraph(runsOf(b.runs, fonts.body)));
  }
  const page = { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(23) } };
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const document = new Document({
    title: doc.title,
    creator: '群团工作平台',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: latin, hAnsi: latin, eastAsia: fonts.body }, size: pt(16), language } } } },
    sections: [
      { properties: { page, grid: { type: DocumentGridType.LINES, linePitch } }, footers, children },
      // the appendices start on a new page, in a section without the body's 22-line grid, so their
      // table rows take single 15 pt lines (a readers' snap to the grid would double every row)
      { properties: { page, type: SectionType.NEXT_PAGE }, footers, children: appendix(doc) },
    ],
  });
  return Packer.toBuffer(document);
}

import type { ReportDocument } from '../../../domain/report/render';
import { writeDocx } from './reports.docx';
import { writeHtml } from './reports.html';
import { writeMarkdown } from './reports.markdown';

export const reportFormats = ['docx', 'md', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportContentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The report in one of the three outputs. */
export async function writeReport(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return writeDocx(doc);
    case 'md':
      return Buffer.from(writeMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(writeHtml(doc), 'utf8');
  }
}

/** File name: 2025年度群团工作总结（林甸县委）.docx */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
  return `${doc.year}年${doc.kind === 'annual' ? '年度' : '半年'}工作报告（${doc.orgName}）.${format}`;
}

import { Alert, Empty, Spin, Typography } from 'antd';
import type { MouseEvent } from 'react';
import type { Preview, TemplateIssue } from '../api';

// the report's look on screen (GB/T 9704 fonts where installed), scoped to the preview box
const css = `
.report-preview { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; font-size: 15px; line-height: 1.9; color: #000; }
.report-preview h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22px; font-weight: normal; text-align: center; }
.report-preview h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16px; font-weight: normal; text-indent: 2em; margin: 0; }
.report-preview p { text-indent: 2em; margin: 0; text-align: justify; }
.report-preview .h2 { font-family: "楷体_GB2312", "KaiTi", "AR PL UKai CN", serif; }
.report-preview a.fig { color: #0958d9; text-decoration: underline dotted; }
.report-preview table { border-collapse: collapse; font-size: 12px; line-height: 1.4; margin-top: 8px; display: block; max-width: 100%; overflow-x: auto; }
.report-preview th, .report-preview td { border: 1px solid #d9d9d9; padding: 2px 6px; }
.report-preview h2.appendix, .report-preview h2.appendix-next { text-indent: 0; margin-top: 1.5em; }
`;

export function IssueList({ issues, onPick }: { issues: TemplateIssue[]; onPick: (line: number, column?: number) => void }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="template-issues"
      title={`模板有 ${issues.length} 处错误，修正后才会计算数字`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {issues.map((i, k) => (
            <li key={k}>
              <Typography.Link onClick={() => onPick(i.line, i.column)}>
                第 {i.line} 行{i.column ? `第 ${i.column} 列` : ''}
              </Typography.Link>
              {i.placeholder ? <Typography.Text code>{`{{${i.placeholder}}}`}</Typography.Text> : null}：{i.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * The live preview: the report as HTML from the server (escaped there). A figure's link opens its
 * records on the metrics page in a new tab, so the text being edited stays.
 */
export function ReportPreview({ preview, loading }: { preview: Preview | null; loading: boolean }) {
  const open = (e: MouseEvent) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    e.preventDefault();
    window.open(a.getAttribute('href') ?? '/', '_blank', 'noopener');
  };
  return (
    <Spin spinning={loading} description="正在计算…">
      <style>{css}</style>
      {!preview ? <Empty description="输入模板后在此预览" /> : null}
      {preview && !preview.valid ? <Alert type="warning" showIcon title={`模板有 ${preview.issues.length} 处错误（见编辑区，已标出行号），修正后才会计算数字并显示预览`} /> : null}
      {preview?.valid && preview.omitted.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-omitted"
          title={`本单位的组织架构中缺少相应单位，以下 ${preview.omitted.length} 句未写入报告（报告附录同样列出）`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.omitted.map((o) => (
                <li key={o.n}>
                  第 {o.line} 行：“{o.sentence}”——{o.reason}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {preview?.valid ? (
        <div className="report-preview" data-testid="report-preview" onClick={open} dangerouslySetInnerHTML={{ __html: preview.html }} />
      ) : null}
    </Spin>
  );
}

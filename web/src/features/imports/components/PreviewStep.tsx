import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { type ColumnMapping, errorsUrl, type ImportError, type ImportResult, type PreviewRow } from '../api';
import { ImportCounts } from './ImportCounts';

interface Props {
  result: ImportResult;
  committing: 'all' | 'valid' | null;
  onCommit: (acceptValid: boolean) => void;
  onRestart: () => void;
  /** the clerk's column mapping the preview was checked with (the error workbook uses it too) */
  mapping?: ColumnMapping | null;
  /** the name the mapping is saved under when the import is confirmed */
  saveAs?: string | null;
  /** back to 列对应 */
  onEditMapping?: () => void;
}

const statusTags: Record<PreviewRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '正确' },
  error: { color: 'red', label: '错误' },
  duplicate: { color: 'gold', label: '重复' },
};

const errorColumns: TableColumnsType<ImportError> = [
  { title: 'Excel 行号', dataIndex: 'row', width: 100, render: (v: number) => <span data-testid="import-error-row">{v}</span> },
  { title: '列', dataIndex: 'column', width: 140 },
  { title: '原因', dataIndex: 'message' },
];

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function previewColumns(rows: PreviewRow[]): TableColumnsType<PreviewRow> {
  const headers: string[] = [];
  for (const r of rows) for (const h of Object.keys(r.values ?? {})) if (!headers.includes(h)) headers.push(h);
  return [
    { title: '行号', dataIndex: 'row', width: 70, fixed: 'left' },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: PreviewRow['status']) => <Tag color={statusTags[s]?.color}>{statusTags[s]?.label ?? s}</Tag> },
    ...headers.map((h) => ({ title: h, key: h, width: widthOf(h, rows), ellipsis: true, render: (_: unknown, r: PreviewRow) => show(r.values?.[h]) })),
  ];
}

/** A column as wide as its header and its longest value in the first rows (an 18-digit ID number shows whole), within 90–260 px. */
function widthOf(header: string, rows: PreviewRow[]): number {
  const chars = (t: string) => [...t].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0); // a Chinese character is two digits wide
  let widest = chars(header);
  for (const r of rows.slice(0, 50)) widest = Math.max(widest, chars(show(r.values?.[header])));
  return Math.min(260, Math.max(90, widest * 7.5 + 24));
}

/** Step 2: the dry run's counts, every rejected row by Excel row and column, and the rows as read. */
export function PreviewStep({ result, committing, onCommit, onRestart, mapping, saveAs, onEditMapping }: Props) {
  const hasErrors = result.rejected > 0 || result.errors.length > 0;
  const nothing = result.accepted === 0;
  const columns = previewColumns(result.preview);
  return (
    <>
      <style>{'.qt-import-error > td { background: #fff1f0 !important; } .qt-import-duplicate > td { background: #fffbe6 !important; }'}</style>
      <ImportCounts result={result} />
      {result.mapping?.saved || mapping ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-mapping-note"
          title={result.mapping?.saved ? `已按本单位保存的列对应“${result.mapping.saved}”读取各列` : '已按您指定的列对应读取各列'}
          description={saveAs ? `确认导入后，这套列对应将保存为“${saveAs}”，下次导入同样表头的文件时自动使用。` : undefined}
        />
      ) : null}
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={result.rejected > 0 ? `有 ${result.rejected} 行不能导入` : '文件的表头不能识别，没有读取任何行'}
          description={
            result.rejected === 0 ? (
              <>
                {result.errors.map((e) => e.message).join('；')}。
                {onEditMapping ? '可以点“调整列对应”指定各列对应的项目，或' : '请'}下载导入模板，按模板的表头整理后重新上传。
              </>
            ) : (
              <>
                可以下载错误表（原表各行加“错误说明”列，出错单元格标红），改正后重新导入；也可以只导入正确的行。{' '}
                <a href={errorsUrl(result.uploadId, mapping)} data-testid="import-error-workbook">
                  下载错误表
                </a>
              </>
            )
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title="全部行核对无误，可以导入" />
      )}
      {result.duplicates > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${result.duplicates} 行与已有记录相同，导入时将跳过，不会重复写入`} />
      ) : null}
      {result.warnings?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="提示"
          description={result.warnings.map((w, i) => <div key={i}>{typeof w === 'string' ? w : `${w.row ? `第 ${w.row} 行：` : ''}${w.message}`}</div>)}
        />
      ) : null}
      {result.errors.length ? (
        <Card size="small" title="错误明细" style={{ marginBottom: 16 }}>
          <div data-testid="import-preview-errors">
            <Table<ImportError>
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              size="small"
              columns={errorColumns}
              dataSource={result.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处错误` }}
              scroll={{ x: 520 }}
            />
          </div>
        </Card>
      ) : null}
      <Card size="small" title={`数据预览（前 ${result.preview.length} 行，错误行标红）`} style={{ marginBottom: 16 }}>
        <Table<PreviewRow>
          data-testid="import-preview-rows"
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={result.preview}
          rowClassName={(r) => (r.status === 'error' ? 'qt-import-error' : r.status === 'duplicate' ? 'qt-import-duplicate' : '')}
          onRow={(r) => ({ 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: columns.reduce((w, c) => w + Number(c.width ?? 130), 0) }}
        />
      </Card>
      <Flex wrap gap={8}>
        <Button type="primary" data-testid="import-confirm" disabled={hasErrors || nothing || committing !== null} loading={committing === 'all'} onClick={() => onCommit(false)}>
          确认导入
        </Button>
        <Button data-testid="import-accept-valid" disabled={!hasErrors || nothing || committing !== null} loading={committing === 'valid'} onClick={() => onCommit(true)}>
          仅导入正确的行（{result.accepted} 行）
        </Button>
        {onEditMapping ? (
          <Button data-testid="import-edit-mapping" disabled={committing !== null} onClick={onEditMapping}>
            调整列对应
          </Button>
        ) : null}
        <Button disabled={committing !== null} onClick={onRestart}>
          重新选择文件
        </Button>
      </Flex>
      {hasErrors ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          “确认导入”要求全部行正确（全部导入或全部不导入）；有错误行时请改正后重新上传，或选择“仅导入正确的行”。
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

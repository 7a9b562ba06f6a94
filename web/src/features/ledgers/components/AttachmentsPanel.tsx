import { App, Button, Card, Flex, List, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { showInstant } from '../../../ui/dates';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { attachmentAccept, attachmentFileUrl, attachmentProblem, deleteAttachment, listAttachments, uploadAttachment, type Attachment, type AttachmentEntity } from '../attachments-api';

function showSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const kindOf = (mime: string) => (mime.startsWith('image/') ? '图片' : mime === 'application/pdf' ? 'PDF' : mime.includes('spreadsheet') ? 'Excel' : mime.includes('word') ? 'Word' : '文件');

interface Props {
  entity: AttachmentEntity;
  recordId: string;
  /** whether the caller may upload and delete (the server checks again) */
  writable: boolean;
  /** test ids: `${testId}s` on the card, `${testId}-item`, `-upload`, `-download`, `-delete` */
  testId?: string;
  compact?: boolean;
}

/**
 * 附件 of a ledger record or a case: list, upload (≤10 MB; images, PDF, xlsx, docx), download and
 * delete. The server applies the record's own rules (a confidential case's files only for those who
 * may open the case).
 */
export function AttachmentsPanel({ entity, recordId, writable, testId = 'attachment', compact = false }: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, reload } = useRequest(() => listAttachments(entity, recordId), [entity, recordId]);
  const [progress, setProgress] = useState<number | null>(null);

  const upload = async (file: File) => {
    setProgress(0);
    try {
      await uploadAttachment(entity, recordId, file, setProgress);
      void message.success(`已上传：${file.name}`);
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setProgress(null);
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await deleteAttachment(a.id);
      void message.success('已删除附件');
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card
      title={`附件${data ? `（${data.total}）` : ''}`}
      size={compact ? 'small' : undefined}
      style={compact ? undefined : { marginTop: 16 }}
      data-testid={testId === 'attachment' ? 'attachments-panel' : `${testId}s`}
      extra={
        writable ? (
          <Upload
            accept={attachmentAccept}
            multiple={false}
            showUploadList={false}
            disabled={progress !== null}
            beforeUpload={(file) => {
              const problem = attachmentProblem(file);
              if (problem) {
                void message.error(problem);
                return Upload.LIST_IGNORE;
              }
              void upload(file);
              return false;
            }}
          >
            <Button type={compact ? 'default' : 'primary'} size={compact ? 'small' : undefined} data-testid={`${testId}-upload`} loading={progress !== null}>
              {compact ? '上传' : '上传附件'}
            </Button>
          </Upload>
        ) : null
      }
    >
      {progress !== null ? <Progress percent={progress} size="small" style={{ marginBottom: 8 }} /> : null}
      <List<Attachment>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item
            key={a.id}
            data-testid={`${testId}-item`}
            actions={[
              <a key="download" href={attachmentFileUrl(a.id)} target="_blank" rel="noreferrer" data-testid={`${testId}-download`}>
                下载
              </a>,
              ...(writable
                ? [
                    <Popconfirm key="delete" title="删除附件" description={`确定删除“${a.filename}”吗？删除后不能恢复。`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(a)}>
                      <Button type="link" danger size="small" data-testid={`${testId}-delete`} style={{ padding: 0 }}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Typography.Text ellipsis style={{ maxWidth: '100%' }} title={a.filename}>
                  {a.filename}
                </Typography.Text>
              }
              description={
                <Flex wrap gap={8}>
                  <span>{kindOf(a.mime)}</span>
                  <span>{showSize(a.size)}</span>
                  <span>{showInstant(a.createdAt)}</span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {writable ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          支持 JPG、PNG、WebP 图片，PDF，Excel（.xlsx），Word（.docx），单个文件不超过 10 MB。
        </Typography.Text>
      ) : null}
    </Card>
  );
}

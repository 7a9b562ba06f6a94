import { App, Button, Card, Flex, List, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { showInstant } from '../../../ui/dates';
import { http, toQuery } from '../../../ui/http';
import { uploadFile } from '../../../ui/upload';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { attachmentAccept, attachmentFileUrl, attachmentProblem, deleteAttachment, type Attachment } from '../../ledgers/attachments-api';

const listCaseFiles = (caseId: string) => http.get<{ items: Attachment[]; total: number }>('/attachments', { entity: 'cases', entityId: caseId });
const uploadCaseFile = (caseId: string, file: File, onProgress: (p: number) => void) =>
  uploadFile<Attachment>(`/api/v1/attachments${toQuery({ entity: 'cases', entityId: caseId })}`, file, { onProgress, tooLargeMessage: '附件不能超过 10 MB' });

const sizeText = (b: number) => (b < 1024 ? `${b} B` : b < 1024 * 1024 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);

/** 附件 of a case (registration forms, 告诫书 scans, agreements): the case's own visibility rules apply. */
export function CaseAttachments({ caseId, writable }: { caseId: string; writable: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, reload } = useRequest(() => listCaseFiles(caseId), [caseId]);
  const [progress, setProgress] = useState<number | null>(null);

  const upload = async (file: File) => {
    setProgress(0);
    try {
      await uploadCaseFile(caseId, file, setProgress);
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
      size="small"
      title={`附件${data ? `（${data.total}）` : ''}`}
      data-testid="case-attachments"
      extra={
        writable ? (
          <Upload
            accept={attachmentAccept}
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
            <Button size="small" data-testid="case-attachment-upload" loading={progress !== null}>
              上传
            </Button>
          </Upload>
        ) : null
      }
    >
      {progress !== null ? <Progress percent={progress} size="small" /> : null}
      <List<Attachment>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item
            data-testid="case-attachment-item"
            actions={[
              <a key="d" href={attachmentFileUrl(a.id)} target="_blank" rel="noreferrer">
                下载
              </a>,
              ...(writable
                ? [
                    <Popconfirm key="x" title="删除附件" description={`确定删除“${a.filename}”吗？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(a)}>
                      <Button type="link" danger size="small" style={{ padding: 0 }}>
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
                  <span>{sizeText(a.size)}</span>
                  <span>{showInstant(a.createdAt)}</span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

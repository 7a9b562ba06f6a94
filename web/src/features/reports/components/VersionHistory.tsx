import { Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../ui/use-api-error';
import { getTemplateVersion, type TemplateVersion } from '../api';
import { showInstant } from '../../../ui/dates';


/** 版本历史: every save of the template; an old version can be read and taken back into the editor. */
export function VersionHistory({ templateId, versions, current, onLoad }: { templateId: string; versions: TemplateVersion[]; current: number; onLoad: (body: string, version: number) => void }) {
  const showError = useApiError();
  const [shown, setShown] = useState<(TemplateVersion & { body: string }) | null>(null);
  const view = async (v: number) => {
    try {
      setShown(await getTemplateVersion(templateId, v));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <List
        size="small"
        data-testid="template-versions"
        dataSource={versions}
        renderItem={(v) => (
          <List.Item actions={[<Button key="view" size="small" type="link" onClick={() => void view(v.version)}>查看</Button>]}>
            <List.Item.Meta
              title={`第 ${v.version} 版${v.version === current ? '（当前）' : ''}`}
              description={`${showInstant(v.createdAt)} ${v.createdByName ?? ''}${v.note ? ` · ${v.note}` : ''}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={Boolean(shown)}
        title={shown ? `第 ${shown.version} 版：${shown.name}` : ''}
        width={760}
        onCancel={() => setShown(null)}
        footer={[
          <Button key="close" onClick={() => setShown(null)}>
            关闭
          </Button>,
          <Button
            key="load"
            type="primary"
            onClick={() => {
              if (shown) onLoad(shown.body, shown.version);
              setShown(null);
            }}
          >
            载入编辑器（保存后成为新版本）
          </Button>,
        ]}
      >
        <Typography.Paragraph>
          <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto', fontSize: 13 }}>{shown?.body}</pre>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

import { App, Button, Col, Flex, Form, Progress, Radio, Row, Typography, Upload } from 'antd';
import type { LedgerKind } from '../../../../../src/domain/ledgers/catalogs';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { kindLabels, maxUploadBytes, templateUrl } from '../api';

interface Props {
  kind: LedgerKind;
  onKind: (k: LedgerKind) => void;
  orgId?: string;
  onOrg: (id: string | undefined) => void;
  /** 0–100 while uploading; null when idle. */
  progress: number | null;
  /** true while the server checks the rows after the upload finished. */
  checking: boolean;
  onFile: (file: File) => void;
}

const kinds = Object.keys(kindLabels) as LedgerKind[];

/** Step 1: choose the ledger kind, get its template, pick the unit and upload the workbook. */
export function UploadStep({ kind, onKind, orgId, onOrg, progress, checking, onFile }: Props) {
  const { message } = App.useApp();
  const busy = progress !== null;
  return (
    <Form layout="vertical">
      <Form.Item label="导入类型" required>
        <Radio.Group
          data-testid="import-kind"
          optionType="button"
          value={kind}
          disabled={busy}
          onChange={(e) => onKind(e.target.value as LedgerKind)}
          options={kinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="导入到单位" extra="不选则导入到本人所在单位；表中填写了单位的行以表中为准">
            <OrgPicker value={orgId} onChange={onOrg} disabled={busy} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="导入模板">
            <Button href={templateUrl(kind)} data-testid="import-template">
              下载{kindLabels[kind]}导入模板
            </Button>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="上传文件" extra="支持 .xlsx 文件，不超过 20 MB。上传后先预览核对，确认后才写入。">
        <Upload.Dragger
          data-testid="import-upload"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            if (file.size > maxUploadBytes) {
              void message.error(`文件 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限，请拆分后分批导入`);
              return Upload.LIST_IGNORE;
            }
            if (!/\.xlsx$/i.test(file.name)) {
              void message.error('请上传 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）');
              return Upload.LIST_IGNORE;
            }
            onFile(file);
            return false;
          }}
        >
          <Typography.Paragraph style={{ margin: '16px 0 4px', fontSize: 16 }}>点击或将 Excel 文件拖到此处</Typography.Paragraph>
          <Typography.Text type="secondary">当前类型：{kindLabels[kind]}</Typography.Text>
        </Upload.Dragger>
      </Form.Item>
      {busy ? (
        <Flex vertical gap={4} data-testid="import-progress">
          <Progress percent={progress} status={checking ? 'active' : undefined} />
          <Typography.Text type="secondary">{checking ? '上传完成，正在逐行核对…' : '正在上传…'}</Typography.Text>
        </Flex>
      ) : null}
    </Form>
  );
}

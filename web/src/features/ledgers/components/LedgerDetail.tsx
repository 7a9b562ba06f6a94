import { Alert, App, Button, Card, Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showInstant } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import type { LedgerName } from '../api';
import { AttachmentsPanel } from './AttachmentsPanel';
import { DeleteRecordModal } from './DeleteRecordModal';

interface Props {
  ledger: LedgerName;
  record: { id: string; orgName: string | null; note: string | null; batchId: string | null; batch?: { number: string; filename: string } | null; createdAt: string; updatedAt: string; deletedAt: string | null; deleteReason: string | null };
  title: string;
  items: DescriptionsProps['items'];
  /** Shown above the record (e.g. the duplicate-assistance warning after saving). */
  notice?: ReactNode;
  children?: ReactNode;
}

/** 来源: typed in, or the import that wrote it by 导入批次 number and file name (never the batch's id). */
function source(record: Props['record']): string {
  if (!record.batchId) return '手工录入';
  return record.batch ? `Excel 导入（导入批次 ${record.batch.number}，文件“${record.batch.filename}”）` : 'Excel 导入';
}

/** The detail page frame of every ledger record: fields, provenance, 编辑 and 删除 (with a reason). */
export function LedgerDetail({ ledger, record, title, items = [], notice, children }: Props) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [deleting, setDeleting] = useState(false);
  const deleted = Boolean(record.deletedAt);
  const common: DescriptionsProps['items'] = [
    { key: 'org', label: '所属单位', children: record.orgName ?? '—' },
    { key: 'note', label: '备注', span: 2, children: record.note || '—' },
    { key: 'batch', label: '来源', children: <span data-testid="record-source">{source(record)}</span> },
    { key: 'created', label: '登记时间', children: showInstant(record.createdAt) },
    { key: 'updated', label: '最后修改', children: showInstant(record.updatedAt) },
  ];
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            {can('ledger.write') && !deleted ? (
              <>
                <Button type="primary" data-testid="record-edit" onClick={() => navigate(`/${ledger}/${record.id}/edit`)}>
                  编辑
                </Button>
                <Button danger data-testid="record-delete" onClick={() => setDeleting(true)}>
                  删除
                </Button>
              </>
            ) : null}
            <Button onClick={() => navigate(`/${ledger}`)}>返回列表</Button>
          </>
        }
      />
      {notice}
      {deleted ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`此记录已于 ${showInstant(record.deletedAt)} 删除`}
          description={`删除原因：${record.deleteReason ?? '—'}`}
        />
      ) : null}
      <Card>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={[...items, ...common]} data-testid="record-detail" />
      </Card>
      {children}
      <AttachmentsPanel entity={ledger} recordId={record.id} writable={can('ledger.write') && !deleted} />
      <DeleteRecordModal
        ledger={ledger}
        id={record.id}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          void message.success('已删除');
          void navigate(`/${ledger}`, { replace: true });
        }}
      />
    </>
  );
}

import { App, Button, Flex, Table, Tag } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showInstant } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { knownOrgName } from '../../orgs/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { kindLabels, listBatches, undoBatch, type ImportBatch } from '../api';

/** 导入记录: every import batch of the subtree, each undoable as a whole. */
/** the set-up batches (org tree, users) sit in the same list */
const batchKindLabels: Record<string, string> = { ...kindLabels, orgs: '组织架构', users: '用户' };
const treeUndoText: Record<string, string> = {
  orgs: '本批次新建的单位将被删除，修改过的单位恢复导入前的名称、类型和上级；新建单位已有下级、账号或业务记录时不能撤销。',
  users: '本批次开通的用户将被删除；已有用户登录使用时不能撤销（可在用户管理中停用）。',
};

export function ImportBatchesPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const { data, loading, reload } = useRequest(() => listBatches(orgId), [orgId]);

  const undo = (b: ImportBatch) =>
    modal.confirm({
      title: '撤销这个导入批次？',
      content: treeUndoText[b.kind] ?? `将删除导入批次 ${b.number}（${b.filename}）导入的 ${b.accepted} 条${batchKindLabels[b.kind] ?? ''}记录，删除原因记为“撤销导入批次”。`,
      okText: '撤销',
      okButtonProps: { danger: true, 'data-testid': 'batch-undo-confirm' } as ButtonProps,
      cancelText: '取消',
      onOk: async () => {
        try {
          await undoBatch(b.id);
          void message.success('已撤销');
          reload();
        } catch (e) {
          showError(e);
        }
      },
    });

  const columns: TableColumnsType<ImportBatch> = [
    { title: '批次号', dataIndex: 'number', width: 110, fixed: 'left' },
    { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => batchKindLabels[k] ?? k },
    { title: '文件', dataIndex: 'filename', width: 200, ellipsis: true },
    { title: '单位', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '—' },
    { title: '行数', dataIndex: 'rows', width: 70, align: 'right' },
    { title: '已导入', dataIndex: 'accepted', width: 80, align: 'right' },
    { title: '错误', dataIndex: 'rejected', width: 70, align: 'right' },
    { title: '重复', dataIndex: 'duplicates', width: 70, align: 'right' },
    { title: '导入时间', dataIndex: 'createdAt', width: 170, render: (v: string) => showInstant(v) },
    { title: '导入人', dataIndex: 'createdBy', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 190,
      render: (_: unknown, b) => (b.undoneAt ? <Tag>已于 {showInstant(b.undoneAt)} 撤销</Tag> : <Tag color="green">{b.status === 'committed' || !b.status ? '已导入' : b.status}</Tag>),
    },
    {
      title: '操作',
      key: 'ops',
      width: 80,
      render: (_: unknown, b) =>
        can('ledger.write') && !b.undoneAt ? (
          <Button size="small" danger data-testid="batch-undo" onClick={() => undo(b)}>
            撤销
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title="导入记录" extra={can('ledger.write') ? <Button type="primary" onClick={() => navigate('/imports')}>导入数据</Button> : null} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <OrgPicker
          value={orgId}
          placeholder="全部单位（本级及下级）"
          style={{ width: 260, maxWidth: '100%' }}
          onChange={(id) => setParams(id ? { orgId: id, orgName: knownOrgName(id) ?? '' } : {})}
        />
      </Flex>
      <div data-testid="import-batches-table">
        <Table<ImportBatch>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1400 }}
          locale={{ emptyText: '暂无导入记录' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个批次` }}
        />
      </div>
    </>
  );
}

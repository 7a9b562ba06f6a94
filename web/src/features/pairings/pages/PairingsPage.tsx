import { Alert, Button, Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { showDate } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { exportUrl } from '../../ledgers/api';
import { listPairings, type Pairing } from '../api';
import { PairingDrawer } from '../components/PairingDrawer';
import { PairingFormModal } from '../components/PairingFormModal';
import { stateColors } from '../components/state';

const columns: TableColumnsType<Pairing> = [
  { title: '帮扶方', dataIndex: 'helperName', width: 170, render: (v: string, r) => `${v}（${r.helperRole}）` },
  { title: '受助方', dataIndex: 'helpedName', width: 150, render: (v: string, r) => `${v}（${r.helpedRole}）` },
  { title: '联系承诺', dataIndex: 'commitmentLabel', width: 130 },
  { title: '最近联系', dataIndex: 'lastVisitOn', width: 120, render: showDate },
  { title: '下次应联系', dataIndex: 'nextDueOn', width: 120, render: showDate },
  { title: '状态', dataIndex: 'stateLabel', width: 150, render: (v: string, r) => <Tag color={stateColors[r.state]}>{v}</Tag> },
  { title: '单位', dataIndex: 'orgName', width: 150 },
];

const states = [
  { value: '', label: '全部' },
  { value: 'active', label: '在结对' },
  { value: 'lapsed', label: '超期未联系' },
  { value: 'due_soon', label: '7 天内应联系' },
  { value: 'ended', label: '已结束' },
];

/** 结对帮扶: pairings with their commitment, lapsed ones warned and listed first. */
export function PairingsPage() {
  const list = useListParams();
  const { can } = useAuth();
  const state = list.get('state') ?? '';
  const query = { state: state || undefined, orgId: list.orgId, page: list.page, pageSize: list.pageSize };
  const { data, loading, reload } = useRequest(() => listPairings(query), [JSON.stringify(query)]);
  const [creating, setCreating] = useState(false);
  // a 待办 link (…?open=<id>) opens that record's drawer
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('open'));
  return (
    <>
      <PageHeader
        title="结对帮扶"
        sub="爱心妈妈、党员、巾帼文明岗与留守儿童、春蕾女童、困难母亲结对，按承诺定期联系"
        extra={
          <>
            <Button href={exportUrl('/pairings', query)} data-testid="pairings-export">
              导出 Excel
            </Button>
            {can('ledger.write') ? <Button type="primary" onClick={() => setCreating(true)}>建立结对</Button> : null}
          </>
        }
      />
      {data && data.lapsedTotal > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${data.lapsedTotal} 对结对已超过承诺期限未联系`}
          action={<Button size="small" onClick={() => list.update({ state: 'lapsed', page: undefined })}>查看</Button>}
          data-testid="pairings-lapsed"
        />
      ) : null}
      <Segmented style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }} value={state} options={states} onChange={(v) => list.update({ state: v ? String(v) : undefined, page: undefined })} />
      <Table<Pairing>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 990 }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '暂无结对' }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 对`,
          onChange: (p, size) => list.update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
        }}
      />
      <PairingFormModal open={creating} onClose={() => setCreating(false)} onSaved={() => (setCreating(false), reload())} />
      <PairingDrawer id={openId} canWrite={can('ledger.write')} onClose={() => setOpenId(null)} onChanged={reload} />
    </>
  );
}

import { Alert, Button, Form, Input, InputNumber, Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { type WishStatus, wishStatuses, wishStatusLabels } from '../../../../../src/domain/wishes/flow';
import { useAuth } from '../../../app/auth';
import { showDate } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { useTopUnit } from '../../../ui/use-top-unit';
import { exportUrl } from '../../ledgers/api';
import { getWishSettings, listWishes, setWishSettings, type Wish, type WishDeliveryPoint } from '../api';
import { WishDrawer } from '../components/WishDrawer';
import { WishFormModal } from '../components/WishFormModal';

const columns: TableColumnsType<Wish> = [
  { title: '编号', dataIndex: 'code', width: 150, render: (v: string | null) => v ?? '—' },
  { title: '心愿', dataIndex: 'title', width: 160 },
  { title: '心愿人', dataIndex: 'personName', width: 90 },
  { title: '对象', dataIndex: 'beneficiaryKind', width: 70 },
  { title: '价值（元）', dataIndex: 'valueYuan', width: 100, align: 'right' },
  { title: '征集单位', dataIndex: 'orgName', width: 160 },
  { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string) => <Tag color="red">{v}</Tag> },
  { title: '发布日期', dataIndex: 'publishedOn', width: 120, render: showDate },
];

/** 微心愿: collect, review, publish, follow claims, record delivery with a photo, confirm. */
export function WishesPage() {
  const list = useListParams();
  const { can, user } = useAuth();
  const top = useTopUnit(user?.id);
  const status = (list.get('status') ?? '') as WishStatus | '';
  const query = { status: status || undefined, orgId: list.orgId, page: list.page, pageSize: list.pageSize };
  const { data, loading, reload } = useRequest(() => listWishes(query), [JSON.stringify(query)]);
  const [creating, setCreating] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // a 待办 link (…?open=<id>) opens that record's drawer
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('open'));
  // the settings of the filtered unit, else of the caller's top unit (a global administrator has no unit of their own)
  const settingsOrg = list.orgId ?? top?.id;
  const settings = useRequest(() => getWishSettings(settingsOrg), [settingsOrg, settingsOpen], Boolean(settingsOrg) || top === null);
  const count = (s: WishStatus) => data?.byStatus?.[s] ?? 0;
  return (
    <>
      <PageHeader
        title="微心愿"
        sub={
          settings.data
            ? `价值上限 ${settings.data.valueCapYuan} 元，认领后 ${settings.data.claimDays} 天内未送达自动释放；送达地点：${settings.data.deliveryAddress ?? '未填写'}；公示墙 /p/wishes`
            : undefined
        }
        extra={
          <>
            <Button href={exportUrl('/wishes', query)} data-testid="wishes-export">
              导出 Excel
            </Button>
            {can('ledger.write') ? (
              <>
                <Button onClick={() => setSettingsOpen(true)} data-testid="wish-settings">
                  上限、期限与送达地点
                </Button>
                <Button type="primary" onClick={() => setCreating(true)} data-testid="wish-new">
                  征集心愿
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={status}
        onChange={(v) => list.update({ status: v ? String(v) : undefined, page: undefined })}
        options={[{ value: '', label: '全部' }, ...wishStatuses.map((s) => ({ value: s, label: `${wishStatusLabels[s]} ${count(s)}` }))]}
      />
      <Table<Wish>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 940 }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '暂无心愿' }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 个`,
          onChange: (p, size) => list.update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
        }}
      />
      <WishFormModal open={creating} onClose={() => setCreating(false)} onSaved={() => (setCreating(false), reload())} />
      <WishDrawer id={openId} canWrite={can('ledger.write')} onClose={() => setOpenId(null)} onChanged={reload} />
      <FormModal<{ valueCapYuan: number; claimDays: number } & WishDeliveryPoint>
        open={settingsOpen}
        title="心愿价值上限、认领期限与送达地点（下级单位沿用）"
        onClose={() => setSettingsOpen(false)}
        fields={['valueCapYuan', 'claimDays', 'deliveryAddress', 'deliveryPhone', 'deliveryHours']}
        initialValues={{
          valueCapYuan: settings.data?.valueCapYuan,
          claimDays: settings.data?.claimDays,
          deliveryAddress: settings.data?.deliveryAddress,
          deliveryPhone: settings.data?.deliveryPhone,
          deliveryHours: settings.data?.deliveryHours,
        }}
        onSubmit={async (v) => {
          await setWishSettings({ orgId: settingsOrg, ...v });
          setSettingsOpen(false);
        }}
      >
        {settings.data?.inheritedFromName ? (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`当前沿用${settings.data.inheritedFromName}的设置；保存后本单位及下级改用这里的设置。`} />
        ) : null}
        <Form.Item name="valueCapYuan" label="价值上限（元）" rules={[{ required: true, message: '请填写价值上限' }]}>
          <InputNumber min={1} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="claimDays" label="认领后送达期限（天）" rules={[{ required: true, message: '请填写期限' }]}>
          <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="deliveryAddress" label="送达地点（完整地址）" extra="公示墙上认领心愿的爱心人士会看到送达地点、联系电话和接收时间。">
          <Input.TextArea maxLength={100} autoSize={{ minRows: 2, maxRows: 3 }} placeholder="如 某某县某某镇人民路 18 号 县妇联一楼服务大厅" data-testid="wish-delivery-address" />
        </Form.Item>
        <Form.Item name="deliveryPhone" label="联系电话">
          <Input maxLength={20} placeholder="手机号或座机号码，如 010-12345678" data-testid="wish-delivery-phone" />
        </Form.Item>
        <Form.Item name="deliveryHours" label="接收时间">
          <Input maxLength={60} placeholder="如 工作日 8:30–11:30、13:30–17:00" data-testid="wish-delivery-hours" />
        </Form.Item>
      </FormModal>
    </>
  );
}

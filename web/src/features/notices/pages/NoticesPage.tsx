import { Button, Flex, Input, List, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showDate, showInstant } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { listReceived, listSent, type ReceivedItem, type SentItem } from '../api';
import { ReceiptTag, RemindTag, StatusTag } from '../components/NoticeTags';

const receivedColumns: TableColumnsType<ReceivedItem> = [
  { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/notices/${r.id}`}>{t}</Link> },
  { title: '发文单位', dataIndex: 'orgName', width: 160 },
  { title: '接收单位', dataIndex: 'unitName', width: 150 },
  { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: showInstant },
  { title: '签收截止', dataIndex: 'deadline', width: 130, render: (d: string | null, r) => (r.needSign ? showDate(d) : '无需签收') },
  {
    title: '状态', key: 'state', width: 170,
    render: (_: unknown, r) => (
      <Space size={4} wrap>
        <ReceiptTag state={r.state} label={r.stateLabel} withdrawn={r.status === 'withdrawn'} />
        {r.status === 'published' && !r.signedAt ? <RemindTag count={r.remindCount} /> : null}
      </Space>
    ),
  },
];

const sentColumns: TableColumnsType<SentItem> = [
  { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/notices/${r.id}`}>{t}</Link> },
  { title: '发文单位', dataIndex: 'orgName', width: 160 },
  { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, r) => <StatusTag status={r.status} label={r.statusLabel} /> },
  { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: (v: string | null) => (v ? showInstant(v) : '未发布') },
  { title: '签收截止', dataIndex: 'deadline', width: 130, render: (d: string | null, r) => (r.needSign ? showDate(d) : '无需签收') },
  { title: '阅读 / 签收', key: 'progress', width: 170, render: (_: unknown, r) => (r.status === 'draft' ? '—' : progressText(r)) },
];

function progressText(r: SentItem): string {
  return r.needSign ? `已签收 ${r.signed}/${r.recipients}，已读 ${r.read}/${r.recipients}` : `已读 ${r.read}/${r.recipients}`;
}

/** 通知公告: 收到的 (to the units the user works at) and 发出的 (by units of the user's scope). */
export function NoticesPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const list = useListParams(['tab', 'pending']);
  const tab = list.get('tab') === 'sent' ? 'sent' : 'received';
  const query = { q: list.get('q'), page: list.page, pageSize: list.pageSize, pending: tab === 'received' ? list.get('pending') : undefined };
  const received = useRequest(() => listReceived(query), [tab, JSON.stringify(query)], tab === 'received');
  const sent = useRequest(() => listSent(query), [tab, JSON.stringify(query)], tab === 'sent');
  const pagination = (total: number | undefined) => ({
    current: list.page, pageSize: list.pageSize, total: total ?? 0, showSizeChanger: false, size: 'small' as const,
    onChange: (page: number) => list.update({ page: String(page) }),
  });

  const receivedList = mobile ? (
    <List
      loading={received.loading}
      dataSource={received.data?.items ?? []}
      pagination={received.data && received.data.total > list.pageSize ? pagination(received.data.total) : false}
      locale={{ emptyText: '暂无通知' }}
      renderItem={(r) => (
        <List.Item onClick={() => navigate(`/notices/${r.id}`)} style={{ cursor: 'pointer', display: 'block' }} data-testid="notice-item">
          <Flex justify="space-between" gap={8} align="start">
            <Typography.Text strong>{r.title}</Typography.Text>
            <Space size={2} wrap style={{ justifyContent: 'end' }}>
              <ReceiptTag state={r.state} label={r.stateLabel} withdrawn={r.status === 'withdrawn'} />
              {r.status === 'published' && !r.signedAt ? <RemindTag count={r.remindCount} /> : null}
            </Space>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.orgName} · {showInstant(r.publishedAt)}
            {r.needSign ? ` · 签收截止 ${showDate(r.deadline)}` : ''}
          </Typography.Text>
        </List.Item>
      )}
    />
  ) : (
    <Table
      rowKey={(r) => `${r.id}:${r.unitId}`}
      size="middle"
      loading={received.loading}
      columns={receivedColumns}
      dataSource={received.data?.items ?? []}
      pagination={pagination(received.data?.total)}
      locale={{ emptyText: '暂无通知' }}
      data-testid="notices-received"
    />
  );

  const sentList = mobile ? (
    <List
      loading={sent.loading}
      dataSource={sent.data?.items ?? []}
      pagination={sent.data && sent.data.total > list.pageSize ? pagination(sent.data.total) : false}
      locale={{ emptyText: '暂无发出的通知' }}
      renderItem={(r) => (
        <List.Item onClick={() => navigate(`/notices/${r.id}`)} style={{ cursor: 'pointer', display: 'block' }} data-testid="notice-item">
          <Flex justify="space-between" gap={8} align="start">
            <Typography.Text strong>{r.title}</Typography.Text>
            <StatusTag status={r.status} label={r.statusLabel} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.orgName} · {r.status === 'draft' ? '未发布' : `${showInstant(r.publishedAt)} · ${progressText(r)}`}
          </Typography.Text>
        </List.Item>
      )}
    />
  ) : (
    <Table rowKey="id" size="middle" loading={sent.loading} columns={sentColumns} dataSource={sent.data?.items ?? []} pagination={pagination(sent.data?.total)} locale={{ emptyText: '暂无发出的通知' }} data-testid="notices-sent" />
  );

  return (
    <>
      <PageHeader
        title="通知公告"
        sub="上级单位发来的通知（打开即记为已读，需签收的请签收）和本单位发出的通知"
        extra={can('ledger.write') ? <Button type="primary" onClick={() => navigate('/notices/new')} data-testid="notice-compose">起草通知</Button> : null}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => list.update({ tab: k === 'sent' ? 'sent' : undefined, q: list.get('q') })}
        tabBarExtraContent={
          mobile ? null : (
            <Input.Search allowClear placeholder="按标题搜索" defaultValue={list.get('q')} onSearch={(v) => list.update({ q: v || undefined, tab: tab === 'sent' ? 'sent' : undefined })} style={{ width: 220 }} />
          )
        }
        items={[
          {
            key: 'received',
            label: received.data?.waiting ? `收到的（待办 ${received.data.waiting}）` : '收到的',
            children: (
              <>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <Button size="small" type={list.get('pending') ? 'primary' : 'default'} onClick={() => list.update({ pending: list.get('pending') ? undefined : 'true' })}>
                    只看待签收、未读
                  </Button>
                </Flex>
                {receivedList}
              </>
            ),
          },
          { key: 'sent', label: '发出的', children: sentList },
        ]}
      />
    </>
  );
}

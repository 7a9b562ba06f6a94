import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, List, Modal, Popconfirm, Select, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { showDate, showInstant } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { PrintButton } from '../../../ui/print';
import { PageLoading } from '../../../ui/states';
import { useApiError } from '../../../ui/use-api-error';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useRequest } from '../../../ui/use-request';
import { listAttachments } from '../../ledgers/attachments-api';
import { AttachmentsPanel } from '../../ledgers/components/AttachmentsPanel';
import { deleteNotice, getNotice, publishNotice, remindNotice, signNotice, withdrawNotice, type Notice, type Receipt } from '../api';
import { ReceiptTag, RemindTag, StatusTag } from '../components/NoticeTags';
import { noticePrintDocument } from '../components/notice-print';
import '../notices.css';

const who = (at: string | null, name: string | null) => (at ? `${showInstant(at)}${name ? ` ${name}` : ''}` : '—');

const trackingColumns: TableColumnsType<Receipt> = [
  { title: '接收单位', dataIndex: 'orgName', width: 200 },
  { title: '状态', key: 'state', width: 150, render: (_: unknown, r) => <Space size={4} wrap><ReceiptTag state={r.state} label={r.stateLabel} />{r.state !== 'signed' ? <RemindTag count={r.remindCount} /> : null}</Space> },
  { title: '阅读时间', key: 'read', width: 220, render: (_: unknown, r) => who(r.readAt, r.readByName) },
  { title: '签收时间', key: 'signed', width: 220, render: (_: unknown, r) => who(r.signedAt, r.signedByName) },
  { title: '最近催办', dataIndex: 'remindedAt', width: 170, render: (v: string | null) => (v ? showInstant(v) : '—') },
];

function TrackingCard({ notice, onChanged }: { notice: Notice; onChanged: (n: Notice) => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const mobile = useIsMobile();
  const [busy, setBusy] = useState(false);
  if (!notice.tracking || !notice.counts) return null;
  const remind = async () => {
    setBusy(true);
    try {
      const r = await remindNotice(notice.id);
      void message.success(`已催办 ${r.reminded} 个单位${r.smsSent ? `，短信 ${r.smsSent} 条` : ''}${r.smsFailed ? `（${r.smsFailed} 条短信未发出）` : ''}`);
      onChanged(r.notice);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const c = notice.counts;
  const remindHint = notice.lastRemindedAt
    ? `上次催办 ${showInstant(notice.lastRemindedAt)}${!notice.canRemind && notice.waiting && notice.nextRemindAt ? `，${showInstant(notice.nextRemindAt)} 后可再次催办` : ''}（每小时可催办一次）`
    : '';
  return (
    <Card
      title="签收情况"
      style={{ marginTop: 16 }}
      data-testid="notice-tracking"
      extra={
        notice.canManage && notice.status === 'published' ? (
          <Button type="primary" danger disabled={!notice.canRemind} loading={busy} onClick={() => void remind()} data-testid="notice-remind">
            一键催办{notice.waiting ? `（${notice.waiting} 个单位）` : ''}
          </Button>
        ) : null
      }
    >
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        <Statistic title="接收单位" value={c.total} />
        <Statistic title="未读" value={c.unread} valueStyle={{ color: c.unread ? '#d46b08' : undefined }} />
        <Statistic title="已读未签收" value={c.read} />
        <Statistic title="已签收" value={c.signed} valueStyle={{ color: '#389e0d' }} />
      </Flex>
      {remindHint ? <Typography.Paragraph type="secondary" data-testid="notice-remind-hint">{remindHint}</Typography.Paragraph> : null}
      {mobile ? (
        <List
          className="qt-receipts-mobile"
          dataSource={notice.tracking}
          renderItem={(r) => (
            <List.Item data-testid="notice-tracking-row">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{r.orgName}</Typography.Text>
                <Space size={2}><ReceiptTag state={r.state} label={r.stateLabel} />{r.state !== 'signed' ? <RemindTag count={r.remindCount} /> : null}</Space>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>阅读：{who(r.readAt, r.readByName)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>签收：{who(r.signedAt, r.signedByName)}</Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Table rowKey="orgId" size="small" columns={trackingColumns} dataSource={notice.tracking} pagination={notice.tracking.length > 50 ? { pageSize: 50, size: 'small' } : false} data-testid="notice-tracking-table" onRow={() => ({ 'data-testid': 'notice-tracking-row' }) as object} />
      )}
    </Card>
  );
}

function MyReceipt({ notice, onChanged }: { notice: Notice; onChanged: (n: Notice) => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const signable = notice.mine.filter((m) => m.canSign);
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!notice.mine.length) return null;
  const sign = async () => {
    setBusy(true);
    try {
      const n = await signNotice(notice.id, signable.length > 1 ? unit : undefined);
      void message.success('已签收');
      onChanged(n);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="notice-mine">
      {notice.mine.map((m) => (
        <Flex key={m.orgId} justify="space-between" align="center" wrap gap={8} style={{ padding: '4px 0' }}>
          <Space wrap>
            <Typography.Text strong>{m.orgName}</Typography.Text>
            <ReceiptTag state={m.state} label={m.stateLabel} withdrawn={notice.status === 'withdrawn'} />
            {m.state !== 'signed' && notice.status === 'published' ? <RemindTag count={m.remindCount} /> : null}
            {m.signedAt ? <Typography.Text type="secondary">签收：{who(m.signedAt, m.signedByName)}</Typography.Text> : null}
          </Space>
        </Flex>
      ))}
      {signable.length ? (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {signable.length > 1 ? <Select placeholder="以哪个单位签收" value={unit} onChange={setUnit} options={signable.map((m) => ({ value: m.orgId, label: m.orgName }))} style={{ minWidth: 180 }} /> : null}
          <Button type="primary" size="large" loading={busy} disabled={signable.length > 1 && !unit} onClick={() => void sign()} data-testid="notice-sign">
            签收
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

/** One notice: its text and attachments, the reader's own 签收, and for the sending side the table with 催办. */
export function NoticeDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, reload } = useRequest(() => getNotice(id), [id]);
  const [shown, setShown] = useState<Notice | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const notice = shown && shown.id === id ? shown : data;
  // a published notice without attachments shows no empty 附件 box; a draft always offers the upload
  const filesVisible = !!notice && (notice.status !== 'withdrawn' || notice.canManage);
  const files = useRequest(() => listAttachments('notices', id), [id, notice?.status], filesVisible);
  if (loading && !notice) return <PageLoading />;
  if (!notice) return null;
  const changed = (n: Notice) => setShown(n);
  const act = async (fn: () => Promise<Notice | void>, done: string) => {
    try {
      const n = await fn();
      void message.success(done);
      if (n) changed(n);
      else void navigate('/notices?tab=sent');
    } catch (e) {
      showError(e);
    }
  };
  const withdrawn = notice.status === 'withdrawn';

  return (
    <>
      <PageHeader
        title={<span data-testid="notice-title">{notice.title}</span>}
        sub={<Space size={4} wrap><StatusTag status={notice.status} label={notice.statusLabel} /><span>{notice.orgName}</span>{notice.publishedAt ? <span>· {showInstant(notice.publishedAt)} 发布</span> : null}</Space>}
        extra={
          <>
            {notice.status !== 'draft' && !withdrawn ? <PrintButton document={() => noticePrintDocument(notice)} testId="notice-print" /> : null}
            {notice.canEdit ? (
              <>
                <Button onClick={() => navigate(`/notices/${notice.id}/edit`)}>修改</Button>
                <Popconfirm title="删除这份草稿（连同附件）？" okText="删除" cancelText="取消" onConfirm={() => void act(() => deleteNotice(notice.id), '草稿已删除')}>
                  <Button danger>删除</Button>
                </Popconfirm>
                <Popconfirm title="发布后接收单位即可看到，内容不能再修改。确定发布？" okText="发布" cancelText="取消" onConfirm={() => void act(() => publishNotice(notice.id), '已发布')}>
                  <Button type="primary">发布</Button>
                </Popconfirm>
              </>
            ) : null}
            {notice.canWithdraw ? <Button danger onClick={() => setWithdrawing(true)} data-testid="notice-withdraw">撤回</Button> : null}
            <Button onClick={() => navigate(-1)}>返回</Button>
          </>
        }
      />
      {withdrawn ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`此通知已于 ${showInstant(notice.withdrawnAt)} 撤回，无需签收`}
          description={notice.withdrawReason ? `撤回原因：${notice.withdrawReason}` : undefined}
          data-testid="notice-withdrawn"
        />
      ) : null}
      <MyReceipt notice={notice} onChanged={changed} />
      <Card>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="发文单位">{notice.orgName}</Descriptions.Item>
          <Descriptions.Item label="接收范围">{notice.recipientModeLabel}{notice.counts ? `（${notice.counts.total} 个单位）` : ''}</Descriptions.Item>
          <Descriptions.Item label="签收">{notice.needSign ? (notice.deadline ? `需签收，截止 ${showDate(notice.deadline)}` : '需签收') : '无需签收'}</Descriptions.Item>
        </Descriptions>
        {notice.bodyHtml ? (
          // the server keeps only paragraphs, bold, lists and http(s) links, all attributes rebuilt (domain/notices/rich-text.ts)
          <div className="qt-notice-body" data-testid="notice-body" dangerouslySetInnerHTML={{ __html: notice.bodyHtml }} />
        ) : withdrawn ? (
          <Typography.Paragraph type="secondary">通知已撤回，正文不再显示。</Typography.Paragraph>
        ) : null}
        {(!withdrawn || notice.canManage) && (notice.canEdit || (files.data?.total ?? 0) > 0) ? (
          <div style={{ marginTop: 16 }}>
            <AttachmentsPanel key={`${notice.id}:${notice.status}`} entity="notices" recordId={notice.id} writable={notice.canEdit} testId="notice-attachment" compact />
          </div>
        ) : null}
      </Card>
      <TrackingCard notice={notice} onChanged={changed} />
      <Modal
        open={withdrawing}
        title="撤回通知"
        okText="撤回"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText="取消"
        onCancel={() => setWithdrawing(false)}
        onOk={async () => {
          await act(() => withdrawNotice(notice.id, reason.trim()), '已撤回');
          setWithdrawing(false);
          reload();
        }}
      >
        <Typography.Paragraph>撤回后接收单位看到“已撤回”，不能再签收。</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="撤回原因" required>
            <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：活动时间调整，另行通知" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

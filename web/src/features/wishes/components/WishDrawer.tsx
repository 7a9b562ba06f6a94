import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Table, Tag, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import type { WishAction } from '../../../../../src/domain/wishes/flow';
import { publicWishStatuses, wishActionLabels } from '../../../../../src/domain/wishes/flow';
import { dateFieldProps, datePickerFormats, showDate } from '../../../ui/dates';
import { uploadFile } from '../../../ui/upload';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { getWish, transitionWish } from '../api';
import { PublicPreview } from './PublicPreview';

const needsReason: WishAction[] = ['reject', 'release', 'withdraw'];
/** Steps that put the text before the public: refused while the preview finds personal data. */
const publishing: WishAction[] = ['approve', 'publish'];
const outcomeLabels: Record<string, string> = { holding: '认领中', lapsed: '逾期释放', released: '已解除', fulfilled: '已圆梦' };

/** One wish: its text, the claim (masked phone only), the delivery photo and the next steps. */
export function WishDrawer({ id, canWrite, onClose, onChanged }: { id: string | null; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const { data: w, reload } = useRequest(() => getWish(id as string), [id], Boolean(id));
  const [asking, setAsking] = useState<WishAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason?: string; note?: string; deliveredOn?: string }>();
  const showError = useApiError();
  const { message } = App.useApp();

  const run = async (action: WishAction, extra: { reason?: string; note?: string; deliveredOn?: string } = {}) => {
    setBusy(true);
    try {
      await transitionWish(id as string, { action, ...extra });
      message.success(`已${wishActionLabels[action]}`);
      setAsking(null);
      reload();
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const start = (action: WishAction) => {
    if (needsReason.includes(action) || action === 'deliver') {
      form.resetFields();
      setAsking(action);
    } else void run(action);
  };
  const upload = async (file: File) => {
    try {
      await uploadFile(`/api/v1/attachments?entity=wishes&entityId=${id as string}`, file, { tooLargeMessage: '照片不能超过 10 MB' });
      message.success('照片已上传');
      reload();
    } catch (e) {
      showError(e);
    }
    return false;
  };

  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={w ? `${w.code ?? '待发布'} · ${w.title}` : '心愿'} size="large" destroyOnHidden>
      {w ? (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="状态"><Tag color="red" data-testid="wish-status">{w.statusLabel}</Tag></Descriptions.Item>
            <Descriptions.Item label="心愿人">{w.personName}（公开显示 {w.maskedName}，{w.beneficiaryKind}）</Descriptions.Item>
            <Descriptions.Item label="征集单位">{w.orgName}</Descriptions.Item>
            <Descriptions.Item label="价值">{w.valueYuan} 元</Descriptions.Item>
            {w.rejectReason ? <Descriptions.Item label="退回理由">{w.rejectReason}</Descriptions.Item> : null}
            {w.claim ? <Descriptions.Item label="认领">{`${w.claim.donorName}（${w.claim.phoneMasked}），${showDate(w.claim.claimedOn)} 认领，${showDate(w.claim.dueOn)} 前送达`}</Descriptions.Item> : null}
            {w.deliveredOn ? <Descriptions.Item label="送达">{`${showDate(w.deliveredOn)}：${w.deliveryNote ?? ''}`}</Descriptions.Item> : null}
            {w.fulfilledOn ? <Descriptions.Item label="圆梦确认">{showDate(w.fulfilledOn)}</Descriptions.Item> : null}
            <Descriptions.Item label="送达照片">{w.photos} 张</Descriptions.Item>
          </Descriptions>
          <PublicPreview preview={w.publicPreview} isPublic={(publicWishStatuses as readonly string[]).includes(w.status)} />
          {canWrite ? (
            <Flex wrap gap={8}>
              {w.status === 'claimed' ? (
                <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(f) => upload(f)}>
                  <Button data-testid="wish-upload">上传送达照片</Button>
                </Upload>
              ) : null}
              {w.allowedActions.map((a) => {
                const blocked = publishing.includes(a) && w.publicPreview.findings.length > 0;
                const button = (
                  <Button key={a} type={a === 'withdraw' || a === 'reject' || a === 'release' ? 'default' : 'primary'} danger={a === 'withdraw'} loading={busy} disabled={blocked} onClick={() => start(a)} data-testid={`wish-action-${a}`}>
                    {wishActionLabels[a]}
                  </Button>
                );
                return blocked ? <Tooltip key={a} title="心愿文字含受助人的个人信息，请先修改">{button}</Tooltip> : button;
              })}
            </Flex>
          ) : null}
          {w.claims.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={w.claims}
              columns={[
                { title: '认领人', dataIndex: 'donorName' },
                { title: '验证手机', dataIndex: 'phoneMasked' },
                { title: '认领日期', dataIndex: 'claimedOn', render: showDate },
                { title: '送达期限', dataIndex: 'dueOn', render: showDate },
                { title: '结果', dataIndex: 'outcome', render: (v: string) => outcomeLabels[v] ?? v },
              ]}
            />
          ) : null}
        </Flex>
      ) : null}
      <Modal open={asking !== null} title={asking ? wishActionLabels[asking] : ''} onCancel={() => setAsking(null)} onOk={() => form.submit()} okText="提交" okButtonProps={{ loading: busy }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => asking && void run(asking, v)}>
          {asking === 'deliver' ? (
            <>
              <Form.Item name="deliveredOn" label="送达日期" {...dateFieldProps} extra="不填为今天">
                <DatePicker format={datePickerFormats} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="note" label="送达情况" rules={[{ required: true, message: '请填写送达情况' }]}>
                <Input.TextArea rows={3} maxLength={500} data-testid="wish-deliver-note" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
              <Input.TextArea rows={3} maxLength={200} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../ui/ExportButton';
import { useApiError } from '../../ui/use-api-error';
import { OrgPicker } from '../orgs/components/OrgPicker';
import { exportUrl, listLedger, type LedgerName, type ListQuery } from '../ledgers/api';
import { batchDelete, batchMove, undoBatchAction, type BatchAction } from './api';

/** How a number of records of each ledger reads: 20 条帮扶记录. */
const nouns: Record<LedgerName, string> = { activities: '项活动', assistance: '条帮扶记录', loans: '笔贷款', contracts: '份集体合同' };

/** The most records one batch may hold (the server's limit). */
const maxBatch = 5000;

interface Props {
  ledger: LedgerName;
  /** the list's filters as the URL has them (paging included; left out when all are selected) */
  query: ListQuery;
  /** how many records the current filters give */
  total: number;
  selected: string[];
  onSelect: (ids: string[]) => void;
  /** after a batch action or its undo: reload the list */
  onChanged: () => void;
}

/** Every id under the list's filters, page by page (200 a page, the list's own scope and filters). */
async function allIds(ledger: LedgerName, query: ListQuery, total: number): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ids.length < total; page++) {
    const res = await listLedger(ledger, { ...query, page, pageSize: 200 });
    ids.push(...res.items.map((r) => r.id));
    if (res.items.length < 200) break;
  }
  return ids;
}

/**
 * 批量操作 over a ledger list: 已选 N 条, 选择全部 M 条（当前筛选）, then 删除 (with a reason), 转移单位
 * or 导出; each batch is one action the server audits and can undo whole (撤销 in the message and
 * in the bar while it is the last one).
 */
export function BatchBar({ ledger, query, total, selected, onSelect, onChanged }: Props) {
  const { message, notification } = App.useApp();
  const noun = nouns[ledger];
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const [allSelected, setAllSelected] = useState(false);
  const [dialog, setDialog] = useState<'delete' | 'move' | null>(null);
  const [last, setLast] = useState<BatchAction | null>(null);
  const [form] = Form.useForm<{ reason?: string; toOrgId?: string }>();
  const { page: _page, pageSize: _size, ...filters } = query;
  const everything = allSelected && selected.length === total;

  const selectAll = async () => {
    if (total > maxBatch) {
      void message.warning(`一次最多处理 ${maxBatch} 条，请先用筛选条件缩小范围`);
      return;
    }
    setBusy(true);
    try {
      onSelect(await allIds(ledger, filters, total));
      setAllSelected(true);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const undo = async (action: BatchAction) => {
    try {
      const done = await undoBatchAction(action.id);
      notification.destroy(action.id);
      setLast(null);
      void message.success(`已撤销：${done.count} ${noun}已${action.action === 'delete' ? '恢复' : '转回原单位'}`);
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  const finished = (action: BatchAction) => {
    setDialog(null);
    form.resetFields();
    onSelect([]);
    setAllSelected(false);
    setLast(action);
    notification.success({
      key: action.id,
      title: action.action === 'delete' ? `已删除 ${action.count} ${noun}` : `已将 ${action.count} ${noun}转移到“${action.toOrgName ?? ''}”`,
      description: '这是一次批量操作，可以整批撤销。',
      actions: (
        <Button size="small" data-testid="batch-undo-notice" onClick={() => void undo(action)}>
          撤销
        </Button>
      ),
      duration: 10,
    });
    onChanged();
  };

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      finished(dialog === 'delete' ? await batchDelete(ledger, selected, v.reason ?? '') : await batchMove(ledger, selected, v.toOrgId ?? ''));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (selected.length === 0) {
    return last ? (
      <Alert
        style={{ marginBottom: 12 }}
        type="info"
        data-testid="batch-last"
        title={last.action === 'delete' ? `刚才批量删除了 ${last.count} ${noun}` : `刚才将 ${last.count} ${noun}转移到“${last.toOrgName ?? ''}”`}
        action={
          <Button size="small" data-testid="batch-undo" onClick={() => void undo(last)}>
            撤销
          </Button>
        }
        closable={{ onClose: () => setLast(null) }}
      />
    ) : null;
  }
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12, padding: '8px 12px', background: '#e6f4ff', borderRadius: 6 }} data-testid="batch-bar">
        <Typography.Text strong data-testid="batch-count">
          已选 {selected.length} 条
        </Typography.Text>
        {everything ? (
          <Typography.Text type="secondary">（当前筛选下的全部记录）</Typography.Text>
        ) : total > selected.length ? (
          <Button type="link" size="small" loading={busy} data-testid="batch-select-all" onClick={() => void selectAll()}>
            选择全部 {total} 条（当前筛选）
          </Button>
        ) : null}
        <Button size="small" onClick={() => (onSelect([]), setAllSelected(false))} data-testid="batch-clear">
          取消选择
        </Button>
        <span style={{ flex: 1 }} />
        {everything ? <ExportButton href={exportUrl(`/${ledger}`, filters)} testId="batch-export" label={`导出这 ${total} 条`} /> : null}
        <Button onClick={() => setDialog('move')} data-testid="batch-move">
          转移单位
        </Button>
        <Button danger onClick={() => setDialog('delete')} data-testid="batch-delete">
          删除
        </Button>
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog === 'delete' ? `删除所选 ${selected.length} ${noun}` : `将所选 ${selected.length} ${noun}转移到另一单位`}
        okText={dialog === 'delete' ? '删除' : '转移'}
        okButtonProps={{ danger: dialog === 'delete', loading: busy, ...({ 'data-testid': 'batch-ok' } as object) }}
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {dialog === 'delete' ? '记录将标记为已删除并保留备查，这一批可以整批撤销。' : '记录将归入所选单位，这一批可以整批撤销。'}任一条记录不在您的管理范围内时，整批不执行。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'delete' ? (
            <Form.Item name="reason" label="删除原因" rules={[{ required: true, whitespace: true, message: '请填写删除原因' }, { max: 500, message: '删除原因不能超过 500 个字' }]}>
              <Input.TextArea rows={3} maxLength={500} data-testid="batch-reason" placeholder="如：重复录入、导入错了单位" />
            </Form.Item>
          ) : (
            <Form.Item name="toOrgId" label="转入单位" rules={[{ required: true, message: '请选择转入单位' }]}>
              <OrgPicker placeholder="请选择转入单位" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

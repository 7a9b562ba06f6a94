import { App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { actionLabels, type CaseAction } from '../../../../../src/domain/cases/flow';
import { caseOutcomes, followupMethods } from '../../../../../src/domain/cases/kinds';
import { dateFieldProps, datePickerFormats } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { useApiQuery } from '../../../../shared/api/query';
import { addFollowup, handlerOptions, transferOptions, transitionCase, type CaseItem, type FollowupInput, type TransitionInput } from '../api';

interface ActionValues {
  reason?: string;
  note?: string;
  handlerId?: string;
  toOrgId?: string;
  outcome?: TransitionInput['outcome'];
  outcomeText?: string;
  on?: string;
  method?: FollowupInput['method'];
}

const fields = ['reason', 'note', 'handlerId', 'toOrgId', 'outcome', 'outcomeText', 'on', 'method'] as const;
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const reasonLabels: Partial<Record<CaseAction, string>> = { reject: '不予受理的理由', refuse_transfer: '拒绝接收的理由', reopen: '重新办理的理由' };
const buttonLabels: Partial<Record<CaseAction, string>> = { assign: '指派承办人', followup: '登记回访' };

function HandlerSelect({ caseId }: { caseId: string }) {
  const { data, loading } = useApiQuery(['cases', 'handler-options', caseId], () => handlerOptions(caseId));
  return (
    <Form.Item name="handlerId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        placeholder="受理单位及其上级单位的工作人员"
        options={(data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.orgName}）` }))}
        data-testid="action-handler"
      />
    </Form.Item>
  );
}

function TransferSelect({ caseId }: { caseId: string }) {
  const { data, loading } = useApiQuery(['cases', 'transfer-options', caseId], () => transferOptions(caseId));
  return (
    <Form.Item name="toOrgId" label="接收单位" rules={[{ required: true, message: '请选择接收单位' }]} extra="接收单位须确认接收；拒绝时个案退回本单位">
      <Select showSearch={{ optionFilterProp: 'label' }} loading={loading} placeholder="设有个案工作者的单位" options={(data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} data-testid="action-to-org" />
    </Form.Item>
  );
}

/** The form of one step: only what the step needs (理由, 承办人, 接收单位, 办结结果, 回访). */
function ActionFields({ action, caseId }: { action: CaseAction; caseId: string }) {
  const reason = reasonLabels[action];
  if (reason)
    return (
      <Form.Item name="reason" label={reason} rules={[{ required: true, whitespace: true, message: `请填写${reason}` }]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="action-reason" />
      </Form.Item>
    );
  if (action === 'close')
    return (
      <>
        <Form.Item name="outcome" label="办结结果" rules={[{ required: true, message: '请选择办结结果' }]}>
          <Select options={options(caseOutcomes)} data-testid="action-outcome" />
        </Form.Item>
        <Form.Item name="outcomeText" label="办理情况" rules={[{ required: true, whitespace: true, message: '请填写办理情况' }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="action-outcome-text" />
        </Form.Item>
      </>
    );
  if (action === 'followup')
    return (
      <>
        <Form.Item name="on" label="回访日期" {...dateFieldProps}>
          <DatePicker format={datePickerFormats} style={{ width: '100%' }} inputReadOnly placeholder="不填为今天" />
        </Form.Item>
        <Form.Item name="method" label="回访方式" rules={[{ required: true, message: '请选择回访方式' }]}>
          <Select options={options(followupMethods)} data-testid="action-method" />
        </Form.Item>
        <Form.Item name="note" label="回访情况">
          <Input.TextArea rows={3} maxLength={1000} data-testid="action-note" />
        </Form.Item>
      </>
    );
  if (action === 'accept_transfer') return <p>确认由本单位接收该个案？接收后个案归本单位办理，请再指派承办人。</p>;
  return (
    <>
      {action === 'assign' ? <HandlerSelect caseId={caseId} /> : null}
      {action === 'transfer' ? <TransferSelect caseId={caseId} /> : null}
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={500} data-testid="action-note" />
      </Form.Item>
    </>
  );
}

async function perform(c: CaseItem, action: CaseAction, v: ActionValues): Promise<void> {
  if (action === 'followup') {
    await addFollowup(c.id, { on: v.on || undefined, method: v.method as FollowupInput['method'], note: v.note || undefined });
    return;
  }
  const body: TransitionInput = { action, reason: v.reason, handlerId: v.handlerId, toOrgId: v.toOrgId, outcome: v.outcome, outcomeText: v.outcomeText, note: v.note || undefined };
  await transitionCase(c.id, body);
}

/** The step buttons: only the actions the flow allows from the case's status; the server has the last word. */
export function CaseActions({ item, onDone }: { item: CaseItem; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const label = (a: CaseAction) => buttonLabels[a] ?? actionLabels[a];
  const danger = (a: CaseAction) => a === 'reject' || a === 'refuse_transfer';
  return (
    <>
      <Flex wrap gap={8} data-testid="case-actions">
        {item.allowedActions.map((a, i) => (
          <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={danger(a)} data-testid={`action-${a}`} onClick={() => setOpen(a)}>
            {label(a)}
          </Button>
        ))}
      </Flex>
      <FormModal<ActionValues>
        open={open !== null}
        title={open ? label(open) : ''}
        okText="确定"
        fields={fields}
        onClose={() => setOpen(null)}
        onSubmit={async (v) => {
          if (!open) return;
          await perform(item, open, v);
          void message.success(`已${label(open)}`);
          setOpen(null);
          onDone();
        }}
      >
        {open ? <ActionFields action={open} caseId={item.id} /> : null}
      </FormModal>
    </>
  );
}

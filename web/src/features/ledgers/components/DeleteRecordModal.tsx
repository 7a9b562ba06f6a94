import { Form, Input } from 'antd';
import { deleteInput } from '../../../../../src/domain/ledgers/inputs';
import { FormModal } from '../../../ui/FormModal';
import { zodFieldRule } from '../../../ui/zod-rule';
import { deleteRecord, type LedgerName } from '../api';

interface Props {
  ledger: LedgerName;
  id: string;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Ledger records are never erased: a delete needs a reason and stays on record (审计). */
export function DeleteRecordModal({ ledger, id, open, onClose, onDeleted }: Props) {
  return (
    <FormModal<{ reason: string }>
      open={open}
      title="删除记录"
      okText="确认删除"
      fields={['reason']}
      onClose={onClose}
      onSubmit={async (v) => {
        await deleteRecord(ledger, id, v.reason.trim());
        onDeleted();
      }}
    >
      <Form.Item label="删除原因" name="reason" required rules={[zodFieldRule(deleteInput, 'reason')]} extra="删除后记录不再计入台账和指标，原因会记入审计日志">
        <Input.TextArea data-testid="delete-reason" rows={3} maxLength={500} showCount placeholder="如：重复录入、录入错误" />
      </Form.Item>
    </FormModal>
  );
}

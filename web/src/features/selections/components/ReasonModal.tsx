import { Form, Input } from 'antd';
import { FormModal } from '../../../ui/FormModal';

/** A dialog asking for one required reason (不通过理由, 撤回理由, 作废理由, 异议答复). */
export function ReasonModal({ open, title, label, okText, onClose, onSubmit }: { open: boolean; title: string; label: string; okText: string; onClose: () => void; onSubmit: (text: string) => Promise<void> }) {
  return (
    <FormModal<{ text: string }> open={open} title={title} okText={okText} onClose={onClose} onSubmit={async (v) => onSubmit(v.text)}>
      <Form.Item name="text" label={label} rules={[{ required: true, message: `请填写${label}` }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

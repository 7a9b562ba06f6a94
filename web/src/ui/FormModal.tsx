import { Button, Flex, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiError } from './use-api-error';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  width?: number;
  initialValues?: Partial<V>;
  /** Field names that server `details` may point at. */
  fields?: readonly string[];
  onClose: () => void;
  /** Throw (an ApiError) to keep the dialog open; its message and details are shown. */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  children: ReactNode;
}

/**
 * A dialog holding one form. The form is created afresh each time the dialog opens, so an edit
 * never shows values left over from the previous record.
 */
export function FormModal<V extends object>({ open, title, width = 560, onClose, ...rest }: Props<V>) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={width} mask={{ closable: false }}>
      {open ? <FormBody<V> onClose={onClose} {...rest} /> : null}
    </Modal>
  );
}

function FormBody<V extends object>({ okText = '保存', initialValues, fields = [], onClose, onSubmit, children }: Omit<Props<V>, 'open' | 'title' | 'width'>) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const finish = async (values: V) => {
    setSaving(true);
    try {
      await onSubmit(values, form);
    } catch (e) {
      showError(e, form, fields);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)} disabled={saving} scrollToFirstError>
      {children}
      <Flex justify="end" gap={8}>
        <Button onClick={onClose} disabled={false}>
          取消
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="modal-submit">
          {okText}
        </Button>
      </Flex>
    </Form>
  );
}

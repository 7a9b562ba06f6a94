import { App, Form, Input } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import { changePassword } from '../api';
import { passwordHint, passwordRule } from '../password-rule';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const fields = ['currentPassword', 'newPassword'] as const;

/** Changes the signed-in user's own password (e.g. after an administrator reset it). */
export function ChangePasswordModal({ open, onClose, closable = true }: { open: boolean; onClose: () => void; closable?: boolean }) {
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open={open}
      title="修改密码"
      width={440}
      fields={fields}
      onClose={closable ? onClose : () => undefined}
      onSubmit={async (v) => {
        await changePassword(v.currentPassword, v.newPassword);
        void message.success('密码已修改');
        onClose();
      }}
    >
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" extra={passwordHint} rules={[passwordRule]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_r, v?: string) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

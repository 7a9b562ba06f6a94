import { App, Form, Input } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import { changePassword } from '../api';
import { passwordHint, passwordRule } from '../password-rule';

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const passwordFields = ['currentPassword', 'newPassword'] as const;

/** The three fields of a password change (current, new, confirmation), for the dialog and the first-login page. */
export function PasswordFields() {
  return (
    <>
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" required extra={passwordHint} rules={[passwordRule]}>
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
    </>
  );
}

/** Changes the signed-in user's own password from the user menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <FormModal<PasswordValues>
      open={open}
      title="修改密码"
      width={440}
      fields={passwordFields}
      onClose={onClose}
      onSubmit={async (v) => {
        await changePassword(v.currentPassword, v.newPassword);
        void message.success('密码已修改');
        onClose();
      }}
    >
      <PasswordFields />
    </FormModal>
  );
}

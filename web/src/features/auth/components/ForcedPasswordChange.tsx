import { Alert, App, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../ui/use-api-error';
import { changePassword } from '../api';
import { PasswordFields, passwordFields, type PasswordValues } from './ChangePasswordModal';

/**
 * A password the person did not choose (the first admin's, a demo account's, one set by an administrator
 * or an import, or a reset) must be replaced by their own before anything else: the form stands on its
 * own page, with no way around it but 退出登录.
 */
export function ForcedPasswordChange() {
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const submit = async (v: PasswordValues) => {
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      void message.success('密码已修改，欢迎使用');
      await refresh();
    } catch (e) {
      showError(e, form, passwordFields);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card style={{ maxWidth: 480, margin: '48px auto' }} title="请先修改密码" data-testid="forced-password-change">
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="您正在使用初始密码或管理员设置的密码。为了账号安全，请先设置您自己的新密码，然后才能继续使用。" />
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={saving}>
        <PasswordFields />
        <Flex justify="space-between" gap={8}>
          <Button onClick={() => void logout()} disabled={false}>
            退出登录
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
            保存新密码
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

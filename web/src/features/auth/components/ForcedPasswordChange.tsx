import { Alert, Button, Card } from 'antd';
import { useAuth } from '../../../app/auth';
import { ChangePasswordModal } from './ChangePasswordModal';

/** After an administrator reset the password, the user must choose their own before anything else. */
export function ForcedPasswordChange() {
  const { refresh, logout } = useAuth();
  return (
    <Card style={{ maxWidth: 480, margin: '48px auto' }} title="请先修改密码">
      <Alert type="warning" showIcon message="管理员已重置您的密码。为了账号安全，请先设置您自己的新密码，然后才能继续使用。" />
      <ChangePasswordModal open closable={false} onClose={() => void refresh()} />
      <Button style={{ marginTop: 16 }} onClick={() => void logout()}>
        退出登录
      </Button>
    </Card>
  );
}

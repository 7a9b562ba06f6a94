import { App, Form, Input } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import { rememberOrgName } from '../../orgs/api';
import { passwordHint, passwordRule } from '../../auth/password-rule';
import { createUser, updateUser, type User } from '../api';
import { GrantsEditor, toGrantInputs, type GrantRow } from './GrantsEditor';

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  grants: GrantRow[];
}

// the server's rule (users.schemas.ts), repeated to warn before submitting
const usernamePattern = /^[A-Za-z0-9_.-]{3,32}$/;
const usernameMessage = '用户名应为 3 至 32 位字母、数字、下划线、点或连字符';
const createFields = ['username', 'displayName', 'password', 'grants'] as const;

export function UserCreateModal({ open, allowSysadmin, onClose, onSaved }: { open: boolean; allowSysadmin: boolean; onClose: () => void; onSaved: (u: User) => void }) {
  const { message } = App.useApp();
  return (
    <FormModal<CreateValues>
      open={open}
      title="新建用户"
      width={640}
      fields={createFields}
      initialValues={{ grants: [{}] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const user = await createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          grants: toGrantInputs(v.grants),
        });
        void message.success(`已创建用户 ${user.username}`);
        onSaved(user);
      }}
    >
      <Form.Item label="用户名" name="username" extra="用于登录，3 至 32 位字母、数字、_ . -，创建后不能修改" rules={[{ required: true, whitespace: true, message: '请填写用户名' }, { pattern: usernamePattern, message: usernameMessage }]}>
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 个字符' }]}>
        <Input autoComplete="off" data-testid="user-display-name" />
      </Form.Item>
      <Form.Item label="初始密码" name="password" extra={passwordHint} rules={[passwordRule]}>
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item label="角色与单位" required style={{ marginBottom: 0 }}>
        <GrantsEditor allowSysadmin={allowSysadmin} />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  grants: GrantRow[];
}

const editFields = ['displayName', 'grants'] as const;

/** Edits a user's name and grants (角色与单位). */
export function UserEditModal({ user, allowSysadmin, onClose, onSaved }: { user: User | null; allowSysadmin: boolean; onClose: () => void; onSaved: (u: User) => void }) {
  const { message } = App.useApp();
  for (const g of user?.grants ?? []) rememberOrgName(g.orgId, g.orgName);
  return (
    <FormModal<EditValues>
      open={Boolean(user)}
      title={user ? `编辑用户：${user.displayName}（${user.username}）` : ''}
      width={640}
      fields={editFields}
      initialValues={user ? { displayName: user.displayName, grants: user.grants.map((g) => ({ role: g.role, orgId: g.orgId })) } : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!user) return;
        const saved = await updateUser(user.id, { displayName: v.displayName.trim(), grants: toGrantInputs(v.grants) });
        void message.success('已保存');
        onSaved(saved);
      }}
    >
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 个字符' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色与单位" required style={{ marginBottom: 0 }}>
        <GrantsEditor allowSysadmin={allowSysadmin} />
      </Form.Item>
    </FormModal>
  );
}

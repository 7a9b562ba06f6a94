import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchBox } from '../../../ui/SearchBox';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { listUsers, resetPassword, updateUser, type User } from '../api';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserCreateModal, UserEditModal } from '../components/UserFormModals';
import { UsersTable } from '../components/UsersTable';

/** User administration within the caller's units: create with grants, disable/enable, reset password. */
export function UsersPage() {
  const navigate = useNavigate();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [revealed, setRevealed] = useState<{ name: string; password: string } | null>(null);
  const isSysadmin = me.grants.some((g) => g.role === 'sysadmin');
  const { data, loading, reload } = useRequest(() => listUsers({ q: q || undefined, orgId, ...page }), [q, orgId, page]);

  const toggle = async (u: User) => {
    try {
      await updateUser(u.id, { disabled: !u.disabled });
      void message.success(u.disabled ? '已启用' : '已停用');
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const reset = async (u: User) => {
    try {
      const { password } = await resetPassword(u.id);
      setRevealed({ name: `${u.displayName}（${u.username}）`, password });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <PageHeader title="用户管理" extra={
          <>
            <Button data-testid="users-import" onClick={() => navigate('/setup/import/users')}>从 Excel 导入</Button>
            <Button type="primary" data-testid="user-create" onClick={() => setCreating(true)}>新建用户</Button>
          </>
        } />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <SearchBox
          testId="users-search"
          placeholder="用户名或姓名"
          width={260}
          onSearch={(v) => {
            setQ(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        <div style={{ width: 260, maxWidth: '100%' }}>
          <OrgPicker
            value={orgId}
            placeholder="按单位筛选"
            onChange={(id) => {
              setOrgId(id);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
        </div>
      </Flex>
      <UsersTable
        rows={data?.items ?? []}
        total={data?.total ?? 0}
        {...page}
        loading={loading}
        selfId={me.id}
        onPage={(p, size) => setPage({ page: p, pageSize: size })}
        onEdit={setEditing}
        onToggle={toggle}
        onReset={reset}
      />
      <UserCreateModal
        open={creating}
        allowSysadmin={isSysadmin}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
      <UserEditModal
        user={editing}
        allowSysadmin={isSysadmin}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
      <ResetPasswordModal result={revealed} onClose={() => setRevealed(null)} />
    </>
  );
}

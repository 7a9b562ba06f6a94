import { Button, Flex, Form, Select } from 'antd';
import { roleLabels, roles, type Role } from '../../../../../src/domain/roles';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import type { GrantInput } from '../api';

export interface GrantRow {
  role?: Role;
  orgId?: string | null;
}

/** Turns the editor's rows into the API's grants; sysadmin is global (no unit). */
export function toGrantInputs(rows: GrantRow[] | undefined): GrantInput[] {
  return (rows ?? [])
    .filter((g): g is GrantRow & { role: Role } => Boolean(g.role))
    .map((g) => ({ role: g.role, orgId: g.role === 'sysadmin' ? null : (g.orgId ?? null) }));
}

const atLeastOne = {
  validator: async (_r: unknown, rows?: GrantRow[]) => {
    if (!rows || rows.length === 0) throw new Error('请至少授予一个角色');
  },
};

/** Grants as rows of (角色, 单位): the user acts with that role in the unit's subtree. */
export function GrantsEditor({ allowSysadmin }: { allowSysadmin: boolean }) {
  const roleOptions = roles.filter((r) => allowSysadmin || r !== 'sysadmin').map((r) => ({ value: r, label: roleLabels[r] }));
  return (
    <Form.List name="grants" rules={[atLeastOne]}>
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} wrap align="start">
              <Form.Item name={[row.name, 'role']} rules={[{ required: true, message: '请选择角色' }]} style={{ width: 150, marginBottom: 12 }}>
                <Select options={roleOptions} placeholder="角色" />
              </Form.Item>
              <Form.Item noStyle dependencies={[['grants', row.name, 'role']]}>
                {({ getFieldValue }) => {
                  const global = getFieldValue(['grants', row.name, 'role']) === 'sysadmin';
                  return (
                    <Form.Item
                      name={[row.name, 'orgId']}
                      rules={global ? [] : [{ required: true, message: '请选择单位' }]}
                      style={{ flex: '1 1 220px', minWidth: 200, marginBottom: 12 }}
                    >
                      <OrgPicker disabled={global} placeholder={global ? '全局（不限单位）' : '所在单位（含下级）'} />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button onClick={() => remove(row.name)} aria-label="删除此授权">
                删除
              </Button>
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block onClick={() => add({})} style={{ marginBottom: 16 }}>
            添加授权
          </Button>
        </>
      )}
    </Form.List>
  );
}

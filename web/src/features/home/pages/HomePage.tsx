import { Button, Card, Col, Descriptions, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { roleLabels } from '../../../../../src/domain/roles';
import { useAuth, useCurrentUser } from '../../../app/auth';
import { showDate, today } from '../../../ui/dates';
import { useRequest } from '../../../ui/use-request';
import { ChangePasswordModal } from '../../auth/components/ChangePasswordModal';
import { ReminderSettingsCard } from '../../todo/components/ReminderSettingsCard';
import { TodoCard } from '../../todo/components/TodoCard';
import { fetchPeopleTotal, fetchUnitCounts } from '../api';

const permissionLabels: Record<string, string> = {
  'org.read': '查看单位',
  'org.write': '维护单位',
  'user.manage': '管理用户',
  'person.read': '查看人员',
  'person.write': '登记人员',
  'pii.read': '查看完整个人信息',
  'ledger.read': '查看台账',
  'ledger.write': '填报台账',
  'case.read': '查看个案',
  'case.write': '办理个案',
  'audit.read': '查看审计日志',
};

/** The landing page: who is signed in, with what grants, and live totals from the API. */
export function HomePage() {
  const user = useCurrentUser();
  const { can } = useAuth();
  const units = useRequest(fetchUnitCounts, [], can('org.read'));
  const people = useRequest(fetchPeopleTotal, [], can('person.read'));
  const [changing, setChanging] = useState(false);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {user.displayName}，您好
      </Typography.Title>
      <Typography.Paragraph type="secondary">今天是 {showDate(today())}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <TodoCard />
        </Col>
        {can('org.read') ? (
          <>
            <Col xs={12} md={8}>
              <Card>
                <Link to="/orgs">
                  <Statistic title="管辖的顶级单位" value={units.data?.rootUnits ?? '—'} suffix="个" loading={units.loading} />
                </Link>
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card>
                <Link to="/orgs">
                  <Statistic title="其直属下级单位" value={units.data?.directSubunits ?? '—'} suffix="个" loading={units.loading} />
                </Link>
              </Card>
            </Col>
          </>
        ) : null}
        {can('person.read') ? (
          <Col xs={24} md={8}>
            <Card>
              <Link to="/people">
                <Statistic title="在册人员" value={people.data ?? '—'} suffix="人" loading={people.loading} data-testid="home-people-total" />
              </Link>
            </Card>
          </Col>
        ) : null}
        <Col xs={24}>
          <Card
            title="我的账号"
            size="small"
            extra={
              <Button size="small" data-testid="change-password" onClick={() => setChanging(true)}>
                修改密码
              </Button>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              styles={{ content: { minWidth: 0 } }}
              items={[
                { key: 'u', label: '用户名', children: user.username },
                { key: 'n', label: '姓名', children: user.displayName },
                {
                  key: 'g',
                  label: '角色与单位',
                  span: 2,
                  children: user.grants.length ? (
                    <Flex wrap gap={4} style={{ minWidth: 0 }}>
                      {user.grants.map((g, i) => (
                        <Tag key={i} color={g.orgId ? 'blue' : 'red'} style={{ marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%' }}>
                          {roleLabels[g.role] ?? g.role} · {g.orgId ? (g.orgName ?? g.orgCode) : '全局'}
                        </Tag>
                      ))}
                    </Flex>
                  ) : (
                    '未授权，请联系管理员'
                  ),
                },
                {
                  key: 'p',
                  label: '权限',
                  span: 2,
                  // the tags wrap inside the phone's width (they pushed the page to 764 px and the tab bar off-screen)
                  children: (
                    <Flex wrap gap={4} style={{ minWidth: 0 }}>
                      {user.permissions.map((p) => (
                        <Tag key={p} style={{ marginInlineEnd: 0 }}>
                          {permissionLabels[p] ?? p}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <ReminderSettingsCard />
        </Col>
      </Row>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

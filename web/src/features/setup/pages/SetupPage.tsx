import { Alert, Button, Card, Checkbox, Flex, Form, Input, List, Result, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { countyBodies, type CountyBody, countyRootName, setupCountyInput } from '../../../../../src/domain/county-setup';
import { PageHeader } from '../../../ui/PageHeader';
import { PageLoading } from '../../../ui/states';
import { applyErrorDetails, useApiError } from '../../../ui/use-api-error';
import { ApiError } from '../../../ui/http';
import { zodFieldRule } from '../../../ui/zod-rule';
import type { Org } from '../../orgs/api';
import { fetchSetupStatus, setUpCounty, type SetupBody, type SetupStatus } from '../api';

const fields = ['countyName', 'divisionCode', 'codePrefix', 'bodies'] as const;

/** 首次设置: the county committee and its mass-organization bodies, then the imports of the rest. */
export function SetupPage() {
  const navigate = useNavigate();
  const showError = useApiError();
  const [form] = Form.useForm<SetupBody>();
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ root: Org; bodies: Org[] } | null>(null);
  const county = (Form.useWatch('countyName', form) ?? '').trim();
  const prefix = (Form.useWatch('codePrefix', form) ?? '').trim().toUpperCase();
  const chosen = Form.useWatch('bodies', form) ?? [];

  useEffect(() => {
    fetchSetupStatus().then(setStatus).catch(showError);
  }, [showError]);

  const submit = async (values: SetupBody) => {
    setSaving(true);
    try {
      setDone(await setUpCounty(values));
    } catch (e) {
      if (e instanceof ApiError && e.details?.length) {
        const rest = applyErrorDetails(form, e.details, fields);
        if (rest.length) showError(e);
      } else showError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!status) return <PageLoading />;
  const next = (rootId: string) => (
    <Flex wrap gap={8} justify="center">
      <Button type="primary" data-testid="setup-next-orgs" onClick={() => navigate(`/setup/import/orgs?orgId=${rootId}`)}>
        导入组织架构
      </Button>
      <Button onClick={() => navigate(`/setup/import/users?orgId=${rootId}`)}>导入用户</Button>
      <Button onClick={() => navigate('/orgs')}>查看组织架构</Button>
    </Flex>
  );
  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={`已创建${done.root.name}及 ${done.bodies.length} 个群团组织`}
          subTitle="下一步：用 Excel 导入乡镇、村、企业等基层组织，再导入各单位的用户。"
          extra={next(done.root.id)}
        />
        <List size="small" bordered dataSource={[done.root, ...done.bodies]} renderItem={(o) => <List.Item>{o.name}（{o.code}）</List.Item>} style={{ maxWidth: 520, margin: '0 auto' }} />
      </Card>
    );
  }
  if (!status.empty || !status.canSetUp) {
    return (
      <Card>
        <Result
          status="info"
          title={status.empty ? '组织架构尚未设置，请联系系统管理员' : '组织架构已设置'}
          subTitle={status.empty ? '首次设置只能由系统管理员完成。' : '可以继续用 Excel 导入下级单位和用户。'}
          extra={status.empty ? null : (
            <Flex wrap gap={8} justify="center">
              <Button type="primary" onClick={() => navigate('/setup/import/orgs')}>导入组织架构</Button>
              <Button onClick={() => navigate('/setup/import/users')}>导入用户</Button>
            </Flex>
          )}
        />
      </Card>
    );
  }
  return (
    <>
      <PageHeader title="首次设置" sub="本系统尚无组织架构：先建立本县（区）的县委和群团组织，再从 Excel 导入下级单位和用户" />
      <Flex wrap gap={16} align="start">
        <Card title="本县（区）信息" style={{ flex: '1 1 420px', maxWidth: 640 }}>
          <Form<SetupBody> form={form} layout="vertical" initialValues={{ bodies: countyBodies.map((b) => b.key) }} onFinish={(v) => void submit(v)} requiredMark>
            <Form.Item name="countyName" label="县（区）名称" required rules={[zodFieldRule(setupCountyInput, 'countyName')]} extra="写全称，如“青禾县”“东城区”">
              <Input data-testid="setup-county" maxLength={20} placeholder="如：青禾县" />
            </Form.Item>
            <Form.Item name="divisionCode" label="行政区划代码" required rules={[zodFieldRule(setupCountyInput, 'divisionCode')]} extra="GB/T 2260 的 6 位县级代码（身份证号前 6 位常与之相同）">
              <Input data-testid="setup-division" inputMode="numeric" maxLength={6} placeholder="如：231225" />
            </Form.Item>
            <Form.Item name="codePrefix" label="单位编码前缀" required rules={[zodFieldRule(setupCountyInput, 'codePrefix')]} extra="各单位编码由它开头，常用县名拼音首字母，如 QH → QH-FL（县妇联）">
              <Input data-testid="setup-prefix" maxLength={12} placeholder="如：QH" style={{ textTransform: 'uppercase' }} />
            </Form.Item>
            <Form.Item name="bodies" label="本县设有的群团组织（建在县委之下）">
              <Checkbox.Group>
                <Flex wrap gap={8}>
                  {countyBodies.map((b) => (
                    <Checkbox key={b.key} value={b.key} data-testid={`setup-body-${b.key}`}>
                      {b.label}
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="setup-submit">
              建立组织架构
            </Button>
          </Form>
        </Card>
        <Card title="将要建立的单位" style={{ flex: '1 1 300px', maxWidth: 480 }}>
          {county ? (
            <List
              size="small"
              dataSource={[{ name: countyRootName(county), code: prefix, tag: '党委' }, ...countyBodies.filter((b) => (chosen as CountyBody[]).includes(b.key)).map((b) => ({ name: b.name(county), code: prefix ? `${prefix}-${b.suffix}` : '', tag: b.label }))]}
              renderItem={(u, i) => (
                <List.Item style={{ paddingLeft: i ? 24 : 0 }}>
                  <Typography.Text>{u.name}</Typography.Text>
                  <span>
                    {u.code ? <Typography.Text type="secondary">{u.code}</Typography.Text> : null} <Tag>{u.tag}</Tag>
                  </span>
                </List.Item>
              )}
            />
          ) : (
            <Alert type="info" showIcon title="填写县（区）名称后，这里列出将要建立的单位及其编码" />
          )}
        </Card>
      </Flex>
    </>
  );
}

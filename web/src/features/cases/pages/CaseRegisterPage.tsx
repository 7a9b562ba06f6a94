import { App, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { PageHeader } from '../../../ui/PageHeader';
import { useApiError } from '../../../ui/use-api-error';
import { createCase } from '../api';
import { CaseFields, caseFormFields, type CaseFormValues } from '../components/CaseFields';
import { partiesBody } from '../components/PartiesField';

/** 登记个案: kind, the kind's own fields, channel, summary, parties; the receiving unit defaults to one's own. */
export function CaseRegisterPage() {
  const [form] = Form.useForm<CaseFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const [saving, setSaving] = useState(false);

  const submit = async (v: CaseFormValues) => {
    setSaving(true);
    try {
      const c = await createCase({
        orgId: v.orgId || undefined, kind: v.kind, subkind: v.subkind || undefined, channel: v.channel, summary: v.summary,
        riskLevel: v.riskLevel, warningNo: v.warningNo || undefined, warningOn: v.warningOn || undefined, parties: partiesBody(v.parties),
      });
      void message.success('个案已登记');
      void navigate(`/cases/${c.id}`);
    } catch (e) {
      showError(e, form, caseFormFields);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title="登记个案" extra={<Button onClick={() => navigate('/cases')}>返回收件箱</Button>} />
      <Card style={{ maxWidth: 760 }}>
        <Form<CaseFormValues> form={form} layout="vertical" initialValues={{ channel: '来访', parties: [] }} onFinish={(v) => void submit(v)} disabled={saving} scrollToFirstError>
          <Form.Item name="orgId" label="受理单位" extra="信访代理工作室、维权岗等；不选则为本人所在单位">
            <OrgPicker placeholder="本人所在单位" style={{ width: '100%' }} />
          </Form.Item>
          <CaseFields />
          <Flex justify="end" gap={8}>
            <Button onClick={() => navigate('/cases')} disabled={false}>
              取消
            </Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="case-submit">
              登记
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

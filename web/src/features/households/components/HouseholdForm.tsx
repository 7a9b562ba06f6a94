import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { useApiError } from '../../../ui/use-api-error';
import { householdCategorySuggestions } from '../api';
import { PersonSearchSelect } from './PersonSearchSelect';

export interface HouseholdFormValues {
  name: string;
  orgId?: string;
  address?: string;
  categories?: string[];
  headPersonId?: string;
}

const fields = ['name', 'orgId', 'address', 'categories', 'headPersonId'] as const;
const half = { xs: 24, md: 12 };

interface Props {
  initial?: Partial<HouseholdFormValues>;
  headLabel?: string;
  /** Editing: the stored address is only shown masked, so the field starts empty and empty means unchanged. */
  maskedAddress?: string | null;
  submitText: string;
  onCancel: () => void;
  onSubmit: (values: HouseholdFormValues) => Promise<void>;
}

/** 户名, 所属单位, 住址, 家庭类别 and 户主 (picked from the registry). */
export function HouseholdForm({ initial, headLabel, maskedAddress, submitText, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<HouseholdFormValues>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();

  const finish = async (values: HouseholdFormValues) => {
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (e) {
      showError(e, form, fields);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<HouseholdFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)} disabled={saving} scrollToFirstError data-testid="household-form">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="户名" name="name" rules={[{ required: true, whitespace: true, message: '户名为必填项' }, { max: 100, message: '户名不能超过 100 个字符' }]}>
            <Input data-testid="household-name" maxLength={100} placeholder="如：张三户" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <OrgPicker placeholder="请选择所属单位" allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="住址" name="address" rules={[{ max: 200, message: '住址不能超过 200 个字符' }]} extra={maskedAddress ? `当前：${maskedAddress}（脱敏显示）；留空则不修改` : '住址加密保存，详情中脱敏显示'}>
            <Input data-testid="household-address" maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="家庭类别" name="categories" extra="可选择或直接输入，回车确认">
            <Select
              mode="tags"
              data-testid="household-categories"
              placeholder="如：困难家庭、低保户"
              options={householdCategorySuggestions.map((c) => ({ value: c, label: c }))}
              tokenSeparators={['、', '，', ',', ';', '；', ' ']}
              maxCount={20}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="户主" name="headPersonId" extra="从人员库中查找；不在本户成员中的，会自动以“户主”加入">
            <PersonSearchSelect testId="household-head" initialLabel={headLabel} />
          </Form.Item>
        </Col>
      </Row>
      <Flex justify="end" gap={8}>
        <Button onClick={onCancel} disabled={false}>
          取消
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="household-submit">
          {submitText}
        </Button>
      </Flex>
    </Form>
  );
}

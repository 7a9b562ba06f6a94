import { AutoComplete, Button, Col, Form, Input, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ethnicities, personInput } from '../../../../../src/domain/person';
import { today } from '../../../ui/dates';
import { ApiError } from '../../../ui/http';
import { applyErrorDetails, useApiError } from '../../../ui/use-api-error';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { CategorySelect } from './CategorySelect';
import { IdNumberHint } from './IdNumberHint';
import { personFields, zodRule, type FieldErrors, type PersonFormValues } from './person-form-rules';

export type SubmitResult = { errors: FieldErrors } | void;

interface Props {
  /** Edit mode: the ID number is shown, not editable (it is the person's identity). */
  fixedIdNumber?: string;
  initial?: PersonFormValues;
  /** Shown as placeholders when the current phone/address are masked for this user. */
  maskedHints?: { phone?: string | null; address?: string | null };
  submitText: string;
  onSubmit: (schema: ReturnType<typeof personInput>, values: PersonFormValues) => Promise<SubmitResult>;
  onCancel: () => void;
}

const ethnicityOptions = ethnicities.map((e) => ({ value: e }));
const half = { xs: 24, md: 12 };
// the importer splits 人员类别 cells on these characters, so a name may not contain them (server rule)
const categoryNameRule = {
  validator: async (_r: unknown, v?: string[]) => {
    if (v?.some((c) => /[、;；,，\s]/.test(c))) throw new Error('类别名称不能包含顿号、逗号、分号或空格');
  },
};

export function PersonForm({ fixedIdNumber, initial, maskedHints, submitText, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<PersonFormValues>();
  const schema = useMemo(() => personInput(today()), []);
  const idNumber = Form.useWatch('idNumber', form);
  const [saving, setSaving] = useState(false);
  const showError = useApiError();

  const finish = async (values: PersonFormValues) => {
    setSaving(true);
    try {
      const r = await onSubmit(schema, values);
      if (r?.errors) form.setFields(r.errors);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.details.length === 0) {
        // 姓名与身份证号不一致: the ID is on record under another name
        form.setFields([{ name: 'idNumber', errors: [e.message] }]);
      } else if (e instanceof ApiError && e.details.length > 0) {
        applyErrorDetails(form, e.details, personFields);
      }
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const keepHint = (v?: string | null) => (v ? `当前：${v}（留空则不修改）` : undefined);

  return (
    <Form<PersonFormValues> form={form} layout="vertical" initialValues={initial} onFinish={finish} disabled={saving} scrollToFirstError>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="姓名" name="name" required rules={[zodRule(schema, 'name')]} validateDebounce={300}>
            <Input data-testid="person-name" autoComplete="off" maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          {fixedIdNumber ? (
            <Form.Item label="身份证号" extra="身份证号是人员的唯一标识，录入后不能修改">
              <Typography.Text style={{ fontFamily: 'monospace' }}>{fixedIdNumber}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              label="身份证号"
              name="idNumber"
              required
              rules={[zodRule(schema, 'idNumber')]}
              validateDebounce={300}
              extra={<IdNumberHint value={idNumber} />}
            >
              <Input data-testid="person-id-input" autoComplete="off" maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          )}
        </Col>
        <Col {...half}>
          <Form.Item label="联系电话" name="phone" rules={[zodRule(schema, 'phone')]} validateDebounce={300}>
            <Input data-testid="person-phone" placeholder={keepHint(maskedHints?.phone) ?? '手机号或座机（区号-号码）'} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="民族" name="ethnicity" rules={[zodRule(schema, 'ethnicity')]}>
            <AutoComplete options={ethnicityOptions} placeholder="如：汉族" showSearch={{ filterOption: true }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="住址" name="address" rules={[zodRule(schema, 'address')]}>
            <Input placeholder={keepHint(maskedHints?.address)} maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="人员类别" name="categories" rules={[zodRule(schema, 'categories'), categoryNameRule]} extra="可多选，也可直接输入新的类别">
            <CategorySelect mode="tags" placeholder="如：困难职工、留守儿童" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="所属单位" name="orgId">
            <OrgPicker allowClear={!fixedIdNumber} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="备注" name="note" rules={[zodRule(schema, 'note')]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="person-submit" style={{ marginInlineEnd: 8 }}>
          {submitText}
        </Button>
        <Button onClick={onCancel} disabled={false}>
          取消
        </Button>
      </Form.Item>
    </Form>
  );
}

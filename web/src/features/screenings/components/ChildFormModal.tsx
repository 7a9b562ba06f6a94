import { Alert, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { guardianSituations, riskFactors, suggestRiskLevel } from '../../../../../src/domain/screenings/rules';
import { FormModal } from '../../../ui/FormModal';
import { dateFieldProps, datePickerFormats } from '../../../ui/dates';
import { addScreenedChild, type AddChildInput } from '../api';

interface Values {
  name: string;
  idNumber: string;
  guardian: AddChildInput['guardian'];
  factors: AddChildInput['factors'];
  riskLevel?: AddChildInput['riskLevel'];
  overrideReason?: string;
  notes?: string;
  foundOn?: string;
}

const fields = ['name', 'idNumber', 'guardian', 'factors', 'riskLevel', 'overrideReason', 'notes', 'foundOn', 'personId'] as const;

/** The suggested level, live from the same rule the server applies; a different choice asks for its reason. */
function RiskFields() {
  const form = Form.useFormInstance<Values>();
  const guardian = Form.useWatch('guardian', form) ?? '';
  const factors = Form.useWatch('factors', form) ?? [];
  const chosen = Form.useWatch('riskLevel', form);
  const suggested = suggestRiskLevel(guardian, factors);
  const overridden = Boolean(chosen) && chosen !== suggested;
  return (
    <>
      <Alert type={suggested === '高' ? 'error' : suggested === '中' ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={`系统建议风险等级：${suggested}`} data-testid="suggested-level" />
      <Form.Item name="riskLevel" label="风险等级" extra="不选则采用系统建议">
        <Radio.Group options={['高', '中', '低'].map((l) => ({ label: l, value: l }))} />
      </Form.Item>
      {overridden ? (
        <Form.Item name="overrideReason" label="调整理由" rules={[{ required: true, message: '风险等级与系统建议不同，请填写调整理由' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      ) : null}
    </>
  );
}

/** 登记儿童: name and ID number (an existing registry record with the same name is linked), guardian situation, risk factors, level. */
export function ChildFormModal({ open, screeningId, orgId, onClose, onSaved }: { open: boolean; screeningId: string; orgId: string; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<Values>
      open={open}
      title="登记排查发现的儿童"
      okText="登记"
      width={640}
      fields={fields}
      initialValues={{ factors: [] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await addScreenedChild(screeningId, {
          orgId, person: { name: v.name, idNumber: v.idNumber }, guardian: v.guardian, factors: v.factors ?? [], riskLevel: v.riskLevel,
          overrideReason: v.overrideReason || undefined, notes: v.notes || undefined, foundOn: v.foundOn,
        });
        onSaved();
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="name" label="儿童姓名" rules={[{ required: true, message: '请填写儿童姓名' }]}>
            <Input maxLength={50} data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]} extra="已在人员库中的儿童按身份证号关联">
            <Input maxLength={18} data-testid="field-idNumber" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="guardian" label="监护情况" rules={[{ required: true, message: '请选择监护情况' }]}>
            <Select options={guardianSituations.map((g) => ({ label: g, value: g }))} data-testid="field-guardian" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="foundOn" label="排查日期" extra="不填为今天" {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} format={datePickerFormats} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="factors" label="风险因素（可多选）">
        <Checkbox.Group options={riskFactors.map((f) => ({ label: f, value: f }))} data-testid="field-factors" />
      </Form.Item>
      <RiskFields />
      <Form.Item name="notes" label="情况说明" extra="加密保存，仅本乡镇个案工作者和单位管理员可见">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

import { DatePicker, Form, Input, Radio } from 'antd';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { FormModal } from '../../../ui/FormModal';
import { dateFieldProps, datePickerFormats } from '../../../ui/dates';
import { recordIntervention, recordPairing, type ScreenedChild } from '../api';

interface Props {
  child: ScreenedChild | null;
  onClose: () => void;
  onSaved: () => void;
}

function DateField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} extra="不填为今天" {...dateFieldProps}>
      <DatePicker style={{ width: '100%' }} format={datePickerFormats} />
    </Form.Item>
  );
}

/** 干预: open a 困境儿童 case (registered through the cases flow) or record another measure. */
export function InterventionModal({ child, onClose, onSaved }: Props) {
  type V = { mode: 'case' | 'measure'; summary?: string; measure?: string; on?: string };
  return (
    <FormModal<V>
      open={Boolean(child)}
      title={`登记干预：${child?.name ?? ''}`}
      fields={['mode', 'summary', 'measure', 'on']}
      initialValues={{ mode: 'case' }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!child) return;
        await recordIntervention(child.id, { mode: v.mode, summary: v.summary || undefined, measure: v.measure || undefined, on: v.on });
        onSaved();
      }}
    >
      <Form.Item name="mode" label="干预方式">
        <Radio.Group
          options={[
            { label: '登记困境儿童个案', value: 'case' },
            { label: '其他措施', value: 'measure' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: V, b: V) => a.mode !== b.mode}>
        {({ getFieldValue }) =>
          getFieldValue('mode') === 'case' ? (
            <Form.Item name="summary" label="案情摘要" rules={[{ required: true, message: '登记困境儿童个案须填写案情摘要' }]} extra="个案加密保存，按个案流程受理、办理">
              <Input.TextArea rows={3} maxLength={2000} data-testid="field-summary" />
            </Form.Item>
          ) : (
            <Form.Item name="measure" label="干预措施" rules={[{ required: true, message: '请填写干预措施' }]}>
              <Input placeholder="如 临时监护、送医、协调入学" maxLength={500} data-testid="field-measure" />
            </Form.Item>
          )
        }
      </Form.Item>
      <DateField name="on" label="干预日期" />
    </FormModal>
  );
}

/** 结对跟踪: the helper (a person's name, or a unit, or both), the commitment, the date. */
export function PairingModal({ child, onClose, onSaved }: Props) {
  type V = { helperName?: string; helperOrgId?: string; commitment: string; on?: string };
  return (
    <FormModal<V>
      open={Boolean(child)}
      title={`登记结对：${child?.name ?? ''}`}
      fields={['helperName', 'helperOrgId', 'commitment', 'on']}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!child) return;
        await recordPairing(child.id, { helperName: v.helperName || undefined, helperOrgId: v.helperOrgId || undefined, commitment: v.commitment, on: v.on });
        onSaved();
      }}
    >
      <Form.Item name="helperName" label="结对人" extra="结对人与结对单位至少填一项">
        <Input maxLength={50} placeholder="如 “爱心妈妈”姓名" data-testid="field-helperName" />
      </Form.Item>
      <Form.Item name="helperOrgId" label="结对单位">
        <OrgPicker placeholder="如 村妇联、机关妇委会" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="commitment" label="结对承诺" rules={[{ required: true, message: '请填写结对承诺' }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如 每月上门走访一次" data-testid="field-commitment" />
      </Form.Item>
      <DateField name="on" label="结对日期" />
    </FormModal>
  );
}

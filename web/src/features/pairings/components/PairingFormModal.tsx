import { DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { contactKinds, helpedRoles, helperRoles } from '../../../../../src/domain/pairings/kinds';
import { dateFieldProps, datePickerFormats, today } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { listHouseholds } from '../../households/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { PersonSelect } from '../../wishes/components/PersonSelect';
import { createPairing, type PairingBody } from '../api';

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

function HouseholdSelect({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = (q: string) => void listHouseholds({ q: q || undefined, page: 1, pageSize: 20 }).then((r) => setOptions(r.items.map((h) => ({ value: h.id, label: h.name }))));
  return <Select showSearch={{ filterOption: false, onSearch: search }} allowClear value={value} onChange={onChange} onFocus={() => search('')} options={options} placeholder="输入户名搜索家庭" />;
}

/** 建立结对: helper (a person or a unit) + helped (a person or a household) + a commitment. */
export function PairingFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<PairingBody>
      open={open}
      title="建立结对帮扶"
      width={620}
      onClose={onClose}
      fields={['orgId', 'helperPersonId', 'helperOrgId', 'helperRole', 'helpedPersonId', 'helpedHouseholdId', 'helpedRole', 'commitmentKind', 'everyMonths', 'startedOn', 'note']}
      initialValues={{ helperKind: 'person', helperRole: '爱心妈妈', helpedKind: 'person', helpedRole: '留守儿童', commitmentKind: '电话', everyMonths: 1, startedOn: today() }}
      onSubmit={async (v) => {
        await createPairing(v);
        onSaved();
      }}
    >
      <Form.Item name="orgId" label="建立结对的单位" extra="不选则为本人所在单位">
        <OrgPicker />
      </Form.Item>
      <Form.Item name="helperKind" label="帮扶方">
        <Radio.Group options={[{ value: 'person', label: '个人' }, { value: 'unit', label: '单位（如 巾帼文明岗）' }]} />
      </Form.Item>
      <Form.Item noStyle dependencies={['helperKind']}>
        {({ getFieldValue }) =>
          getFieldValue('helperKind') === 'unit' ? (
            <Form.Item name="helperOrgId" label="帮扶单位" rules={[{ required: true, message: '请选择帮扶单位' }]}>
              <OrgPicker />
            </Form.Item>
          ) : (
            <Form.Item name="helperPersonId" label="帮扶人" rules={[{ required: true, message: '请选择帮扶人' }]}>
              <PersonSelect testId="pairing-helper" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="helperRole" label="帮扶方身份" rules={[{ required: true }]}>
        <Select options={opts(helperRoles)} />
      </Form.Item>
      <Form.Item name="helpedKind" label="受助方">
        <Radio.Group options={[{ value: 'person', label: '个人' }, { value: 'household', label: '家庭' }]} />
      </Form.Item>
      <Form.Item noStyle dependencies={['helpedKind']}>
        {({ getFieldValue }) =>
          getFieldValue('helpedKind') === 'household' ? (
            <Form.Item name="helpedHouseholdId" label="受助家庭" rules={[{ required: true, message: '请选择受助家庭' }]}>
              <HouseholdSelect />
            </Form.Item>
          ) : (
            <Form.Item name="helpedPersonId" label="受助人" rules={[{ required: true, message: '请选择受助人' }]}>
              <PersonSelect testId="pairing-helped" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="helpedRole" label="受助方类别" rules={[{ required: true }]}>
        <Select options={opts(helpedRoles)} />
      </Form.Item>
      <Form.Item label="联系承诺" required>
        <Space.Compact>
          <Form.Item name="everyMonths" noStyle rules={[{ required: true, message: '请填写周期' }]}>
            <InputNumber min={1} max={12} precision={0} addonBefore="每" addonAfter="个月" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="commitmentKind" noStyle>
            <Select options={opts(contactKinds)} style={{ width: 120 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="startedOn" label="结对日期" {...dateFieldProps} rules={[{ required: true, message: '请选择结对日期' }]}>
        <DatePicker format={datePickerFormats} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

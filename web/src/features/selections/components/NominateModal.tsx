import { Form, Input, Select } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { type Campaign, campaignsApi, nomineeTypeLabels } from '../api';
import { NomineeSelect } from './NomineeSelect';

interface Values {
  nominatingOrgId: string;
  nominee: string;
  deeds: string;
}
const refField = { person: 'personId', household: 'householdId', unit: 'unitId', loan: 'loanId' } as const;

/** 提名: a unit with a quota names a person, household, unit or loan project of its own area. */
export function NominateModal({ campaign, open, onClose, onDone }: { campaign: Campaign; open: boolean; onClose: () => void; onDone: () => void }) {
  const type = campaign.nomineeType;
  return (
    <FormModal<Values>
      open={open}
      title={`提名${nomineeTypeLabels[type]}`}
      okText="提交提名"
      fields={['nominatingOrgId', 'deeds']}
      onClose={onClose}
      initialValues={campaign.quotas.length === 1 ? { nominatingOrgId: campaign.quotas[0].orgId } : {}}
      onSubmit={async (v) => {
        await campaignsApi.nominate(campaign.id, { nominatingOrgId: v.nominatingOrgId, [refField[type]]: v.nominee, deeds: v.deeds });
        onDone();
      }}
    >
      <Form.Item name="nominatingOrgId" label="推荐单位" rules={[{ required: true, message: '请选择推荐单位' }]}>
        <Select options={campaign.quotas.map((q) => ({ value: q.orgId, label: `${q.orgName}（已提名 ${q.used}/${q.quota}）` }))} />
      </Form.Item>
      <Form.Item name="nominee" label={`候选${nomineeTypeLabels[type]}`} rules={[{ required: true, message: '请选择候选对象' }]}>
        {type === 'unit' ? <OrgPicker placeholder="选择候选组织" /> : <NomineeSelect type={type} />}
      </Form.Item>
      <Form.Item name="deeds" label="事迹简介" rules={[{ required: true, message: '请填写事迹简介' }]} extra="将在公众页面展示，请勿写入电话、住址、身份证号（系统会自动遮挡姓名和号码）">
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
    </FormModal>
  );
}

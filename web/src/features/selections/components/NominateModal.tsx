import { App, Form, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../ui/FormModal';
import { uploadAttachment } from '../../ledgers/attachments-api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { type Campaign, campaignsApi, type Consent, nomineeTypeLabels } from '../api';
import { NomineeSelect } from './NomineeSelect';
import { PhotoPicker } from './PhotoPicker';
import { PublicationFields } from './PublicationFields';

interface Values {
  nominatingOrgId: string;
  nominee: string;
  deeds: string;
  displayName?: string;
  consent?: Consent | 'none';
}
const refField = { person: 'personId', household: 'householdId', unit: 'unitId', loan: 'loanId' } as const;

/**
 * 提名: a unit with a quota names a person, household, unit or loan project of its own area — the
 * pickers list only what lies under the chosen 推荐单位 (the server refuses anything else) — with
 * what the public page will show: the display name, the consent to publication, a photo and the 事迹.
 */
export function NominateModal({ campaign, open, onClose, onDone }: { campaign: Campaign; open: boolean; onClose: () => void; onDone: () => void }) {
  const type = campaign.nomineeType;
  const [photo, setPhoto] = useState<File | null>(null);
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open={open}
      title={`提名${nomineeTypeLabels[type]}`}
      okText="提交提名"
      fields={['nominatingOrgId', 'deeds', 'displayName', 'consent', refField[type]]}
      onClose={() => (setPhoto(null), onClose())}
      initialValues={campaign.quotas.length === 1 ? { nominatingOrgId: campaign.quotas[0].orgId } : {}}
      onSubmit={async (v) => {
        const consent = v.consent && v.consent !== 'none' ? v.consent : null;
        const done = await campaignsApi.nominate(campaign.id, { nominatingOrgId: v.nominatingOrgId, [refField[type]]: v.nominee, deeds: v.deeds, displayName: v.displayName || null, consent });
        if (photo) {
          try {
            await uploadAttachment('nominations', done.id, photo);
          } catch {
            void message.warning('提名已提交，但照片没有上传成功，请在“公开信息”中重新上传');
          }
        }
        setPhoto(null);
        onDone();
      }}
    >
      <Form.Item name="nominatingOrgId" label="推荐单位" rules={[{ required: true, message: '请选择推荐单位' }]}>
        <Select options={campaign.quotas.map((q) => ({ value: q.orgId, label: `${q.orgName}（已提名 ${q.used}/${q.quota}）` }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['nominatingOrgId']}>
        {(form) => {
          const unit = form.getFieldValue('nominatingOrgId') as string | undefined;
          return (
            <Form.Item name="nominee" label={`候选${nomineeTypeLabels[type]}`} rules={[{ required: true, message: '请选择候选对象' }]} extra={unit ? '只列出推荐单位及其下级的对象' : '请先选择推荐单位'}>
              {type === 'unit' ? <OrgPicker key={unit} rootId={unit} disabled={!unit} placeholder="选择候选组织" /> : <NomineeSelect key={unit} type={type} orgId={unit} />}
            </Form.Item>
          );
        }}
      </Form.Item>
      <PublicationFields type={type} />
      <Form.Item label="照片（可选）">
        <PhotoPicker file={photo} onChange={setPhoto} />
      </Form.Item>
    </FormModal>
  );
}

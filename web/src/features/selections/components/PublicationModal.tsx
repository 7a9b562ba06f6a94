import { App } from 'antd';
import { Form } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../ui/FormModal';
import { uploadAttachment } from '../../ledgers/attachments-api';
import { type Campaign, campaignsApi, type Consent, type Nomination } from '../api';
import { PhotoPicker } from './PhotoPicker';
import { PublicationFields } from './PublicationFields';
import { showInstant } from '../../../ui/dates';

/** 公开信息 of one nomination: display name, consent (who recorded it and when), photo and 事迹. */
export function PublicationModal({ campaign, nomination: n, onClose, onDone }: { campaign: Campaign; nomination: Nomination | null; onClose: () => void; onDone: () => void }) {
  const [photo, setPhoto] = useState<File | null>(null);
  const { message } = App.useApp();
  return (
    <FormModal<{ displayName?: string; consent?: Consent | 'none'; deeds: string }>
      open={n !== null}
      title={`公开信息：${n?.code ?? ''} ${n?.name ?? ''}`}
      fields={['displayName', 'consent', 'deeds']}
      onClose={() => (setPhoto(null), onClose())}
      initialValues={n ? { displayName: n.displayName ?? undefined, consent: n.consent ?? 'none', deeds: n.deeds } : {}}
      onSubmit={async (v) => {
        if (!n) return;
        const body = campaign.nomineeType === 'unit' ? { deeds: v.deeds } : { deeds: v.deeds, displayName: v.displayName || null, consent: v.consent && v.consent !== 'none' ? v.consent : null };
        await campaignsApi.updatePublication(campaign.id, n.id, body);
        if (photo) await uploadAttachment('nominations', n.id, photo);
        setPhoto(null);
        void message.success('公开信息已保存');
        onDone();
      }}
    >
      {n?.consent && n.consentRecordedAt ? (
        <p style={{ color: '#666', marginTop: 0 }}>
          {n.consentLabel}：{n.consentRecordedBy ?? '—'} 于 {showInstant(n.consentRecordedAt)} 登记
        </p>
      ) : null}
      <PublicationFields type={campaign.nomineeType} />
      <Form.Item label="照片">
        <PhotoPicker file={photo} onChange={setPhoto} currentId={n?.photoId} />
      </Form.Item>
    </FormModal>
  );
}

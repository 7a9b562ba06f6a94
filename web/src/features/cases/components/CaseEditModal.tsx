import { App } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import { updateCase, type CaseDetail } from '../api';
import { CaseFields, caseFormFields, type CaseFormValues } from './CaseFields';
import { partiesBody } from './PartiesField';

/** 修改登记信息: the kind stays; kind-specific fields only for their kind (the server checks the same). */
export function CaseEditModal({ item, open, onClose, onSaved }: { item: CaseDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const initial: Partial<CaseFormValues> = {
    subkind: item.subkind ?? undefined, channel: item.channel, summary: item.summary, riskLevel: item.riskLevel ?? undefined,
    warningNo: item.warningNo ?? undefined, warningOn: item.warningOn ?? undefined,
    parties: item.parties.map((p) => ({ personId: p.personId ?? undefined, name: p.name, role: p.role })),
  };
  return (
    <FormModal<CaseFormValues>
      open={open}
      title="修改登记信息"
      width={680}
      initialValues={initial}
      fields={caseFormFields}
      onClose={onClose}
      onSubmit={async (v) => {
        const dv = item.kind === '家庭暴力';
        await updateCase(item.id, {
          subkind: item.kind === '纠纷调解' ? v.subkind || null : undefined, channel: v.channel, summary: v.summary, riskLevel: item.kind === '困境儿童' ? v.riskLevel : undefined,
          warningNo: dv ? v.warningNo || null : undefined, warningOn: dv ? v.warningOn || null : undefined, parties: partiesBody(v.parties),
        });
        void message.success('已保存');
        onSaved();
      }}
    >
      <CaseFields kindFixed={item.kind} />
    </FormModal>
  );
}

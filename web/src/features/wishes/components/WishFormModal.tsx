import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { wishBeneficiaryKinds } from '../../../../../src/domain/wishes/flow';
import { FormModal } from '../../../ui/FormModal';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { createWish, type WishBody } from '../api';
import { PersonSelect } from './PersonSelect';

/** 征集心愿: the beneficiary from the registry; the title and story are what the public board shows. */
export function WishFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<WishBody>
      open={open}
      title="征集微心愿"
      okText="提交审核"
      onClose={onClose}
      fields={['orgId', 'personId', 'beneficiaryKind', 'title', 'story', 'valueYuan']}
      initialValues={{ beneficiaryKind: '儿童' }}
      onSubmit={async (v) => {
        await createWish(v);
        onSaved();
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="心愿将在公示墙公开：只显示脱敏姓名（如 王**）；心愿与说明中不得写姓名、电话、住址、学校。" />
      <Form.Item name="orgId" label="征集单位" extra="不选则为本人所在单位">
        <OrgPicker />
      </Form.Item>
      <Form.Item name="personId" label="心愿人" rules={[{ required: true, message: '请选择心愿人' }]}>
        <PersonSelect testId="wish-person" />
      </Form.Item>
      <Form.Item name="beneficiaryKind" label="心愿对象" rules={[{ required: true, message: '请选择心愿对象' }]}>
        <Select options={wishBeneficiaryKinds.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="title" label="心愿" rules={[{ required: true, message: '请填写心愿' }]}>
        <Input maxLength={30} placeholder="如 一件冬衣、一套课外书" data-testid="wish-title" />
      </Form.Item>
      <Form.Item name="story" label="心愿说明（公开）" rules={[{ required: true, message: '请填写心愿说明' }]}>
        <Input.TextArea maxLength={300} rows={3} placeholder="如 父母在外务工，和奶奶生活，想要一件厚棉衣过冬" data-testid="wish-story" />
      </Form.Item>
      <Form.Item name="valueYuan" label="价值（元）" rules={[{ required: true, message: '请填写心愿价值' }]}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="wish-value" />
      </Form.Item>
    </FormModal>
  );
}

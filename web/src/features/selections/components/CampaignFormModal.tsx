import { AutoComplete, Button, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { FormModal } from '../../../ui/FormModal';
import { type Campaign, campaignKinds, campaignsApi, nomineeTypeLabels, type NomineeType } from '../api';
import { thisYear } from '../../../ui/dates';
import type { Dayjs } from 'dayjs';
import { pickerToInstant } from '../voting-times';
import { VotingTimesFields } from './VotingTimesFields';

interface Values {
  orgId?: string;
  name: string;
  kind: string;
  nomineeType: NomineeType;
  year: number;
  awardLevel: string;
  description?: string;
  votingEnabled: boolean;
  juryEnabled: boolean;
  juryWeight: number;
  winnersCount: number;
  votesPerDay: number;
  votesPerCampaign: number;
  votesPerAddressHour: number;
  hideResults: boolean;
  publicityDays: number;
  quotas: { orgId: string; quota: number }[];
  votingStartsAt?: Dayjs | null;
  votingEndsAt?: Dayjs | null;
}

const defaultType: Record<string, NomineeType> = {
  最美家庭: 'household', 五好文明家庭: 'household', 巾帼文明岗: 'unit', 巾帼建功标兵: 'person', 青年文明号: 'unit', 工人先锋号: 'unit', 技术能手: 'person', 十佳妇女小贷项目: 'loan',
};

const fields = ['orgId', 'name', 'kind', 'nomineeType', 'year', 'awardLevel', 'quotas', 'juryWeight', 'winnersCount', 'votesPerDay', 'votesPerCampaign', 'votesPerAddressHour', 'publicityDays', 'votingStartsAt', 'votingEndsAt'] as const;

/** 新建评选: kind, nominee type, quotas per nominating unit, the voting and jury rules. */
export function CampaignFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: Campaign) => void }) {
  return (
    <FormModal<Values>
      open={open}
      title="新建评选"
      width={640}
      okText="创建"
      fields={fields}
      onClose={onClose}
      initialValues={{ year: thisYear(), awardLevel: '县级', votingEnabled: true, juryEnabled: true, juryWeight: 70, winnersCount: 10, votesPerDay: 3, votesPerCampaign: 30, votesPerAddressHour: 200, hideResults: false, publicityDays: 7, quotas: [{ orgId: '', quota: 3 }] }}
      onSubmit={async (v) =>
        onCreated(await campaignsApi.create({ ...v, description: v.description || undefined, votingStartsAt: v.votingEnabled ? pickerToInstant(v.votingStartsAt) : undefined, votingEndsAt: v.votingEnabled ? pickerToInstant(v.votingEndsAt) : undefined }))
      }
    >
      <Form.Item name="orgId" label="主办单位" extra="不选为本人所在单位">
        <OrgPicker />
      </Form.Item>
      <Form.Item name="name" label="评选名称" rules={[{ required: true, message: '请填写评选名称' }]}>
        <Input placeholder="如 2026年度全县最美家庭评选" maxLength={100} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label="评选类别" rules={[{ required: true, message: '请填写评选类别' }]} style={{ flex: 1, minWidth: 200 }}>
          <AutoComplete options={campaignKinds.map((k) => ({ value: k }))} placeholder="选择或输入自定义类别" filterOption />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {(form) => {
            const t = defaultType[form.getFieldValue('kind') as string];
            if (t && !form.isFieldTouched('nomineeType') && form.getFieldValue('nomineeType') !== t) form.setFieldValue('nomineeType', t);
            return null;
          }}
        </Form.Item>
        <Form.Item name="nomineeType" label="候选对象" rules={[{ required: true, message: '请选择候选对象类型' }]} style={{ width: 160 }}>
          <Select options={Object.entries(nomineeTypeLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="awardLevel" label="表彰级别" rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={['国家级', '省级', '市级', '县级'].map((v) => ({ value: v }))} />
        </Form.Item>
        <Form.Item name="winnersCount" label="表彰名额">
          <InputNumber min={1} max={1000} />
        </Form.Item>
        <Form.Item name="publicityDays" label="公示天数">
          <InputNumber min={1} max={60} />
        </Form.Item>
      </Flex>
      <Form.Item label="各推荐单位名额" required>
        <Form.List name="quotas">
          {(items, { add, remove }) => (
            <Flex vertical gap={8}>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="start" wrap>
                  <Form.Item name={[item.name, 'orgId']} rules={[{ required: true, message: '请选择推荐单位' }]} style={{ flex: '1 1 180px', margin: 0 }}>
                    <OrgPicker placeholder="推荐单位（如乡镇妇联）" />
                  </Form.Item>
                  <Form.Item name={[item.name, 'quota']} rules={[{ required: true, message: '名额' }]} style={{ margin: 0 }}>
                    <InputNumber min={1} max={1000} addonAfter="名" style={{ width: 120 }} />
                  </Form.Item>
                  <Button onClick={() => remove(item.name)} disabled={items.length <= 1}>
                    删除
                  </Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ orgId: '', quota: 3 })}>
                添加推荐单位
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item name="votingEnabled" label="网络投票" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="juryEnabled" label="评委评审" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="juryWeight" label="评委权重（%）" extra="其余为投票权重，如 70/30">
          <InputNumber min={0} max={100} />
        </Form.Item>
      </Flex>
      <Form.Item noStyle dependencies={['votingEnabled']}>
        {(form) => (form.getFieldValue('votingEnabled') ? <VotingTimesFields /> : null)}
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="votesPerDay" label="每人每日票数">
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="votesPerCampaign" label="每人总票数">
          <InputNumber min={1} max={10000} />
        </Form.Item>
        <Form.Item name="votesPerAddressHour" label="同一网络地址（IP）每小时票数" extra="同一上网地址（如同一单位、同一 Wi-Fi）每小时最多投几票，防止集中刷票">
          <InputNumber min={1} max={100000} />
        </Form.Item>
        <Form.Item name="hideResults" label="投票结束前隐藏票数" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label="评选说明（公开）">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

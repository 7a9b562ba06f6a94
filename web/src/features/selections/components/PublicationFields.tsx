import { Form, Input, Select } from 'antd';
import { consentOptions, type NomineeType } from '../api';

/** 公开展示名称, 同意公开 and 事迹: what the public page shows of a nominee, and the consent that allows it. */
export function PublicationFields({ type }: { type: NomineeType }) {
  if (type === 'unit') {
    return (
      <Form.Item name="deeds" label="事迹简介" rules={[{ required: true, message: '请填写事迹简介' }]} extra="将在公众页面展示，请勿写入电话、住址、身份证号">
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
    );
  }
  const example = type === 'household' ? '如 丁梅家庭' : type === 'loan' ? '如 丁梅（庭院养殖）' : '如 丁梅';
  return (
    <>
      <Form.Item name="consent" label="同意公开" rules={[{ required: true, message: '请选择是否已取得同意' }]} extra="公示会公开候选对象的名称、照片和事迹：须本人（未成年人由监护人）同意，登记人和时间会被记录">
        <Select options={consentOptions} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="displayName" label="公开展示名称" extra={`${example}；同意公开后在投票、公示页面展示，不填则显示脱敏名称（丁**家庭）；未成年人不展示姓名`}>
        <Input maxLength={50} placeholder={example} />
      </Form.Item>
      <Form.Item name="deeds" label="事迹简介" rules={[{ required: true, message: '请填写事迹简介' }]} extra="将在公众页面展示，请勿写入电话、住址、身份证号（未同意公开的姓名和号码会自动遮挡）">
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
    </>
  );
}

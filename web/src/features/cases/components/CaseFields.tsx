import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { caseChannels, caseKinds, mediationSubkinds, riskLevels } from '../../../../../src/domain/cases/kinds';
import { dateFieldProps, datePickerFormats } from '../../../ui/dates';
import type { CaseInput } from '../api';
import { PartiesField, type PartyRow } from './PartiesField';

export interface CaseFormValues {
  orgId?: string;
  kind: CaseInput['kind'];
  subkind?: string;
  channel: CaseInput['channel'];
  summary: string;
  riskLevel?: CaseInput['riskLevel'];
  warningNo?: string;
  warningOn?: string;
  parties?: PartyRow[];
}

export const caseFormFields = ['orgId', 'kind', 'subkind', 'channel', 'summary', 'riskLevel', 'warningNo', 'warningOn', 'parties', 'name', 'personId'] as const;

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The kind-specific part: 纠纷调解 细类, 家庭暴力 告诫书, 困境儿童 风险等级. */
function KindFields({ kind }: { kind: string | undefined }) {
  if (kind === '纠纷调解')
    return (
      <Form.Item name="subkind" label="纠纷类别">
        <Select allowClear options={options(mediationSubkinds)} placeholder="婆媳、夫妻、抚养……" data-testid="case-subkind" />
      </Form.Item>
    );
  if (kind === '家庭暴力')
    return (
      <>
        <Form.Item name="warningNo" label="告诫书编号（公安机关出具）">
          <Input maxLength={50} placeholder="如：林公(家)告字〔2026〕3号" data-testid="case-warning-no" />
        </Form.Item>
        <Form.Item name="warningOn" label="告诫书日期" {...dateFieldProps}>
          <DatePicker format={datePickerFormats} style={{ width: '100%' }} data-testid="case-warning-on" />
        </Form.Item>
      </>
    );
  if (kind === '困境儿童')
    return (
      <Form.Item name="riskLevel" label="风险等级（摸底排查评定；高风险 7 日内办结）" rules={[{ required: true, message: '困境儿童个案须评定风险等级' }]}>
        <Radio.Group options={options(riskLevels)} optionType="button" data-testid="case-risk" />
      </Form.Item>
    );
  return null;
}

/** 登记 and 修改 share these fields; the kind is chosen once, at registration. */
export function CaseFields({ kindFixed }: { kindFixed?: string }) {
  const watched = Form.useWatch<string | undefined>('kind');
  const kind = kindFixed ?? watched;
  return (
    <>
      {kindFixed ? null : (
        <Form.Item name="kind" label="个案类型" rules={[{ required: true, message: '请选择个案类型' }]}>
          <Select options={options(caseKinds)} placeholder="请选择" data-testid="case-kind" />
        </Form.Item>
      )}
      <KindFields kind={kind} />
      <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
        <Radio.Group options={options(caseChannels)} optionType="button" data-testid="case-channel" />
      </Form.Item>
      <Form.Item name="summary" label="案情摘要" rules={[{ required: true, whitespace: true, message: '请填写案情摘要' }]} extra={kind === '家庭暴力' || kind === '困境儿童' ? '保密个案：案情加密保存，仅承办人、单位管理员与个案工作者可见' : undefined}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="case-summary" />
      </Form.Item>
      <PartiesField />
    </>
  );
}

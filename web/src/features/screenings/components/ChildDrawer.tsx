import { Descriptions, Drawer, Space, Tag } from 'antd';
import { showDate } from '../../../ui/dates';
import { PageLoading } from '../../../ui/states';
import { useApiQuery } from '../../../../shared/api/query';
import { getScreenedChild } from '../api';
import { RiskTag, StepTag } from './badges';

/** One child's record with the full name and notes; the server audits every open. */
export function ChildDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const c = useApiQuery(['screenings', 'child', id], () => getScreenedChild(id ?? ''), { enabled: Boolean(id) });
  const d = id ? c.data : undefined;
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={560} title="排查儿童记录（查看已记入审计）" destroyOnHidden>
      {!d || d.id !== id ? (
        <PageLoading />
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="姓名">{d.name}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{d.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="性别、年龄">{`${d.gender ?? '—'}，${d.age ?? '—'} 岁`}</Descriptions.Item>
          <Descriptions.Item label="乡镇">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="监护情况">{d.guardian}</Descriptions.Item>
          <Descriptions.Item label="风险因素">
            <Space wrap>{d.factors.length ? d.factors.map((f) => <Tag key={f}>{f}</Tag>) : '无'}</Space>
          </Descriptions.Item>
          <Descriptions.Item label="风险等级">
            <RiskTag level={d.riskLevel} /> 系统建议：{d.suggestedLevel}
            {d.overrideReason ? `；调整理由：${d.overrideReason}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="情况说明">{d.notes ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="排查日期">{showDate(d.foundOn)}</Descriptions.Item>
          <Descriptions.Item label="干预">
            <StepTag state={d.interventionState} due={d.dueInterveneOn} />
            {d.intervention ? `${showDate(d.intervention.on)} ${d.intervention.kind === 'case' ? '已登记困境儿童个案' : (d.intervention.measure ?? '')}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="结对">
            <StepTag state={d.pairingState} due={d.duePairOn} />
            {d.pairing ? `${showDate(d.pairing.on)} ${d.pairing.helperName ?? d.pairing.helperOrgName ?? ''}：${d.pairing.commitment ?? ''}` : ''}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

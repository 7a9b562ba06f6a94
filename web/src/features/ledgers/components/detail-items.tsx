import { Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import { showDate } from '../../../ui/dates';
import type { Activity, Assistance, Contract, Loan } from '../api';
import { LoanStatusTag } from './LoanStatusTag';
import { yuanText } from './money';

type Items = NonNullable<DescriptionsProps['items']>;
const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));
const tags = (vs: string[] | undefined) => (vs?.length ? vs.map((v) => <Tag key={v} style={{ marginBottom: 4 }}>{v}</Tag>) : '—');
const person = (id: string | null, name: string | null) => (id ? <Link to={`/people/${id}`}>{name ?? '—'}</Link> : dash(name));
const idNo = (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{dash(v)}</span>;

export function activityItems(a: Activity): Items {
  return [
    { key: 'name', label: '活动名称', span: 2, children: a.name },
    { key: 'type', label: '活动类型', children: <Tag>{a.type}</Tag> },
    { key: 'place', label: '地点', children: dash(a.place) },
    { key: 'start', label: '开始日期', children: showDate(a.startOn) },
    { key: 'end', label: '结束日期', children: showDate(a.endOn) },
    { key: 'sessions', label: '场次', children: a.sessions },
    { key: 'participants', label: '参与人次', children: a.participants },
    { key: 'targets', label: '活动对象', span: 2, children: tags(a.targetGroups) },
    { key: 'partners', label: '联合单位', span: 2, children: tags(a.partners?.map((p) => p.name)) },
    {
      key: 'outcomes',
      label: '活动成果',
      span: 2,
      children: a.outcomes?.length
        ? a.outcomes.map((o) => (
            <Tag key={o.name} color="red" style={{ marginBottom: 4 }} data-testid="activity-outcome">
              {o.name} {o.value} {o.unit}
            </Tag>
          ))
        : '—',
    },
  ];
}

export function assistanceItems(a: Assistance): Items {
  return [
    { key: 'person', label: '帮扶对象', children: a.personId ? person(a.personId, a.personName) : a.householdId ? `家庭 ${a.householdId}` : '—' },
    { key: 'id', label: '身份证号', children: idNo(a.personIdNumber) },
    { key: 'program', label: '帮扶项目', children: <Tag>{a.program}</Tag> },
    { key: 'form', label: '帮扶形式', children: a.form },
    { key: 'amount', label: '金额', children: yuanText(a.amountYuan) === '—' ? '—' : `${yuanText(a.amountYuan)} 元` },
    { key: 'goods', label: '物资', children: dash(a.goods) },
    { key: 'given', label: '帮扶日期', children: showDate(a.givenOn) },
    { key: 'funder', label: '资金来源', children: dash(a.funder) },
  ];
}

export function loanItems(l: Loan): Items {
  return [
    { key: 'person', label: '借款人', children: person(l.personId, l.personName) },
    { key: 'id', label: '身份证号', children: idNo(l.personIdNumber) },
    { key: 'status', label: '状态', children: <LoanStatusTag status={l.status} /> },
    { key: 'bank', label: '贷款银行', children: dash(l.bank) },
    { key: 'principal', label: '贷款金额', children: `${l.principalWan} 万元` },
    { key: 'term', label: '期限', children: l.termMonths ? `${l.termMonths} 个月` : '—' },
    { key: 'rate', label: '年利率', children: l.ratePct === null || l.ratePct === undefined ? '—' : `${l.ratePct}%` },
    { key: 'subsidyPct', label: '贴息比例', children: l.subsidyPct === null || l.subsidyPct === undefined ? '—' : `${l.subsidyPct}%` },
    { key: 'subsidy', label: '贴息金额', children: yuanText(l.subsidyYuan) === '—' ? '—' : `${yuanText(l.subsidyYuan)} 元` },
    { key: 'venture', label: '创业项目', children: dash(l.venture) },
    { key: 'disbursed', label: '放款日期', children: showDate(l.disbursedOn) },
    { key: 'due', label: '到期日期', children: showDate(l.dueOn) },
  ];
}

export function contractItems(c: Contract): Items {
  return [
    { key: 'enterprise', label: '企业名称', span: 2, children: c.enterprise },
    { key: 'type', label: '合同类型', children: c.type },
    { key: 'workers', label: '覆盖职工人数', children: c.workers },
    { key: 'signed', label: '签订日期', children: showDate(c.signedOn) },
    { key: 'expires', label: '到期日期', children: showDate(c.expiresOn) },
  ];
}

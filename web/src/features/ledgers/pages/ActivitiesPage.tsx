import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { activityTypes } from '../../../../../src/domain/ledgers/catalogs';
import { showDate } from '../../../ui/dates';
import { useListParams } from '../../../ui/use-list-params';
import type { Activity } from '../api';
import { CatalogSelect } from '../components/CatalogSelect';
import { LedgerList } from '../components/LedgerList';

const columns: TableColumnsType<Activity> = [
  { title: '活动名称', dataIndex: 'name', fixed: 'left', width: 180, render: (v: string, r) => <Link to={`/activities/${r.id}`}>{v}</Link> },
  { title: '类型', dataIndex: 'type', width: 90, render: (v: string) => <Tag>{v}</Tag> },
  { title: '开始日期', dataIndex: 'startOn', width: 130, render: (v: string) => showDate(v) },
  { title: '地点', dataIndex: 'place', width: 140, render: (v: string | null) => v ?? '—' },
  { title: '场次', dataIndex: 'sessions', width: 70, align: 'right' },
  { title: '参与人次', dataIndex: 'participants', width: 90, align: 'right' },
  {
    title: '联合单位',
    dataIndex: 'partners',
    width: 180,
    render: (ps: Activity['partners']) => (ps?.length ? ps.map((p) => <Tag key={p.name}>{p.name}</Tag>) : '—'),
  },
  { title: '主办单位', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '—' },
];

export function ActivitiesPage() {
  const list = useListParams(['type']);
  return (
    <LedgerList
      ledger="activities"
      title="活动台账"
      list={list}
      columns={columns}
      countUnit="项活动"
      searchPlaceholder="活动名称或地点"
      filters={
        <CatalogSelect
          testId="filter-type"
          catalog="activity_type"
          builtins={activityTypes}
          orgId={list.orgId}
          placeholder="全部类型"
          value={list.get('type')}
          onChange={(v) => list.update({ type: v })}
          style={{ width: 150, maxWidth: '100%' }}
        />
      }
    />
  );
}

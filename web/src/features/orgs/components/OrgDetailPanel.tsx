import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, Spin, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { showDate } from '../../../ui/dates';
import { useRequest } from '../../../ui/use-request';
import { getOrg, type OrgDetail } from '../api';
import { DesignationsPanel } from './DesignationsPanel';

interface Props {
  id: string;
  /** Bumped by the page after an edit so the panel reloads. */
  version: number;
  canWrite: boolean;
  onSelect: (id: string) => void;
  onAddChild: (org: OrgDetail) => void;
  onEdit: (org: OrgDetail) => void;
}

function items(o: OrgDetail): DescriptionsProps['items'] {
  return [
    { key: 'code', label: '单位代码', children: <span style={{ fontFamily: 'monospace' }}>{o.code}</span> },
    { key: 'kind', label: '单位类型', children: o.kindLabel },
    { key: 'level', label: '层级', children: o.levelLabel },
    { key: 'division', label: '行政区划代码', children: o.divisionCode || '—' },
    { key: 'est', label: '成立日期', children: showDate(o.establishedOn) },
    { key: 'dis', label: '撤销日期', children: o.dissolvedOn ? <Tag color="default">{showDate(o.dissolvedOn)}</Tag> : '—' },
    { key: 'children', label: '直属下级单位', children: `${o.childCount} 个` },
  ];
}

export function OrgDetailPanel({ id, version, canWrite, onSelect, onAddChild, onEdit }: Props) {
  const { data: org, loading } = useRequest(() => getOrg(id), [id, version]);
  if (loading && !org) return <Spin style={{ display: 'block', padding: 32 }} />;
  if (!org) return <Empty description="单位不存在或无权访问" />;

  const crumbs = [...(org.path ?? []).filter((p) => p.id !== org.id), { id: org.id, name: org.name }];
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Breadcrumb
            items={crumbs.map((p) => ({
              key: p.id,
              title: p.id === org.id ? p.name : <a onClick={() => onSelect(p.id)}>{p.name}</a>,
            }))}
          />
        }
        extra={
          canWrite ? (
            <Flex gap={8} wrap>
              <Button size="small" data-testid="org-add-child" onClick={() => onAddChild(org)}>
                添加下级单位
              </Button>
              <Button size="small" type="primary" data-testid="org-edit" onClick={() => onEdit(org)}>
                编辑
              </Button>
            </Flex>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items(org)} />
      </Card>
      <DesignationsPanel orgId={org.id} canWrite={canWrite} />
    </Flex>
  );
}

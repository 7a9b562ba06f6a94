import { App, Button, Card, Col, Empty, Menu, Row, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchBox } from '../../../ui/SearchBox';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useRequest } from '../../../ui/use-request';
import { listOrgs, type Org } from '../api';
import { OrgDetailPanel } from '../components/OrgDetailPanel';
import { OrgFormModal, type OrgFormTarget } from '../components/OrgFormModal';
import { OrgTree, type OrgTreeHandle } from '../components/OrgTree';

/** Unit administration: the tree on the left, the chosen unit and its designations on the right. */
export function OrgsPage() {
  const { can } = useAuth();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const selectedId = params.get('id');
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<OrgFormTarget | null>(null);
  const [version, setVersion] = useState(0);
  const tree = useRef<OrgTreeHandle>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const isMobile = useIsMobile();
  const canWrite = can('org.write');
  const isGlobal = user.grants.some((g) => g.orgId === null);
  const found = useRequest(() => listOrgs({ q, pageSize: 50 }), [q], q !== '');

  const select = (id: string | null) => {
    setParams(id ? { id } : {});
    // on a phone the details sit below the tree: bring them into view
    if (id && isMobile) requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const onSaved = (org: Org, previousParentId: string | null) => {
    const created = target?.mode === 'create';
    setTarget(null);
    void message.success(created ? `已添加：${org.name}` : '已保存');
    void tree.current?.reload(previousParentId);
    if (org.parentId !== previousParentId) void tree.current?.reload(org.parentId);
    setVersion((v) => v + 1);
    select(org.id);
  };

  return (
    <>
      <PageHeader
        title="组织管理"
        extra={
          canWrite ? (
            <>
              <Button data-testid="orgs-import" onClick={() => navigate('/setup/import/orgs')}>从 Excel 导入</Button>
              {isGlobal ? <Button onClick={() => setTarget({ mode: 'create', parent: null })}>添加顶级单位</Button> : null}
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} xl={7}>
          <Card size="small" title="单位树">
            <div style={{ marginBottom: 8 }}>
              <SearchBox testId="org-search" placeholder="按名称查找单位" width={400} onSearch={setQ} />
            </div>
            {q ? <SearchResults loading={found.loading} items={found.data?.items ?? []} selectedId={selectedId} onSelect={select} /> : null}
            <div style={{ display: q ? 'none' : undefined, maxHeight: '70vh', overflow: 'auto' }}>
              <OrgTree ref={tree} selectedId={selectedId} onSelect={(o) => o && select(o.id)} />
            </div>
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17} ref={detailRef}>
          {selectedId ? (
            <OrgDetailPanel
              id={selectedId}
              version={version}
              canWrite={canWrite}
              onSelect={select}
              onAddChild={(o) => setTarget({ mode: 'create', parent: { id: o.id, name: o.name } })}
              onEdit={(o) => setTarget({ mode: 'edit', org: o })}
            />
          ) : (
            <Card>
              <Empty description={isMobile ? '请在上方选择一个单位' : '请在左侧选择一个单位'} />
            </Card>
          )}
        </Col>
      </Row>
      <OrgFormModal target={target} onClose={() => setTarget(null)} onSaved={onSaved} />
    </>
  );
}

function SearchResults({ loading, items, selectedId, onSelect }: { loading: boolean; items: Org[]; selectedId: string | null; onSelect: (id: string) => void }) {
  if (loading) return <Spin style={{ display: 'block', padding: 16 }} />;
  if (items.length === 0) return <Empty description="没有匹配的单位" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 'none' }}
      selectedKeys={selectedId ? [selectedId] : []}
      onClick={(info) => onSelect(info.key)}
      items={items.map((o) => ({ key: o.id, label: `${o.name}（${o.kindLabel}）`, title: o.name }))}
    />
  );
}

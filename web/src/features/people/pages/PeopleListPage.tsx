import { Button, Flex, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { ExportButton } from '../../../ui/ExportButton';
import { PageHeader } from '../../../ui/PageHeader';
import { SearchBox } from '../../../ui/SearchBox';
import { useRequest } from '../../../ui/use-request';
import { exportUrl } from '../../ledgers/api';
import { listPeople } from '../api';
import { CategorySelect } from '../components/CategorySelect';
import { PeopleTable } from '../components/PeopleTable';

/** The people list; every filter lives in the URL so a filtered list can be bookmarked or shared. */
export function PeopleListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? undefined;
  const orgId = params.get('orgId') ?? undefined;
  const orgName = params.get('orgName');
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;

  const { data, loading } = useRequest(
    () => listPeople({ q: q || undefined, category, orgId, page, pageSize }),
    [q, category, orgId, page, pageSize],
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title="人员管理"
        extra={
          <>
            <ExportButton href={exportUrl('/people', { q: q || undefined, category, orgId })} testId="people-export" />
            {can('person.write') ? <Button type="primary" onClick={() => navigate('/people/new')}>新增人员</Button> : null}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <SearchBox
          testId="people-search"
          value={q}
          placeholder="输入姓名或完整身份证号"
          onSearch={(v) => update({ q: v || undefined, page: undefined })}
        />
        <CategorySelect
          value={category}
          onChange={(v) => update({ category: typeof v === 'string' ? v : undefined, page: undefined })}
          placeholder="全部类别"
          style={{ width: 180, maxWidth: '100%' }}
        />
        {orgId ? (
          <Tag closable color="red" onClose={() => update({ orgId: undefined, orgName: undefined, page: undefined })} style={{ alignSelf: 'center', padding: '4px 8px' }}>
            单位：{orgName ?? '已选单位'}
          </Tag>
        ) : null}
      </Flex>
      <PeopleTable
        rows={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={loading}
        onPage={(p, size) => update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined })}
      />
    </>
  );
}

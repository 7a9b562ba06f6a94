import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { ExportButton } from '../../../ui/ExportButton';
import { ListFilters } from '../../../ui/ListFilters';
import { PageHeader } from '../../../ui/PageHeader';
import type { ListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { exportUrl, listLedger, type LedgerName, type LedgerRecords } from '../api';
import { LedgerSwitch } from './LedgerSwitch';
import { BatchBar } from '../../batch-actions/BatchBar';
import { PrintButton } from '../../../ui/print';
import { ledgerPrintDocument } from './ledger-print';

interface Props<L extends LedgerName> {
  ledger: L;
  title: string;
  list: ListParams;
  columns: TableColumnsType<LedgerRecords[L]>;
  searchPlaceholder: string;
  /** The ledger's own filter selects. */
  filters?: ReactNode;
  countUnit: string;
  scrollX?: number;
}

/** A ledger list: filters in the URL, server-side paging, 导出 Excel of exactly these filters. */
export function LedgerList<L extends LedgerName>({ ledger, title, list, columns, searchPlaceholder, filters, countUnit, scrollX = 1000 }: Props<L>) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const key = JSON.stringify(list.query);
  const { data, loading, reload } = useRequest(() => listLedger(ledger, list.query), [ledger, key]);
  // 批量操作: the selected ids (kept across pages; cleared when the filters change)
  const { page: _page, pageSize: _pageSize, ...listFilters } = list.query;
  const filterKey = JSON.stringify(listFilters);
  const [selected, setSelected] = useState<string[]>([]);
  const [selectedFor, setSelectedFor] = useState(filterKey);
  if (selectedFor !== filterKey) {
    setSelectedFor(filterKey);
    setSelected([]);
  }
  const writable = can('ledger.write');

  return (
    <>
      <LedgerSwitch current={ledger} />
      <PageHeader
        title={title}
        extra={
          <>
            <PrintButton testId={`${ledger}-print`} document={() => ledgerPrintDocument(ledger, title, list, columns)} />
            <ExportButton href={exportUrl(`/${ledger}`, list.query)} testId={`${ledger}-export`} />
            {can('ledger.write') ? (
              <Button type="primary" data-testid={`${ledger}-new`} onClick={() => navigate(`/${ledger}/new`)}>
                新增
              </Button>
            ) : null}
          </>
        }
      />
      <ListFilters list={list} searchPlaceholder={searchPlaceholder}>
        {filters}
      </ListFilters>
      {writable ? (
        <BatchBar ledger={ledger} query={list.query} total={data?.total ?? 0} selected={selected} onSelect={setSelected} onChanged={reload} />
      ) : null}
      <div data-testid={`${ledger}-table`}>
        <Table<LedgerRecords[L]>
          rowKey="id"
          size="middle"
          rowSelection={
            writable
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys.map(String)),
                }
              : undefined
          }
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: scrollX }}
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} ${countUnit}`,
            onChange: (p, size) => list.update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
          }}
        />
      </div>
    </>
  );
}

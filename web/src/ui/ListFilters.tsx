import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { knownOrgName } from '../features/orgs/api';
import { OrgPicker } from '../features/orgs/components/OrgPicker';
import { PeriodPicker } from './PeriodPicker';
import { SearchBox } from './SearchBox';
import type { ListParams } from './use-list-params';

interface Props {
  list: ListParams;
  searchPlaceholder?: string;
  /** Show the 起止日期 picker (the ledger's own date). */
  period?: boolean;
  children?: ReactNode;
}

/** The filter bar of a list: unit (subtree), 起止日期, the list's own selects, and search. */
export function ListFilters({ list, searchPlaceholder, period = true, children }: Props) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="list-filters">
      <div data-testid="unit-filter" style={{ width: 240, maxWidth: '100%' }}>
        <OrgPicker
          value={list.orgId}
          placeholder="全部单位（本级及下级）"
          style={{ width: '100%' }}
          onChange={(id) => list.update({ orgId: id, orgName: id ? knownOrgName(id) : undefined })}
        />
      </div>
      {period ? <PeriodPicker testId="list-period" from={list.from} to={list.to} onChange={(from, to) => list.update({ from, to })} /> : null}
      {children}
      {searchPlaceholder !== undefined ? (
        <SearchBox testId="list-search" width={280} value={list.get('q') ?? ''} placeholder={searchPlaceholder} onSearch={(v) => list.update({ q: v || undefined })} />
      ) : null}
    </Flex>
  );
}

/** A select filter bound to one URL key. */
export function selectProps(list: ListParams, key: string, placeholder: string, values: readonly string[]) {
  return {
    allowClear: true,
    placeholder,
    value: list.get(key),
    options: values.map((v) => ({ value: v, label: v })),
    style: { width: 150, maxWidth: '100%' },
    onChange: (v: string | undefined) => list.update({ [key]: v }),
  };
}

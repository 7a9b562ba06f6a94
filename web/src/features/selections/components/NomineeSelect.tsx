import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { http } from '../../../ui/http';
import type { NomineeType } from '../api';

type Item = { id: string; name?: string; personName?: string | null; venture?: string | null; idMasked?: string; orgName?: string };
const sources: Record<Exclude<NomineeType, 'unit'>, { path: string; label: (x: Item) => string }> = {
  person: { path: '/people', label: (x) => `${x.name ?? ''}${x.idMasked ? `（${x.idMasked}）` : ''}` },
  household: { path: '/households', label: (x) => `${x.name ?? ''}${x.orgName ? ` · ${x.orgName}` : ''}` },
  loan: { path: '/loans', label: (x) => `${x.personName ?? ''}${x.venture ? `（${x.venture}）` : ''}` },
};

/** Finds a person, household or loan of the registry by name (searches as the user types), under the unit `orgId` only. */
export function NomineeSelect({ type, orgId, value, onChange }: { type: Exclude<NomineeType, 'unit'>; orgId?: string; value?: string; onChange?: (v: string) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const search = (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    const src = sources[type];
    if (!orgId) {
      setOptions([]);
      setLoading(false);
      return;
    }
    http.get<{ items: Item[] }>(src.path, { q, pageSize: 20, orgId }).then(
      (r) => mine === seq.current && setOptions(r.items.map((x) => ({ value: x.id, label: src.label(x) }))),
      () => mine === seq.current && setOptions([]),
    ).finally(() => mine === seq.current && setLoading(false));
  };
  useEffect(() => search(''), [type, orgId]);
  return <Select showSearch={{ filterOption: false, onSearch: search }} disabled={!orgId} value={value} onChange={onChange} options={options} loading={loading} placeholder="输入姓名搜索" notFoundContent={loading ? '搜索中…' : '推荐单位下没有找到'} />;
}

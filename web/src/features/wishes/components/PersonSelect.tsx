import { Select } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { listPeople, type PersonRow } from '../../people/api';

/** Picks a person of the registry in the caller's scope: type part of a name (or a full ID number). */
export function PersonSelect({ value, onChange, placeholder = '输入姓名搜索人员', style, testId }: { value?: string; onChange?: (id: string | undefined) => void; placeholder?: string; style?: CSSProperties; testId?: string }) {
  const [options, setOptions] = useState<PersonRow[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const search = (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    listPeople({ q: q || undefined, page: 1, pageSize: 20 }).then(
      (r) => mine === seq.current && (setOptions(r.items), setLoading(false)),
      () => mine === seq.current && setLoading(false),
    );
  };
  useEffect(() => search(''), []);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder}
      loading={loading}
      style={style}
      data-testid={testId}
      options={options.map((p) => ({ value: p.id, label: `${p.name}（${p.idNumber}${p.orgName ? `，${p.orgName}` : ''}）` }))}
      notFoundContent={loading ? '搜索中…' : '没有找到，请先在人员管理中登记'}
    />
  );
}

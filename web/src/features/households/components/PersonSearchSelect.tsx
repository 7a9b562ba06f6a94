import { Select } from 'antd';
import { useRef, useState } from 'react';
import { listPeople, type PersonRow } from '../../people/api';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** The label of the current value before any search (e.g. the head's name when editing). */
  initialLabel?: string;
  testId?: string;
  placeholder?: string;
}

/** Picks a person from the registry by name or full ID number (like the ledgers' person picker). */
export function PersonSearchSelect({ value, onChange, initialLabel, testId = 'person-search', placeholder = '输入姓名或完整身份证号' }: Props) {
  const [found, setFound] = useState<PersonRow[]>([]);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);

  const search = (text: string) => {
    const mine = ++seq.current;
    if (!text.trim()) return setFound([]);
    setSearching(true);
    listPeople({ q: text.trim(), page: 1, pageSize: 20 }).then(
      (r) => mine === seq.current && (setFound(r.items), setSearching(false)),
      () => mine === seq.current && setSearching(false),
    );
  };

  const options = found.map((p) => ({ value: p.id, label: `${p.name}　${p.idNumber}${p.orgName ? `　${p.orgName}` : ''}` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });

  return (
    <Select
      data-testid={testId}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={searching}
      placeholder={placeholder}
      notFoundContent={searching ? '正在查找…' : '没有找到，请换个关键字'}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

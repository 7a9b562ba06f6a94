import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useRequest } from '../../../ui/use-request';
import { listCategories } from '../api';

interface Props {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  /** `tags` lets a clerk type a category the county does not have yet. */
  mode?: 'multiple' | 'tags';
  placeholder?: string;
  style?: CSSProperties;
}

/** Person categories (人员类别): the built-in ones and those units added. */
export function CategorySelect({ value, onChange, mode, placeholder = '人员类别', style }: Props) {
  const { data, loading } = useRequest(listCategories, []);
  const options = (data?.items ?? []).map((c) => ({ value: c.name, label: c.name }));
  return (
    <Select
      mode={mode}
      allowClear
      showSearch
      loading={loading}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      style={style}
      tokenSeparators={mode === 'tags' ? ['、', '，', ',', ';', '；', ' ', '\u3000'] : undefined}
    />
  );
}

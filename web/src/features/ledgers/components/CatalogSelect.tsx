import { AutoComplete, Select } from 'antd';
import type { CSSProperties } from 'react';
import { useRequest } from '../../../ui/use-request';
import { listCatalog, type CatalogName } from '../api';

interface Props {
  catalog: CatalogName;
  /** Shown when the catalogue cannot be loaded. */
  builtins: readonly string[];
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  /** A form field: the clerk may type an entry the unit does not have yet. */
  free?: boolean;
  orgId?: string;
  style?: CSSProperties;
  testId?: string;
}

/** Activity types, assistance programs, funders: the built-ins plus the unit's own. */
export function CatalogSelect({ catalog, builtins, value, onChange, placeholder, free, orgId, style, testId }: Props) {
  const { data } = useRequest(() => listCatalog(catalog, orgId).catch(() => [...builtins]), [catalog, orgId]);
  const options = (data ?? builtins).map((v) => ({ value: v, label: v }));
  if (free) {
    return (
      <AutoComplete
        data-testid={testId}
        value={value}
        onChange={(v: string) => onChange?.(v)}
        options={options}
        placeholder={placeholder}
        showSearch={{ filterOption: true }}
        allowClear
        style={style}
      />
    );
  }
  return <Select data-testid={testId} allowClear showSearch value={value} onChange={onChange} options={options} placeholder={placeholder} style={style} />;
}

import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listChildren, type Org } from '../../orgs/api';

interface Props {
  /** the launching unit; none: the caller's own unit */
  parentId?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}

/** The township-level units directly under the launching unit; none picked means all of them (the server's default). */
export function TownshipSelect({ parentId, value, onChange }: Props) {
  const [options, setOptions] = useState<Org[]>([]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const parent = parentId ?? (await listChildren(null))[0]?.id;
      const units = parent ? await listChildren(parent) : [];
      if (live) setOptions(units.filter((u) => u.level === 'township' && !u.dissolvedOn));
    };
    load().catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [parentId]);
  return (
    <Select
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      placeholder="不选则为发起单位下属的全部乡镇级单位"
      options={options.map((o) => ({ label: o.name, value: o.id }))}
      optionFilterProp="label"
      style={{ width: '100%' }}
    />
  );
}

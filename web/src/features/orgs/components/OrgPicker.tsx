import { TreeSelect } from 'antd';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { getOrg, knownOrgName, listChildren, listOrgs, type Org } from '../api';

interface PickNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toPick = (o: Org): PickNode => ({ id: o.id, pId: o.parentId, value: o.id, title: o.name, isLeaf: o.childCount === 0 });

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  /** Units that may not be picked, e.g. a unit itself and its subtree when moving it. */
  excludeId?: string;
  /** Only this unit and its subtree (browsed from it, searched within it). */
  rootId?: string;
  style?: CSSProperties;
}

/** Picks a unit of the caller's scope: browse the tree level by level, or type to search by name. */
export function OrgPicker({ value, onChange, placeholder = '请选择单位', disabled, allowClear = true, excludeId, rootId, style }: Props) {
  const [tree, setTree] = useState<PickNode[]>([]);
  const [found, setFound] = useState<PickNode[] | null>(null);
  const [label, setLabel] = useState<string | undefined>(value ? knownOrgName(value) : undefined);
  const [loading, setLoading] = useState(false);
  const searchSeq = useRef(0);

  useEffect(() => {
    if (rootId) getOrg(rootId).then((o) => setTree([{ ...toPick(o), pId: null }]), () => setTree([]));
    else listChildren(null).then((roots) => setTree(roots.map(toPick)), () => setTree([]));
  }, [rootId]);

  // label a value that was set from outside (an existing record) before its branch was opened
  useEffect(() => {
    if (!value) return setLabel(undefined);
    const known = knownOrgName(value);
    if (known) return setLabel(known);
    let live = true;
    getOrg(value).then((o) => live && setLabel(o.name), () => live && setLabel(undefined));
    return () => {
      live = false;
    };
  }, [value]);

  const loadData = async (node: { value?: string | number | null }) => {
    const id = String(node.value);
    if (tree.some((n) => n.pId === id)) return;
    const kids = (await listChildren(id)).map(toPick);
    setTree((prev) => [...prev, ...kids.filter((k) => !prev.some((p) => p.id === k.id))]);
  };

  const onSearch = (text: string) => {
    const mine = ++searchSeq.current;
    if (!text.trim()) {
      setFound(null);
      return;
    }
    setLoading(true);
    listOrgs({ q: text.trim(), pageSize: 50, under: rootId }).then(
      (res) => {
        if (mine !== searchSeq.current) return;
        setFound(res.items.map((o) => ({ ...toPick(o), pId: null, isLeaf: true })));
        setLoading(false);
      },
      () => mine === searchSeq.current && setLoading(false),
    );
  };

  const data = (found ?? tree).map((n) => ({ ...n, disabled: n.id === excludeId }));
  return (
    <TreeSelect
      style={{ width: '100%', ...style }}
      treeDataSimpleMode
      treeData={data}
      loadData={found ? undefined : loadData}
      labelInValue
      value={value ? { value, label: label ?? knownOrgName(value) ?? '…' } : undefined}
      onChange={(v: { value: string; label?: ReactNode } | undefined) => {
        setFound(null);
        if (v?.value) setLabel(typeof v.label === 'string' ? v.label : knownOrgName(v.value));
        onChange?.(v?.value);
      }}
      showSearch={{ onSearch, filterTreeNode: false }}
      loading={loading}
      placeholder={placeholder}
      disabled={disabled}
      allowClear={allowClear}
      notFoundContent={loading ? '正在查找…' : '没有匹配的单位'}
    />
  );
}

import { Empty, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useCallback, useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { useApiError } from '../../../ui/use-api-error';
import { listChildren, type Org } from '../api';

interface OrgNode extends TreeDataNode {
  key: string;
  org: Org;
  children?: OrgNode[];
}

export interface OrgTreeHandle {
  /** Reloads the children of a unit (null: the root units) and expands it. */
  reload: (parentId: string | null) => Promise<void>;
}

function toNode(org: Org): OrgNode {
  return {
    key: org.id,
    org,
    isLeaf: org.childCount === 0,
    title: (
      <span>
        {org.name}
        {org.dissolvedOn ? <Typography.Text type="secondary">（已撤销）</Typography.Text> : null}
      </span>
    ),
  };
}

function setChildren(nodes: OrgNode[], key: string, children: OrgNode[]): OrgNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, isLeaf: children.length === 0, children };
    if (n.children) return { ...n, children: setChildren(n.children, key, children) };
    return n;
  });
}

interface Props {
  selectedId?: string | null;
  onSelect: (org: Org | null) => void;
  ref?: Ref<OrgTreeHandle>;
  /** Clicking the selected unit again clears the selection (a filter), or keeps it (an admin tree). */
  toggle?: boolean;
}

/** The unit tree of the caller's scope, loading each level only when it is opened. */
export function OrgTree({ selectedId, onSelect, ref, toggle = false }: Props) {
  const [nodes, setNodes] = useState<OrgNode[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const showError = useApiError();

  const reload = useCallback(
    async (parentId: string | null) => {
      try {
        const children = (await listChildren(parentId)).map(toNode);
        if (parentId === null) {
          setNodes(children);
          setLoadedKeys([]);
          // a user with one root unit sees its first level straight away
          if (children.length === 1 && !children[0].isLeaf) setExpanded([children[0].key]);
          return;
        }
        setNodes((prev) => setChildren(prev ?? [], parentId, children));
        setLoadedKeys((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
        setExpanded((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
      } catch (e) {
        showError(e);
        if (parentId === null) setNodes([]);
      }
    },
    [showError],
  );

  useImperativeHandle(ref, () => ({ reload }), [reload]);

  useEffect(() => {
    void reload(null);
  }, [reload]);

  const loadData = async (node: OrgNode) => {
    if (node.children) return;
    await reload(node.key);
  };

  if (nodes === null) return <Spin style={{ display: 'block', padding: 16 }} />;
  if (nodes.length === 0) return <Empty description="暂无可访问的单位" image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  return (
    <div data-testid="org-tree">
      <Tree<OrgNode>
        blockNode
        treeData={nodes}
        loadData={loadData}
        loadedKeys={loadedKeys}
        onLoad={(keys) => setLoadedKeys(keys.map(String))}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_, info) => {
          if (info.selected) onSelect(info.node.org);
          else if (toggle) onSelect(null);
        }}
      />
    </div>
  );
}

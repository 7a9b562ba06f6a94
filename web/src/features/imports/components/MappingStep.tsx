import { Alert, Button, Checkbox, Flex, Input, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ColumnMapping, MappingInfo } from '../api';

interface Props {
  info: MappingInfo;
  /** the mapping in effect (from an earlier pass of this step), else the file's matches and the suggestions */
  initial: ColumnMapping | null;
  defaultName: string;
  busy: boolean;
  onApply: (mapping: ColumnMapping, saveAs: string | null) => void;
  onRestart: () => void;
}

const skip = '';

/** The file's matches and the server's suggestions, as the starting point. */
function startingMapping(info: MappingInfo): ColumnMapping {
  const out: ColumnMapping = {};
  for (const c of info.columns) out[c.header] = c.field ?? c.suggested;
  return out;
}

/**
 * 列对应: each column of the clerk's own ledger with its first values, and the ledger item it
 * fills (suggested by its header and its values) or 不导入. The required items still without a
 * column are named; the mapping can be saved for the next file with the same headers.
 */
export function MappingStep({ info, initial, defaultName, busy, onApply, onRestart }: Props) {
  const [mapping, setMapping] = useState<ColumnMapping>(() => ({ ...startingMapping(info), ...initial }));
  const [save, setSave] = useState(true);
  const [name, setName] = useState(defaultName);
  const chosen = new Set(Object.values(mapping).filter((v): v is string => Boolean(v)));
  const missing = info.fields.filter((f) => f.required && !chosen.has(f.key)).map((f) => f.label);
  const options = [
    { value: skip, label: '不导入此列' },
    ...info.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
  ];

  const choose = (header: string, key: string) => {
    setMapping((m) => {
      const next: ColumnMapping = {};
      // one column per item: choosing it here takes it from the column that had it
      for (const [h, v] of Object.entries(m)) next[h] = key && v === key ? null : v;
      next[header] = key || null;
      return next;
    });
  };

  return (
    <div data-testid="import-mapping">
      <Alert
        type={info.missing.length ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={info.missing.length ? '表头与模板不一致，请指定各列对应的项目' : '核对各列对应的项目'}
        description={
          <>
            下面是文件第 {info.headerRow} 行表头中的各列和每列的前几个值。请为每一列选择它对应的台账项目，不需要的列选“不导入此列”。
            {info.missing.length ? `模板中的必填项“${info.missing.join('、')}”在表头中没有找到。` : ''}
          </>
        }
      />
      <List
        bordered
        size="small"
        style={{ marginBottom: 16 }}
        dataSource={info.columns}
        renderItem={(c) => {
          const value = mapping[c.header] ?? skip;
          const suggested = !c.field && c.suggested && value === c.suggested;
          return (
            <List.Item data-testid="import-mapping-col" data-header={c.header}>
              <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
                <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                  <Typography.Text strong>
                    第 {c.index} 列：{c.header}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                      {c.samples.filter(Boolean).length ? `前几行：${c.samples.filter(Boolean).join('、')}` : '前几行为空'}
                    </Typography.Text>
                  </div>
                </div>
                <Flex vertical gap={4} style={{ flex: '1 1 200px', maxWidth: 320 }}>
                  <Select
                    data-testid={`import-mapping-select-${c.index}`}
                    aria-label={`“${c.header}”对应的项目`}
                    value={value}
                    options={options}
                    onChange={(v: string) => choose(c.header, v)}
                    disabled={busy}
                    style={{ width: '100%' }}
                  />
                  {suggested ? (
                    <span>
                      <Tag color="blue">建议</Tag>
                      <Typography.Text type="secondary">{c.reason}</Typography.Text>
                    </span>
                  ) : c.field && value === c.field ? (
                    <span>
                      <Tag color="green">{info.saved ? '按保存的列对应' : '按列名识别'}</Tag>
                    </span>
                  ) : null}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
      {missing.length ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="import-mapping-missing" title={`还缺少必填项：${missing.join('、')}`} description="请为这些项目各选一列；表中确实没有的，请补上该列后重新上传。" />
      ) : null}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Checkbox data-testid="import-mapping-save" checked={save} onChange={(e) => setSave(e.target.checked)} disabled={busy}>
          导入时保存这套列对应，本单位下次导入同样表头的文件时自动使用
        </Checkbox>
        {save ? (
          <Input data-testid="import-mapping-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={50} placeholder="列对应的名称，如：东风镇救助台账" style={{ maxWidth: 360 }} disabled={busy} addonBefore="名称" />
        ) : null}
      </Flex>
      <Flex wrap gap={8}>
        <Button type="primary" data-testid="import-mapping-apply" disabled={missing.length > 0 || (save && !name.trim())} loading={busy} onClick={() => onApply(mapping, save ? name.trim() : null)}>
          按此对应预览
        </Button>
        <Button disabled={busy} onClick={onRestart}>
          重新选择文件
        </Button>
      </Flex>
    </div>
  );
}

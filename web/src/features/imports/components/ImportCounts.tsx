import { Col, Row, Statistic } from 'antd';
import type { ImportResult } from '../api';

/** 行数 / 可导入 / 错误 / 重复, exactly as the server counted them. */
export function ImportCounts({ result, acceptedLabel = '可导入' }: { result: ImportResult; acceptedLabel?: string }) {
  const items = [
    { key: 'rows', title: '行数', value: result.rows, color: undefined },
    { key: 'accepted', title: acceptedLabel, value: result.accepted, color: '#389e0d' },
    { key: 'rejected', title: '错误', value: result.rejected, color: result.rejected ? '#cf1322' : undefined },
    { key: 'duplicates', title: '重复', value: result.duplicates, color: result.duplicates ? '#d48806' : undefined },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="import-counts">
      {items.map((i) => (
        <Col key={i.key} xs={12} md={6}>
          <Statistic title={i.title} value={i.value} styles={{ content: { color: i.color } }} data-testid={`import-count-${i.key}`} />
        </Col>
      ))}
    </Row>
  );
}

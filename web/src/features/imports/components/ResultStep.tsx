import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { kindLabels, type ImportResult } from '../api';
import { ImportCounts } from './ImportCounts';

const listPath: Partial<Record<ImportResult['kind'], string>> = {
  people: '/people',
  activities: '/activities',
  assistance: '/assistance',
  loans: '/loans',
  contracts: '/contracts',
};

/** Step 3: what was written, under which batch (the batch can be undone on 导入记录). */
export function ResultStep({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const navigate = useNavigate();
  const to = listPath[result.kind];
  return (
    <div data-testid="import-result">
      <Result
        status={result.accepted > 0 ? 'success' : 'info'}
        title={result.accepted > 0 ? `已导入 ${result.accepted} 条${kindLabels[result.kind] ?? ''}记录` : '没有写入新记录'}
        subTitle={
          <>
            批次号：<span data-testid="import-batch-id">{result.batchNumber ?? '—'}</span>
            {result.rejected ? `；${result.rejected} 行有错误未导入` : ''}
            {result.duplicates ? `；${result.duplicates} 行与已有记录相同，已跳过` : ''}
          </>
        }
        extra={[
          to ? (
            <Button key="list" type="primary" onClick={() => navigate(to)}>
              查看台账
            </Button>
          ) : null,
          <Button key="batches" onClick={() => navigate('/imports/batches')}>
            导入记录
          </Button>,
          <Button key="again" onClick={onAgain}>
            继续导入
          </Button>,
        ]}
      />
      <ImportCounts result={result} acceptedLabel="已导入" />
    </div>
  );
}

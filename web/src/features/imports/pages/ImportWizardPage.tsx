import { Button, Card, Grid, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ledgerKinds, type LedgerKind } from '../../../../../src/domain/ledgers/catalogs';
import { PageHeader } from '../../../ui/PageHeader';
import { useApiError } from '../../../ui/use-api-error';
import { cancelUpload, type ColumnMapping, commitUpload, previewUpload, uploadForPreview, type ImportResult } from '../api';
import { MappingStep } from '../components/MappingStep';
import { PreviewStep } from '../components/PreviewStep';
import { ResultStep } from '../components/ResultStep';
import { UploadStep } from '../components/UploadStep';

/**
 * 数据导入: upload → 列对应 (only when the headers are not the template's, or on request) → preview
 * (a dry run: nothing written) → confirm → result with the batch id.
 */
export function ImportWizardPage() {
  const navigate = useNavigate();
  // four steps side by side leave a phone too narrow for their titles: titles go under the numbers
  const wide = Grid.useBreakpoint().md !== false;
  const showError = useApiError();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind') as LedgerKind | null;
  // The kind lives in component state (an urgent update, applied before the next event) and is
  // mirrored into the address. Reading it back from the address alone raced: the router applies
  // search-param changes in a transition, so a file dropped right after choosing 帮扶救助 could
  // still be uploaded as 活动 (the CI failure "找不到表头（应包含“活动名称”…）").
  const [kind, setKind] = useState<LedgerKind>(kindParam && ledgerKinds.includes(kindParam) ? kindParam : 'activities');
  const [orgId, setOrgId] = useState<string>();
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [committing, setCommitting] = useState<'all' | 'valid' | null>(null);
  const [fileName, setFileName] = useState('');
  // the clerk's column mapping (sent with the preview, the commit and the error workbook) and its name to save
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [saveAs, setSaveAs] = useState<string | null>(null);
  const [mapStep, setMapStep] = useState(false);
  const [mappingBusy, setMappingBusy] = useState(false);

  const restart = () => {
    // leaving a preview unconfirmed cancels it: the stored upload is deleted now, not after 24 hours
    if (preview && !done) cancelUpload(preview.uploadId).catch(showError);
    setPreview(null);
    setDone(null);
    setProgress(null);
    setMapping(null);
    setSaveAs(null);
    setMapStep(false);
  };

  const upload = async (file: File) => {
    setProgress(0);
    try {
      const result = await uploadForPreview(kind, file, orgId, setProgress);
      setFileName(file.name.replace(/\.xlsx$/i, ''));
      setPreview(result);
      setMapStep(Boolean(result.mapping?.missing.length));
    } catch (e) {
      showError(e);
    } finally {
      setProgress(null);
    }
  };

  const commit = async (acceptValid: boolean) => {
    if (!preview) return;
    setCommitting(acceptValid ? 'valid' : 'all');
    try {
      setDone(await commitUpload(preview.uploadId, acceptValid, mapping, saveAs));
    } catch (e) {
      showError(e);
    } finally {
      setCommitting(null);
    }
  };

  const applyMapping = async (next: ColumnMapping, name: string | null) => {
    if (!preview) return;
    setMappingBusy(true);
    try {
      const result = await previewUpload(preview.uploadId, next);
      setMapping(next);
      setSaveAs(name);
      setPreview(result);
      setMapStep(Boolean(result.mapping?.missing.length));
    } catch (e) {
      showError(e);
    } finally {
      setMappingBusy(false);
    }
  };

  const step = done ? 3 : preview ? (mapStep ? 1 : 2) : 0;
  return (
    <>
      <PageHeader title="数据导入" sub="Excel 台账导入：先预览核对，确认后写入；每次导入是一个批次，可整批撤销" extra={<Button onClick={() => navigate('/imports/batches')}>导入记录</Button>} />
      <Steps
        current={step}
        status={done ? 'finish' : 'process'}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: '上传文件' }, { title: '列对应' }, { title: '预览核对' }, { title: '完成' }]}
        responsive={false}
        titlePlacement={wide ? 'horizontal' : 'vertical'}
      />
      <Card>
        {done ? (
          <ResultStep result={done} onAgain={restart} />
        ) : preview && mapStep && preview.mapping ? (
          <MappingStep info={preview.mapping} initial={mapping} defaultName={fileName} busy={mappingBusy} onApply={(m, n) => void applyMapping(m, n)} onRestart={restart} />
        ) : preview ? (
          <PreviewStep
            result={preview}
            mapping={mapping}
            saveAs={saveAs}
            committing={committing}
            onCommit={(v) => void commit(v)}
            onRestart={restart}
            onEditMapping={preview.mapping ? () => setMapStep(true) : undefined}
          />
        ) : (
          <UploadStep
            kind={kind}
            onKind={(k) => {
              setKind(k);
              setParams({ kind: k }, { replace: true });
            }}
            orgId={orgId}
            onOrg={setOrgId}
            progress={progress}
            checking={progress === 100}
            onFile={(f) => void upload(f)}
          />
        )}
      </Card>
    </>
  );
}

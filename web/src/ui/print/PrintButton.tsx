import { Button, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../use-api-error';
import { applyPageRule } from './page-style';
import { PrintSheet, type PrintDocument } from './PrintSheet';
import './print.css';

type Source =
  /** a document made for paper (登记表, a list under its filters); may load what it needs first */
  | { document: () => PrintDocument | Promise<PrintDocument>; unitName?: never; title?: never }
  /** the page itself as it is on screen, navigation left out (the dashboard) */
  | { document?: never; unitName: string; title: string };

type Props = Source & {
  label?: string;
  testId?: string;
  size?: ButtonProps['size'];
  disabled?: boolean;
};

/**
 * 打印: builds the document (loading rows if it must), mounts it on <body> for the print, opens the
 * browser's print dialog, and takes it off again when the dialog closes (afterprint). The unit's name
 * and the print date head every page, page numbers run at the foot.
 */
export function PrintButton({ label = '打印', testId, size, disabled, ...source }: Props) {
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [pagePrint, setPagePrint] = useState<{ unitName: string; title: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const showError = useApiError();

  // print once the document (or the page's margin boxes) is in the DOM
  useEffect(() => {
    const head = doc ?? pagePrint;
    if (!head) return;
    const removeRule = applyPageRule(head.unitName, head.title, doc?.landscape);
    const done = () => {
      setDoc(null);
      setPagePrint(null);
    };
    window.addEventListener('afterprint', done, { once: true });
    const timer = window.setTimeout(() => window.print(), 0);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
      removeRule();
    };
  }, [doc, pagePrint]);

  const onClick = async () => {
    if (!source.document) {
      setPagePrint({ unitName: source.unitName, title: source.title });
      return;
    }
    setLoading(true);
    try {
      setDoc(await source.document());
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button size={size} data-testid={testId} loading={loading} disabled={disabled} onClick={() => void onClick()}>
        {label}
      </Button>
      {doc ? <PrintSheet doc={doc} /> : null}
    </>
  );
}

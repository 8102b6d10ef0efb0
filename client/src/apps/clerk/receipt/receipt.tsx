import { useMemo, useRef, type CSSProperties, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { columnsFor, usePaperWidth, type PaperWidth } from './paper-width';
import { printReceipt } from './print-receipt';
import type { ReceiptData } from './receipt-data';
import { useReceiptLabels } from './receipt-labels';
import { layoutReceipt, type ReceiptLine } from './receipt-layout';
import './receipt.css';

type PaperProps = { lines: readonly ReceiptLine[]; paperWidth: PaperWidth; label: string; testId?: string; ref?: Ref<HTMLDivElement> };

/**
 * A strip of receipt paper: the lines were laid out for this paper's columns, so what is on screen
 * is what prints. Amounts sit right-aligned whatever the font does with Chinese characters.
 */
export function ReceiptPaper({ lines, paperWidth, label, testId, ref }: PaperProps) {
  const style = { '--receipt-cols': columnsFor(paperWidth) } as CSSProperties;
  return (
    <div ref={ref} className="receipt" data-paper={paperWidth} style={style} role="document" aria-label={label} data-testid={testId}>
      {lines.map((line, i) => (
        <ReceiptRow key={i} line={line} />
      ))}
    </div>
  );
}

function ReceiptRow({ line }: { line: ReceiptLine }) {
  switch (line.kind) {
    case 'rule':
      return <div className="rl rl-rule" aria-hidden="true" />;
    case 'status':
      return (
        <div className="rl rl-center">
          <span className={`receipt-status receipt-status-${line.status}`} data-testid="receipt-status">
            {line.text}
          </span>
        </div>
      );
    case 'pair':
      return (
        <div className={`rl rl-pair rl-${line.tone}`}>
          <span className="rl-left">{line.left}</span>
          {line.right ? <span className="rl-right">{line.right}</span> : null}
        </div>
      );
    default:
      return <div className={`rl rl-${line.kind} rl-${line.tone}`}>{line.text}</div>;
  }
}

type ReceiptProps = { data: ReceiptData; /** Defaults to the tablet's setting. */ paperWidth?: PaperWidth; ref?: Ref<HTMLDivElement> };

/** A sale's receipt, on screen as it will print. */
export function Receipt({ data, paperWidth, ref }: ReceiptProps) {
  const { t } = useTranslation();
  const [saved] = usePaperWidth();
  const paper = paperWidth ?? saved;
  const labels = useReceiptLabels();
  const lines = useMemo(() => layoutReceipt(data, columnsFor(paper), labels), [data, paper, labels]);
  return <ReceiptPaper ref={ref} lines={lines} paperWidth={paper} label={t('receipt.title')} testId="receipt" />;
}

/** The receipt with its print button: what the counter shows after a sale. */
export function ReceiptPreview({ data, paperWidth, autoFocus }: { data: ReceiptData; paperWidth?: PaperWidth; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  return (
    <section className="receipt-preview" aria-label={t('receipt.preview')}>
      <Receipt ref={ref} data={data} paperWidth={paperWidth} />
      <Button variant="secondary" block autoFocus={autoFocus} onClick={() => ref.current && printReceipt(ref.current)} data-testid="receipt-print">
        {t('receipt.print')}
      </Button>
    </section>
  );
}

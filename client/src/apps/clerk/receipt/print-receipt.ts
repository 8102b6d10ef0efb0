import { columnsFor, loadPaperWidth, parsePaperWidth, type PaperWidth } from './paper-width';

const PX_PER_MM = 96 / 25.4;
/** Paper fed past the last line, so the cutter does not cut through the footer. */
const TAIL_MM = 10;

/**
 * The page for a roll printer: as wide as the paper and as long as the receipt, no margins (the
 * receipt keeps its own). One page, so the printer neither feeds a blank A4 length nor splits it.
 */
export function pageCss(paper: PaperWidth, contentHeightPx: number): string {
  const heightMm = Math.ceil(Math.max(0, contentHeightPx) / PX_PER_MM) + TAIL_MM;
  return `@page { size: ${paper}mm ${heightMm}mm; margin: 0; }`;
}

/**
 * Prints only `el` (a receipt, or a shift summary drawn the same way) through the browser's print
 * dialog. A copy goes into a host the print stylesheet (receipt.css) keeps while it hides the
 * rest of the page; the host sits off screen at the paper's width first, so its height can be
 * measured for the @page rule. Everything is removed after printing.
 */
export function printReceipt(el: HTMLElement, paper: PaperWidth = el.dataset.paper ? parsePaperWidth(el.dataset.paper) : loadPaperWidth()): void {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  if (!win) return;
  // A print whose afterprint never came (some tablets' browsers) leaves its host behind.
  for (const old of doc.querySelectorAll('.print-host, style[data-print-page]')) old.remove();

  const host = doc.createElement('div');
  host.className = 'print-host';
  host.dataset.paper = String(paper);
  const copy = el.cloneNode(true) as HTMLElement;
  copy.style.setProperty('--receipt-cols', String(columnsFor(paper)));
  host.append(copy);
  doc.body.append(host);

  const page = doc.createElement('style');
  page.dataset.printPage = '';
  page.textContent = pageCss(paper, host.getBoundingClientRect().height);
  doc.head.append(page);
  doc.documentElement.classList.add('printing-receipt');

  const cleanup = () => {
    win.removeEventListener('afterprint', cleanup);
    host.remove();
    page.remove();
    doc.documentElement.classList.remove('printing-receipt');
  };
  win.addEventListener('afterprint', cleanup);
  win.print();
}

/** The sale receipt: on screen and printed on 58 / 80 mm roll paper through the browser. */
export { Receipt, ReceiptPaper, ReceiptPreview } from './receipt';
export { buildReceiptData, changeDue, type ReceiptData, type ReceiptDiscountSource, type ReceiptItem, type ReceiptSource, type ReceiptStatus, type ReceiptTender } from './receipt-data';
export { layoutReceipt, receiptText, type ReceiptLabels, type ReceiptLine, type Tone } from './receipt-layout';
export { receiptLabels, useReceiptLabels } from './receipt-labels';
export { maskCard, maskPhone, shortOrderId, formatReceiptTime } from './receipt-format';
export { printReceipt, pageCss } from './print-receipt';
export { PAPER_WIDTHS, columnsFor, loadPaperWidth, savePaperWidth, usePaperWidth, type PaperWidth } from './paper-width';
export { PaperWidthSetting } from './paper-width-setting';

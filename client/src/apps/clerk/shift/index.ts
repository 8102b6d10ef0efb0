/** Till shifts on the counter tablet: open with a float, close with a cash count, summary by tender. */
export { ShiftPanel } from './shift-panel';
export { ShiftSummaryView } from './shift-summary-view';
export { useShift, type ShiftApi } from './use-shift';
export { cashInputToFen, differenceKind, layoutShiftSummary, tenderRows, type DifferenceKind, type ShiftPrintLabels, type TenderRow } from './shift-layout';
export { differenceText, shiftPrintLabels, useShiftPrintLabels } from './shift-labels';

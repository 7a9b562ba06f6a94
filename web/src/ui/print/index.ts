export { PrintButton } from './PrintButton';
export { PrintSheet, PrintHead, PrintOnlyHead, type PrintDocument } from './PrintSheet';
export { PrintFields, PrintNote, PrintSection, PrintTable, SignatureLines, type PrintColumn, type PrintField } from './parts';
export { collectRows, countLine, printRowCap, type Collected } from './collect';
export { filterLine, listPrintDocument, printColumns, printUnitName } from './list-print';

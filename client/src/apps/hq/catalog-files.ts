import { CSV_TEMPLATE } from '../../../../shared/domain/catalog-csv';
import { downloadFrom, saveCsv } from '../../lib/files';
import type { SessionStore } from '../../lib/session';

export const downloadTemplate = () => saveCsv('catalog-template.csv', `${CSV_TEMPLATE}\r\n`);

export const downloadExport = (session: SessionStore): Promise<void> => downloadFrom(session, '/api/catalog/export', 'catalog.csv');

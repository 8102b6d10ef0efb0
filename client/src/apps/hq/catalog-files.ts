import { CSV_TEMPLATE } from '../../../../shared/domain/catalog-csv';
import { toApiError } from '../../lib/api';
import type { SessionStore } from '../../lib/session';

/** Hands a file to the browser's downloads. */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The template with a BOM, so Excel shows its Chinese headers. */
export const downloadTemplate = () => saveFile('catalog-template.csv', new Blob([`\uFEFF${CSV_TEMPLATE}\r\n`], { type: 'text/csv;charset=utf-8' }));

/** GET /api/catalog/export as a file (the JSON client cannot: it is text). */
export async function downloadExport(session: SessionStore): Promise<void> {
  const res = await fetch('/api/catalog/export', { headers: { authorization: `Bearer ${session.get()?.token ?? ''}` } });
  if (!res.ok) throw await toApiError(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'catalog.csv';
  saveFile(name, await res.blob());
}

/** A CSV as text: UTF-8, or GB18030 when Chinese Excel saved it in the system's code page. */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

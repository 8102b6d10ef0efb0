import { toApiError } from './api';
import type { SessionStore } from './session';

/** Hands a file to the browser's downloads (the URL is revoked once the download has taken it). */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV with a BOM, so Excel shows its Chinese as Chinese. */
export const saveCsv = (name: string, csv: string): void => saveFile(name, new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));

/** A file the API sends (the JSON client cannot: it is not JSON), named as the server names it. */
export async function downloadFrom(session: SessionStore, path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.get()?.token ?? ''}` } });
  if (!res.ok) throw await toApiError(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
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

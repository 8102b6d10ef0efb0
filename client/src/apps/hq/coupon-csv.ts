import Papa from 'papaparse';
import { isMobile } from '../../lib/format';

/** Every cell of the CSV that reads as a mobile number or a member id (a header row is skipped as it is neither). */
export function listFromCsv(text: string): { phones: string[]; memberIds: string[] } {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  const cells = rows.flat().map((c) => String(c).trim()).filter(Boolean);
  const phones = [...new Set(cells.filter(isMobile))];
  const memberIds = [...new Set(cells.filter((c) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(c)))];
  return { phones, memberIds };
}

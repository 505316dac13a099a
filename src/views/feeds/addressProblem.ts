/**
 * Why an address is refused, in the reader's language. httpsUrlProblem (userFeedConfig.ts)
 * decides what is accepted and words it in English for logs and exported files; this says the
 * same refusal in French or English for the page.
 */
import { httpsUrlProblem } from '../../feeds/userFeedConfig';

export type AddressProblem =
  | { code: 'empty' }
  | { code: 'notUrl'; value: string }
  | { code: 'http' }
  | { code: 'scheme'; scheme: string }
  | { code: 'credentials' };

export function addressProblem(url: string): AddressProblem | null {
  if (!httpsUrlProblem(url)) return null;
  const s = url.trim();
  if (!s) return { code: 'empty' };
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    return { code: 'notUrl', value: s.slice(0, 80) };
  }
  if (parsed.protocol === 'http:') return { code: 'http' };
  if (parsed.protocol !== 'https:') return { code: 'scheme', scheme: parsed.protocol };
  return { code: 'credentials' };
}

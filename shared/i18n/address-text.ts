/**
 * A mail address as people read it on every surface: `Name <address>`, or whichever part is
 * there. Plain text only: the result goes into textContent, never into markup.
 */
import type { MailAddress } from '../model';

/** `総務課 <soumu@example.com>`; the name or the address alone when only one is known; '' for none. */
export function addressText(address: MailAddress | undefined): string {
  if (!address) return '';
  return [address.name, address.address ? `<${address.address}>` : ''].filter(Boolean).join(' ');
}

/**
 * The `tel:` link for a phone number as IT wrote it in policy (`03-1234-5678`, `+81 3 …`,
 * full-width `０３－…`, `内線 1234`), used by every surface that shows the contacts: the
 * extension's pages, its consult page and the Outlook task pane.
 *
 * Must never: return a link with any scheme but `tel:`, or anything but digits after it (one
 * leading `+` for an international number). Separators and words are dropped; `*` and `#` too,
 * since a raw `#` would end the number and start a URL fragment (RFC 3966 §5.1.5).
 */

/** Fewest digits that make a number worth dialling (the shortest Japanese numbers have three). */
const MIN_DIGITS = 3;

/** `tel:` URL from a phone as written, or undefined when it holds too few digits to dial. */
export function telHref(phone: string | undefined): string | undefined {
  if (typeof phone !== 'string' || phone === '') return undefined;
  // NFKC turns full-width digits and ＋ into ASCII: a number typed in Japanese input mode still dials.
  const ascii = phone.normalize('NFKC');
  const digits = ascii.replace(/[^0-9]/g, '');
  if (digits.length < MIN_DIGITS) return undefined;
  const international = ascii.replace(/[^0-9+]/g, '').startsWith('+');
  return `tel:${international ? '+' : ''}${digits}`;
}

/**
 * Password-protected documents, recognised from their bytes without opening them: the other
 * half of PPAP and the way macro malware slips past gateways ("the password is 1234").
 * Only what certainly needs a password counts as `encrypted` — a false "encrypted" on an
 * ordinary invoice would teach staff to ignore the warning.
 *
 * - Encrypted Office Open XML (docx/xlsx/pptx/…m): the file is then an OLE compound file
 *   (magic D0 CF 11 E0 A1 B1 1A E1) holding a stream named "EncryptedPackage"
 *   ([MS-OFFCRYPTO] 2.3.4); the name is found in the directory as UTF-16LE.
 * - PDF: an /Encrypt dictionary (ISO 32000-1 §7.6) is reported as `pdfEncryption`, but NOT as
 *   `encrypted`: most encrypted PDFs (invoices, statements, and the lure PDFs in phishing) carry
 *   only an owner password that restricts editing and open without asking, and telling them
 *   apart from a real open password needs the PDF key algorithms (MD5/RC4/AES), which this
 *   reader does not implement. Only the first and last 1 MiB are searched, where trailers live.
 *
 * Legacy binary Office encryption (RC4 in .doc/.xls) needs the file's own structures and is not
 * detected. Must never: decrypt, decompress, or read past the buffer; work is one bounded scan.
 */

export type DocumentKind = 'ole' | 'pdf';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');
const PDF_ENCRYPT = [...'/Encrypt'].map((c) => c.charCodeAt(0));
const PDF_WINDOW = 1024 * 1024;

export interface DocumentInspection {
  kind: DocumentKind;
  /** A password is needed to open the document. */
  encrypted: boolean;
  /** PDF only: an /Encrypt dictionary is present (often an owner password only). */
  pdfEncryption?: boolean;
}

/** undefined when the bytes are neither an OLE compound file nor a PDF. */
export function inspectDocument(bytes: Uint8Array): DocumentInspection | undefined {
  if (startsWith(bytes, OLE_MAGIC)) return { kind: 'ole', encrypted: contains(bytes, ENCRYPTED_PACKAGE, 0, bytes.length) };
  // A PDF header may follow up to 1 KiB of junk; readers accept that, so do we.
  const head = Math.min(bytes.length, 1024);
  if (find(bytes, PDF_MAGIC, 0, head) < 0) return undefined;
  const pdfEncryption =
    contains(bytes, PDF_ENCRYPT, 0, Math.min(bytes.length, PDF_WINDOW)) ||
    (bytes.length > PDF_WINDOW && contains(bytes, PDF_ENCRYPT, Math.max(PDF_WINDOW, bytes.length - PDF_WINDOW), bytes.length));
  return { kind: 'pdf', encrypted: false, pdfEncryption };
}

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (const c of text) out.push(c.charCodeAt(0), 0);
  return out;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: number[], from: number, to: number): boolean {
  return find(bytes, needle, from, to) >= 0;
}

/** First index of `needle` within [from, to); the needles are short and distinct, so this is linear in practice. */
function find(bytes: Uint8Array, needle: number[], from: number, to: number): number {
  const first = needle[0]!;
  const last = to - needle.length;
  for (let i = bytes.indexOf(first, from); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

import { describe, expect, it } from 'vitest';
import { inspectDocument } from '../../../shared/mail/encrypted-document';
import { parseEml } from '../../../shared/mail/parse-eml';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const utf16 = (text: string): number[] => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A compound-file header followed by a directory sector naming the given streams. */
function oleFile(streams: string[]): Uint8Array {
  const bytes = [...OLE, ...new Array(504).fill(0)];
  for (const name of streams) bytes.push(...utf16(name), ...new Array(64 - name.length * 2).fill(0), ...new Array(64).fill(0));
  return new Uint8Array(bytes);
}

describe('inspectDocument', () => {
  const table: { name: string; bytes: Uint8Array; result: ReturnType<typeof inspectDocument> }[] = [
    { name: 'encrypted OOXML (EncryptedPackage stream)', bytes: oleFile(['EncryptionInfo', 'EncryptedPackage']), result: { kind: 'ole', encrypted: true } },
    { name: 'plain compound file (legacy .doc)', bytes: oleFile(['WordDocument', '1Table']), result: { kind: 'ole', encrypted: false } },
    // An /Encrypt dictionary is usually an owner password only: reported, but not as "encrypted".
    { name: 'PDF with /Encrypt in the trailer', bytes: new Uint8Array(ascii('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF')), result: { kind: 'pdf', encrypted: false, pdfEncryption: true } },
    { name: 'plain PDF', bytes: new Uint8Array(ascii('%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\n%%EOF')), result: { kind: 'pdf', encrypted: false, pdfEncryption: false } },
    { name: 'PDF header after junk', bytes: new Uint8Array([...new Array(100).fill(0x20), ...ascii('%PDF-1.4 /Encrypt')]), result: { kind: 'pdf', encrypted: false, pdfEncryption: true } },
    { name: 'anything else', bytes: new Uint8Array(ascii('PK\u0003\u0004')), result: undefined },
    { name: 'empty', bytes: new Uint8Array(0), result: undefined },
  ];
  for (const row of table) it(row.name, () => expect(inspectDocument(row.bytes)).toEqual(row.result));

  it('looks at the last MiB of a large PDF', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024);
    bytes.set(ascii('%PDF-1.7'), 0);
    bytes.set(ascii('/Encrypt'), bytes.length - 100);
    expect(inspectDocument(bytes)?.pdfEncryption).toBe(true);
  });

  it('marks an encrypted Office attachment in parseEml', async () => {
    const file = oleFile(['EncryptedPackage']);
    const b64 = btoa(String.fromCharCode(...file));
    const eml = `From: a@example.jp\r\nSubject: doc\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nPassword in next mail\r\n--x\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\nContent-Disposition: attachment; filename="見積.docx"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64}\r\n--x--\r\n`;
    const snapshot = await parseEml(eml);
    expect(snapshot.attachments?.[0]).toMatchObject({ name: '見積.docx', encrypted: true });
  });
});

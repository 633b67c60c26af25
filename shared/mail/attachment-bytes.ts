/**
 * Everything the core reads from an attachment's bytes, in one place, so every host (.eml,
 * Outlook, a webmail download) describes the same file the same way:
 * - archives (ZIP, RAR, 7z): entry names and encryption — except ZIP-based documents (Office
 *   Open XML, OpenDocument, EPUB), which are documents, not archives, and get no entry names;
 * - TNEF (`winmail.dat`): the names of the attachments Outlook packed into it;
 * - ISO 9660 disk images: the names of the files on them;
 * - password-protected Office files (`encrypted`).
 * Must never throw; problems are returned as text.
 */
import { inspectArchive, isZipDocument } from './archive';
import { inspectIso9660 } from './disk-image';
import { inspectDocument } from './encrypted-document';
import { inspectTnef } from './tnef';

export interface AttachmentInspection {
  /** Set when the bytes are an archive or document format this module knows. */
  encrypted?: boolean;
  /** Entry names of an archive or TNEF blob. */
  innerNames?: string[];
  problems: string[];
}

export function inspectAttachmentBytes(bytes: Uint8Array): AttachmentInspection {
  try {
    const archive = inspectArchive(bytes);
    if (archive) {
      const out: AttachmentInspection = { encrypted: archive.encrypted, problems: archive.problems };
      if (!(archive.kind === 'zip' && isZipDocument(archive.innerNames))) out.innerNames = archive.innerNames;
      return out;
    }
    const tnef = inspectTnef(bytes);
    if (tnef) return { innerNames: tnef.innerNames, problems: tnef.problems };
    const image = inspectIso9660(bytes);
    if (image) return { innerNames: image.innerNames, problems: image.problems };
    const document = inspectDocument(bytes);
    if (document) return { encrypted: document.encrypted, problems: [] };
  } catch {
    return { problems: ['attachment content could not be inspected'] };
  }
  return { problems: [] };
}

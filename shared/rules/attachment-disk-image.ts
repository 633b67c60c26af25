/**
 * An attached disk image (iso, img, vhd): used to slip programs past the “downloaded from the internet” warning.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Rule } from './types';
import { flagAttachmentTypes, DISK_IMAGE_EXTS } from './support/helpers';

export const attachmentDiskImage: Rule = {
  id: 'attachment-disk-image',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    return flagAttachmentTypes(this.id, msg, (e) => DISK_IMAGE_EXTS.has(e.ext), () => 'danger');
  },
  examples: {
    flags: [
      { name: 'order.iso', snapshot: { attachments: [{ name: 'order.iso' }] } },
      { name: 'scan.img inside a zip', snapshot: { attachments: [{ name: 'documents.zip', innerNames: ['scan.img'] }] } },
    ],
    clean: [
      { name: 'a PDF', snapshot: { attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }] } },
      { name: 'a zip with a PDF', snapshot: { attachments: [{ name: 'docs.zip', innerNames: ['検査結果.pdf'] }] } },
    ],
  },
};

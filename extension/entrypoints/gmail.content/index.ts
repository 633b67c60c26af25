/**
 * Gmail content script: the shared runtime with the Gmail adapter, top frame only (Gmail draws
 * messages in its own document).
 */
import { gmailAdapter } from '../../hosts/gmail/gmail-adapter';
import { runContentScript } from '../../content/run-content-script';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void runContentScript(ctx, gmailAdapter);
  },
});

/**
 * Outlook on the web content script (work/school and outlook.live.com): the shared runtime with
 * the Outlook adapter, top frame only (the reading pane and the pop-out render in the page).
 */
import { outlookWebAdapter } from '../../hosts/outlook-web/outlook-web-adapter';
import { runContentScript } from '../../content/run-content-script';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void runContentScript(ctx, outlookWebAdapter);
  },
});

/**
 * Entry point of the task pane page: waits for office.js, then starts the pane with the Outlook
 * host. The only wiring between the page and Outlook; all logic is in pane-controller.ts.
 */
import { createMailboxHost, whenOfficeReady } from '../mailbox/mailbox-host';
import { el } from './dom';
import { paneText } from './pane-texts';
import { startPane } from './pane-controller';
import { policyUrlFor } from './load-policy';

async function main(): Promise<void> {
  const root = document.getElementById('kokoroe-pane');
  if (!root) return;
  const ready = await whenOfficeReady();
  if (!ready) {
    root.replaceChildren(el(document, 'p', { className: 'error', attrs: { id: 'kokoroe-office-missing' }, text: paneText('officeMissing', 'ja') }));
    return;
  }
  await startPane({
    host: createMailboxHost(),
    doc: document,
    root,
    fetch: window.fetch.bind(window),
    storage: window.localStorage,
    policyUrl: policyUrlFor(window.location.href),
  });
}

void main();

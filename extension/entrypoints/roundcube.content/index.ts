/**
 * Roundcube content script. Not in the manifest: Roundcube lives on each organisation's own
 * origin, so the worker registers this file at run time for the policy's granted origins, in
 * all frames — Roundcube renders the open message in the same-origin `#messagecontframe`, and
 * the script reads the document it runs in (the gate shows in the top frame only).
 */
import { roundcubeAdapter } from '../../hosts/roundcube/roundcube-adapter';
import { runContentScript } from '../../content/run-content-script';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    void runContentScript(ctx, roundcubeAdapter);
  },
});

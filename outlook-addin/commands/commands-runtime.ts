/**
 * The add-in's function file and event runtime (commands.html in browser-based runtimes; loaded
 * directly as commands-runtime.js by classic Outlook on Windows). Built as one classic script,
 * because the JavaScript-only runtime cannot load modules. Its only job: register the integrated
 * Report button's handler. `__KOKOROE_BASE_URL__` is the hospital's add-in host, fixed at build
 * time: the JavaScript-only runtime has no page URL to find policy.json from.
 */
import { registerSpamReportHandler } from '../mailbox/mailbox-spam-report';

declare const __KOKOROE_BASE_URL__: string;

registerSpamReportHandler(__KOKOROE_BASE_URL__);

/** The extension glue of the report outbox (service worker side and page client). */
export { registerOutbox, OUTBOX_ALARM } from './register';
export type { OutboxService, RegisterOutboxOptions } from './register';
export { CONSULTS_KEY, readConsults } from './consults';
export type { ConsultEntry, ConsultMap } from './consults';
export { OUTBOX_STORAGE_KEY } from './storage-adapter';
export { OUTBOX_PORT } from './protocol';
export type { OutboxRequest, ConsultView } from './protocol';

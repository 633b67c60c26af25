/** Public API of the durable report outbox (host-free; hosts inject storage, transport, clock). */
export { createOutbox, answerUrl } from './outbox';
export type { Outbox } from './outbox';
export { backoffDelay } from './backoff';
export { reportChannel } from './channel';
export * from './types';

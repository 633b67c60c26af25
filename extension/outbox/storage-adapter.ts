/**
 * The outbox's storage over browser.storage.local (survives the service worker being stopped
 * and the browser restarting). One key holds all records so a save is one atomic write.
 */
import { browser } from 'wxt/browser';
import type { OutboxData, OutboxStorage } from '../../shared/outbox';

/** storage.local key of the outbox (also read by the popup). */
export const OUTBOX_STORAGE_KEY = 'outbox';

export function browserOutboxStorage(): OutboxStorage {
  return {
    async load() {
      return (await browser.storage.local.get(OUTBOX_STORAGE_KEY))[OUTBOX_STORAGE_KEY];
    },
    async save(data: OutboxData) {
      await browser.storage.local.set({ [OUTBOX_STORAGE_KEY]: data });
    },
  };
}

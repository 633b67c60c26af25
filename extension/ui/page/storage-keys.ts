/**
 * storage.local keys the extension pages read or write. The service worker's policy loader
 * reads the same keys (extension/policy); keep them in step.
 */

/** Local (unmanaged) settings: a partial policy object plus `lang` ('ja' | 'en' | absent). */
export const LOCAL_SETTINGS_KEY = 'localSettings';

/** Reports waiting to be delivered (written by the outbox). */
export const OUTBOX_KEY = 'outbox';

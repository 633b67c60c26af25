/**
 * The registry of provider adapters: one entry per webmail, keyed by id. The conformance suite
 * iterates this list, so an adapter that is not registered here is not tested.
 */
import { gmailAdapter } from './gmail/gmail-adapter';
import { outlookWebAdapter } from './outlook-web/outlook-web-adapter';
import { roundcubeAdapter } from './roundcube/roundcube-adapter';
import type { MailProviderAdapter, ProviderId } from './types';

export const ADAPTERS: Readonly<Record<ProviderId, MailProviderAdapter>> = {
  gmail: gmailAdapter,
  'outlook-web': outlookWebAdapter,
  roundcube: roundcubeAdapter,
};

/**
 * The one explicit list of rules the scanner runs, in the order their findings are shown
 * (links, attachments, sender, message, body). Adding a rule = one file named by its id plus one
 * line here; test/unit/rules/registry.test.ts fails when a file is not listed.
 */
import type { Rule } from './types';
import { linkBlockedDomain } from './link-blocked-domain';
import { linkBrandMismatch } from './link-brand-mismatch';
import { linkCredentialLure } from './link-credential-lure';
import { linkDangerousScheme } from './link-dangerous-scheme';
import { linkExecutableDownload } from './link-executable-download';
import { linkFreeHosting } from './link-free-hosting';
import { linkIdnHomograph } from './link-idn-homograph';
import { linkInsecureLogin } from './link-insecure-login';
import { linkIpHost } from './link-ip-host';
import { linkLookalikeDomain } from './link-lookalike-domain';
import { linkObfuscatedUrl } from './link-obfuscated-url';
import { linkRecipientEmbedded } from './link-recipient-embedded';
import { linkSharedArchive } from './link-shared-archive';
import { linkShortener } from './link-shortener';
import { linkRedirectCloak } from './link-redirect-cloak';
import { linkTextMismatch } from './link-text-mismatch';
import { linkUnparseable } from './link-unparseable';
import { linkUnusualDomain } from './link-unusual-domain';
import { linkUserinfo } from './link-userinfo';
import { attachmentArchiveFromStranger } from './attachment-archive-from-stranger';
import { attachmentAttachedMessage } from './attachment-attached-message';
import { attachmentBidiControl } from './attachment-bidi-control';
import { attachmentCalendar } from './attachment-calendar';
import { attachmentDiskImage } from './attachment-disk-image';
import { attachmentDoubleExtension } from './attachment-double-extension';
import { attachmentEncryptedArchive } from './attachment-encrypted-archive';
import { attachmentExecutable } from './attachment-executable';
import { attachmentHtml } from './attachment-html';
import { attachmentMacroOffice } from './attachment-macro-office';
import { attachmentOnenote } from './attachment-onenote';
import { attachmentPaddedName } from './attachment-padded-name';
import { attachmentScript } from './attachment-script';
import { attachmentShortcut } from './attachment-shortcut';
import { attachmentSvg } from './attachment-svg';
import { senderAddressMalformed } from './sender-address-malformed';
import { senderAuthFail } from './sender-auth-fail';
import { senderBlockedDomain } from './sender-blocked-domain';
import { senderBrandMismatch } from './sender-brand-mismatch';
import { senderDisplayNameAddress } from './sender-display-name-address';
import { senderExternal } from './sender-external';
import { senderFreemailOfficial } from './sender-freemail-official';
import { senderImpersonatesOrg } from './sender-impersonates-org';
import { senderLookalikeDomain } from './sender-lookalike-domain';
import { senderRandomAddress } from './sender-random-address';
import { senderNameEmoji } from './sender-name-emoji';
import { senderNameNumber } from './sender-name-number';
import { senderNameUnrelated } from './sender-name-unrelated';
import { senderReplyToMismatch } from './sender-reply-to-mismatch';
import { senderUnauthenticated } from './sender-unauthenticated';
import { senderUnusualDomain } from './sender-unusual-domain';
import { subjectBrandMismatch } from './subject-brand-mismatch';
import { subjectDisguisedLetters } from './subject-disguised-letters';
import { subjectFakeReply } from './subject-fake-reply';
import { subjectRandomToken } from './subject-random-token';
import { recipientAddressInText } from './recipient-address-in-text';
import { bodyArchivePassword } from './body-archive-password';
import { bodyBecRequest } from './body-bec-request';
import { bodyBrandThreat } from './body-brand-threat';
import { bodyFakeShare } from './body-fake-share';
import { bodyCallbackLure } from './body-callback-lure';
import { bodyCredentialRequest } from './body-credential-request';
import { bodyEnableContent } from './body-enable-content';
import { bodyHtmlForm } from './body-html-form';
import { bodyInvisibleText } from './body-invisible-text';
import { bodySpamTopic } from './body-spam-topic';
import { bodyHtmlOnly } from './body-html-only';
import { bodyLittleText } from './body-little-text';
import { bodyPrizeLure } from './body-prize-lure';
import { bodyUrgencyLure } from './body-urgency-lure';

export const RULES: readonly Rule[] = [
  linkBlockedDomain,
  linkBrandMismatch,
  linkCredentialLure,
  linkDangerousScheme,
  linkExecutableDownload,
  linkFreeHosting,
  linkIdnHomograph,
  linkInsecureLogin,
  linkIpHost,
  linkLookalikeDomain,
  linkObfuscatedUrl,
  linkRecipientEmbedded,
  linkSharedArchive,
  linkShortener,
  linkRedirectCloak,
  linkTextMismatch,
  linkUnparseable,
  linkUnusualDomain,
  linkUserinfo,
  attachmentArchiveFromStranger,
  attachmentAttachedMessage,
  attachmentBidiControl,
  attachmentCalendar,
  attachmentDiskImage,
  attachmentDoubleExtension,
  attachmentEncryptedArchive,
  attachmentExecutable,
  attachmentHtml,
  attachmentMacroOffice,
  attachmentOnenote,
  attachmentPaddedName,
  attachmentScript,
  attachmentShortcut,
  attachmentSvg,
  senderAddressMalformed,
  senderAuthFail,
  senderBlockedDomain,
  senderBrandMismatch,
  senderDisplayNameAddress,
  senderExternal,
  senderFreemailOfficial,
  senderImpersonatesOrg,
  senderLookalikeDomain,
  senderRandomAddress,
  senderNameEmoji,
  senderNameNumber,
  senderNameUnrelated,
  senderReplyToMismatch,
  senderUnauthenticated,
  senderUnusualDomain,
  subjectBrandMismatch,
  subjectDisguisedLetters,
  subjectFakeReply,
  subjectRandomToken,
  recipientAddressInText,
  bodyArchivePassword,
  bodyBecRequest,
  bodyBrandThreat,
  bodyFakeShare,
  bodyCallbackLure,
  bodyCredentialRequest,
  bodyEnableContent,
  bodyHtmlForm,
  bodyInvisibleText,
  bodyHtmlOnly,
  bodyLittleText,
  bodyPrizeLure,
  bodySpamTopic,
  bodyUrgencyLure,
];

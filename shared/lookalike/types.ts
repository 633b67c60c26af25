/** Names people are phished with, and the domains that really belong to them. */
export interface ProtectedName {
  /** Stable id, e.g. `mhlw`, `smbc-card`, `amazon`. */
  id: string;
  /** How the brand is written, in every script people use (ja and Latin, any width). */
  names: string[];
  /** Registrable domains that belong to the brand (any subdomain of these is the brand's). */
  domains: string[];
  /** Rough kind, for texts and weighting. */
  category: 'government' | 'finance' | 'card' | 'bank' | 'carrier' | 'shop' | 'delivery' | 'it' | 'telecom' | 'media' | 'transport' | 'org' | 'partner' | 'other';
  /**
   * Names too generic to trust alone in body text (e.g. `au`, `Apple`): only counted in the
   * display name, subject or link text. Not repeated in `names`.
   */
  weakNames?: string[];
  /**
   * Domains the brand owns that serve other people's content or infrastructure
   * (`googleusercontent.com`, `amazonaws.com`): never reported as look-alikes, but not proof that
   * a link or sender is the brand either.
   */
  relatedDomains?: string[];
  /**
   * True for global brands registered under many country suffixes (amazon.de, google.fr): the
   * brand's own label on a suffix not listed in `domains` is then not reported as a look-alike.
   */
  ownsOtherSuffixes?: boolean;
}

export interface BrandMention {
  brand: ProtectedName;
  /**
   * The listed name that matched, as written in the list (the text itself may differ in width,
   * case, invisible characters or confusable spelling).
   */
  matched: string;
}

export interface LookalikeMatch {
  /** The protected name the domain imitates. */
  brand: ProtectedName;
  /** The legitimate domain it resembles. */
  imitated: string;
  /** Why: `skeleton` (confusable characters), `edit-distance`, `brand-label` (brand word in an unrelated domain), `homograph` (mixed scripts). */
  reason: 'skeleton' | 'edit-distance' | 'brand-label' | 'homograph';
  /**
   * True when the evidence is a brand word that is also an ordinary word, place or surname
   * (`yamato`, `mizuho`, `sagawa` as a word of another domain) or a brand word in the subdomain
   * of an unrelated site: worth a caution, not proof.
   */
  weak?: boolean;
}

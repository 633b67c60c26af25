/**
 * Whether the webmail shows the posture gate now. `block` always shows (it cannot be dismissed);
 * `warn` shows once per calendar day (local date) until dismissed; the unknown-device reminder
 * (`remind`) shows again `everyHours` after it was last dismissed. Pure: time and the stored
 * dismissal are inputs, so the rule is tested without a browser.
 */
import type { PostureVerdict } from '../../shared/posture/types';

/** storage.local key of the last dismissal. */
export const GATE_DISMISSAL_KEY = 'gateDismissal';

export interface GateDismissal {
  /** Local calendar date of the dismissal, `YYYY-MM-DD`. */
  date: string;
  /** Epoch milliseconds. */
  at: number;
}

export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function gateFor(posture: PostureVerdict, dismissal: GateDismissal | undefined, now: Date): 'warn' | 'block' | null {
  switch (posture.gate) {
    case 'block':
      return 'block';
    case 'warn':
      return dismissal && dismissal.date === localDate(now) ? null : 'warn';
    case 'remind': {
      const everyMs = (posture.reminder?.everyHours ?? 24) * 3_600_000;
      return dismissal && now.getTime() - dismissal.at >= 0 && now.getTime() - dismissal.at < everyMs ? null : 'warn';
    }
    default:
      return null;
  }
}

export function asDismissal(value: unknown): GateDismissal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  return typeof v.date === 'string' && typeof v.at === 'number' && Number.isFinite(v.at) ? { date: v.date, at: v.at } : undefined;
}

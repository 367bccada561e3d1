/** One attendance record as a device (or its vendor's export) reports it, before any resolution. */
export interface PunchRecord {
  /** The device's user id (PIN); up to 24 characters on newer firmware, e.g. an 18-digit NIP. */
  pin: string;
  /** Device wall clock 'YYYY-MM-DD HH:MM:SS', no zone. */
  localTime: string;
  /** In/out/break byte: unreliable across firmware, stored but never trusted for in/out. */
  statusCode: number | null;
  /** Fingerprint, face, card …: differs by firmware, stored raw. */
  verifyCode: number | null;
  workCode: string | null;
  /** Every field as received, so nothing a newer firmware sends is lost. */
  rawFields: string[];
}

export type PunchSource = 'adms' | 'zk4370' | 'file';
export type PunchReviewStatus = 'ok' | 'unknown_pin' | 'implausible_time' | 'unknown_device';

/** A record a parser refused, kept with its line so an admin can see what the device sent. */
export interface RejectedLine {
  line: number;
  text: string;
  message: string;
}

/** Device PINs: letters, digits and a few separators, at most 24 characters (ZK user id size). */
export const isValidPin = (pin: string): boolean => /^[0-9A-Za-z._-]{1,24}$/.test(pin);

/** A small non-negative integer field, or null when absent or not a number (kept raw instead). */
export function readCodeField(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}

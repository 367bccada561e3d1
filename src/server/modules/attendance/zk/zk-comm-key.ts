/**
 * The comm key ("COMM Key", a number 0–999999 set on the device's menu) never travels in clear:
 * after CONNECT answers ACK_UNAUTH, the client sends AUTH with 4 bytes derived from the key and
 * the session id the device just handed out, so a captured AUTH packet is useless for another
 * session. The derivation, as the community protocol notes describe it:
 *
 *   1. mirror the 32 bits of the key (bit 0 becomes bit 31, bit 1 becomes bit 30, …);
 *   2. add the session id (mod 2^32);
 *   3. write the sum as 4 bytes little-endian and XOR them with the ASCII bytes 'Z' 'K' 'S' 'O';
 *   4. swap the two 16-bit halves (bytes 0 1 2 3 → 2 3 0 1);
 *   5. XOR bytes 0, 1 and 3 with a one-byte "ticks" value and replace byte 2 by the ticks
 *      value itself, so the device can undo step 5 (clients use 50).
 *
 * The device repeats steps 1–4 with its own key and compares bytes 0, 1 and 3.
 */
const SALT = Buffer.from('ZKSO', 'ascii');
export const DEFAULT_TICKS = 50;

function mirrorBits32(value: number): number {
  let mirrored = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    mirrored = ((mirrored << 1) | ((value >>> bit) & 1)) >>> 0;
  }
  return mirrored;
}

/** Parses a comm key as typed on the device (decimal digits); null when it is not one. */
export function parseCommKey(text: string): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null;
  const key = Number(text.trim());
  return key <= 0xffffffff ? key : null;
}

export function scrambleCommKey(key: number, session: number, ticks = DEFAULT_TICKS): Buffer {
  const sum = (mirrorBits32(key >>> 0) + session) >>> 0;
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(sum, 0);
  const salted = bytes.map((byte, index) => byte ^ (SALT[index] ?? 0));
  const swapped = [salted[2] ?? 0, salted[3] ?? 0, salted[0] ?? 0, salted[1] ?? 0];
  const tick = ticks & 0xff;
  return Buffer.from([(swapped[0] ?? 0) ^ tick, (swapped[1] ?? 0) ^ tick, tick, (swapped[3] ?? 0) ^ tick]);
}

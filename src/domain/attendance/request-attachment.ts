/**
 * Request attachments: only PDF, JPEG and PNG, recognised by their first bytes (magic numbers),
 * never by the file name or the browser's content type.
 */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

const SIGNATURES: { contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: number[] }[] = [
  { contentType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

const describeSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`);

export type AttachmentCheck = { isAccepted: true; contentType: string } | { isAccepted: false; problem: string };

export function checkAttachment(content: Uint8Array, maxBytes = MAX_ATTACHMENT_BYTES): AttachmentCheck {
  if (content.length === 0) return { isAccepted: false, problem: 'Berkas lampiran kosong' };
  if (content.length > maxBytes) return { isAccepted: false, problem: `Lampiran paling besar ${describeSize(maxBytes)}` };
  const match = SIGNATURES.find((signature) => signature.bytes.every((byte, index) => content[index] === byte));
  if (!match) return { isAccepted: false, problem: 'Lampiran harus berupa PDF, JPG atau PNG' };
  return { isAccepted: true, contentType: match.contentType };
}

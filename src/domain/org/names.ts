export interface PersonName {
  gelarDepan: string | null | undefined;
  name: string;
  gelarBelakang: string | null | undefined;
}

/**
 * Name with academic titles as printed on official documents: front titles before the name,
 * back titles after a comma. "Dr." + "Siti Aminah" + "S.E., M.M." → "Dr. Siti Aminah, S.E., M.M.".
 */
export function formatFullName({ gelarDepan, name, gelarBelakang }: PersonName): string {
  const front = gelarDepan?.trim() ?? '';
  const back = gelarBelakang?.trim() ?? '';
  const core = [front, name.trim()].filter((part) => part.length > 0).join(' ');
  return back.length > 0 ? `${core}, ${back}` : core;
}

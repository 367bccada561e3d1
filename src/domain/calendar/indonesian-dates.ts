/** Dates written as Indonesian documents write them: "2 Maret 2026", "2, 9 dan 16 November 2026". */
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

const parts = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? 0, month: MONTHS[(month ?? 1) - 1] ?? '', day: day ?? 0 };
};

/** "a", "a dan b", "a, b dan c". */
export function joinIndonesian(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1] ?? ''}`;
}

/** "2026-03-02" → "2 Maret 2026". */
export function formatIndonesianDate(date: string): string {
  const { year, month, day } = parts(date);
  return `${day} ${month} ${year}`;
}

/** "2026-04" → "April 2026". */
export function formatIndonesianMonth(period: string): string {
  const { year, month } = parts(`${period}-01`);
  return `${month} ${year}`;
}

/**
 * ISO dates in the order given, the month and year written once per run of dates in the same month:
 * ["2026-11-02", "2026-11-09", "2026-11-16"] → "2, 9 dan 16 November 2026";
 * ["2026-10-30", "2026-11-02"] → "30 Oktober 2026; 2 November 2026".
 */
export function formatIndonesianDateList(dates: readonly string[]): string {
  const groups: { key: string; days: number[] }[] = [];
  for (const date of dates) {
    const key = date.slice(0, 7);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.days.push(parts(date).day);
    else groups.push({ key, days: [parts(date).day] });
  }
  return groups
    .map(({ key, days }) => {
      return `${joinIndonesian(days.map(String))} ${formatIndonesianMonth(key)}`;
    })
    .join('; ');
}

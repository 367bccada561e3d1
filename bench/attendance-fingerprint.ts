/**
 * A fingerprint of the stored daily attendance of the derivation benchmark, independent of the
 * random ids of a run (employees by NIP, units by code): two implementations of the rebuild that
 * print the same fingerprint stored the same working days. Days off are counted apart, so a
 * change in whether they are stored shows as a count, not as a different fingerprint.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/server/db/client';

export interface DailyFingerprint {
  workingDays: number;
  daysOff: number;
  md5: string;
}

export async function fingerprintDailyAttendance(db: Database): Promise<DailyFingerprint> {
  const [row] = await queryRows<{ working_days: number; days_off: number; md5: string | null }>(
    db,
    sql`select count(*) filter (where d.planned_start is not null)::int as working_days,
               count(*) filter (where d.planned_start is null)::int as days_off,
               md5(string_agg(concat_ws('|', e.nip, d.date, u.code, d.schedule_id is null, d.planned_start, d.planned_end, d.status,
                                        d.late_minutes, d.early_minutes, d.late_band, d.early_band, d.first_in, d.last_out,
                                        d.punch_ids::text, d.request_ids::text, d.is_final),
                              ';' order by e.nip, d.date) filter (where d.planned_start is not null)) as md5
        from daily_attendance d
        join employees e on e.id = d.employee_id
        left join units u on u.id = d.unit_id`,
  );
  return { workingDays: row?.working_days ?? 0, daysOff: row?.days_off ?? 0, md5: row?.md5 ?? '' };
}

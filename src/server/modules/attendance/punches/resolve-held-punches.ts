import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/client';
import { findEarliestPlausibleDate, FUTURE_TOLERANCE_MINUTES } from './plausibility.repository';
import type { AffectedDay } from './punch-hooks';

/**
 * Re-resolves punches held for review on one device after an admin acted (approved the device,
 * set its zone, mapped a PIN). Punches of a device that was unknown get their instant from the
 * device's zone now on record (PostgreSQL's `AT TIME ZONE`, never the server's zone) and are
 * checked for plausibility against their receipt time; then PINs are matched to mappings valid
 * on the punch's local date. Returns the employee days that gained counted punches.
 */
export async function resolveHeldPunches(executor: Executor, input: { serialNumber: string; pin?: string }): Promise<AffectedDay[]> {
  const pinFilter = input.pin === undefined ? sql`` : sql`and p.pin = ${input.pin}`;
  const earliest = await findEarliestPlausibleDate(executor);
  await executor.execute(sql`
    update punches p
    set instant = p.local_time at time zone d.time_zone,
        review_status = case
          when p.local_time::date < ${earliest}::date
            or (p.local_time at time zone d.time_zone) > p.created_at + make_interval(mins => ${FUTURE_TOLERANCE_MINUTES})
          then 'implausible_time' else 'unknown_pin' end
    from devices d
    where d.serial_number = p.serial_number and d.status = 'active'
      and p.serial_number = ${input.serialNumber} and p.review_status = 'unknown_device' ${pinFilter}`);
  const resolved = await queryRows<{ employee_id: string; local_date: string }>(
    executor,
    sql`
    update punches p
    set employee_id = m.employee_id, review_status = 'ok'
    from devices d, device_user_mappings m
    where d.serial_number = p.serial_number and d.status = 'active'
      and m.device_id = d.id and m.pin = p.pin
      and m.start_date <= p.local_time::date and (m.end_date is null or m.end_date >= p.local_time::date)
      and p.serial_number = ${input.serialNumber} and p.review_status = 'unknown_pin' ${pinFilter}
    returning p.employee_id, to_char(p.local_time, 'YYYY-MM-DD') as local_date`,
  );
  return resolved.map((row) => ({ employeeId: row.employee_id, localDate: row.local_date }));
}

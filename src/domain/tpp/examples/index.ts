import { CLASSIC_60_40_RULE_SET } from './classic-60-40';
import { DELI_SERDANG_30_20_50_RULE_SET } from './deli-serdang-30-20-50';
import { KOLAKA_60_30_10_RULE_SET } from './kolaka-60-30-10';
import { TAPANULI_TENGAH_POINTS_RULE_SET } from './tapanuli-tengah-points';

export { CLASSIC_60_40_RULE_SET, DELI_SERDANG_30_20_50_RULE_SET, KOLAKA_60_30_10_RULE_SET, TAPANULI_TENGAH_POINTS_RULE_SET };

/** The shipped example rule sets (rules.md §5), for seeding, the admin's "start from an example" and tests. */
export const EXAMPLE_TPP_RULE_SETS = [CLASSIC_60_40_RULE_SET, KOLAKA_60_30_10_RULE_SET, TAPANULI_TENGAH_POINTS_RULE_SET, DELI_SERDANG_30_20_50_RULE_SET] as const;

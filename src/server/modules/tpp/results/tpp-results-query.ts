import { z } from 'zod';
import { tppResultListQuery } from '../../../../contracts/tpp';

/**
 * The results list's query with a search by name or NIP: a month of a large OPD holds more results
 * than one page shows, so the admin must be able to find one employee (additive to the contract).
 */
export const tppResultSearchQuery = tppResultListQuery.extend({
  q: z.string().trim().max(100, { message: 'Kata kunci paling panjang 100 karakter' }).optional(),
});

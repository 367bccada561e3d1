import { SeededRandom } from './seeded-random';

/**
 * Where the demo regency pays its TPP: most accounts at the regional development bank, which a
 * regency's payroll usually goes through, some at national banks. Numbers are made up (the
 * length each bank uses), the holder is the name without academic titles, as a bank book prints it.
 */
const BANKS = [
  { name: 'Bank Pembangunan Daerah Contoh', digits: 10, share: 0.9 },
  { name: 'Bank Rakyat Indonesia (BRI)', digits: 15, share: 0.06 },
  { name: 'Bank Syariah Indonesia (BSI)', digits: 10, share: 0.04 },
] as const;

export interface DemoBankAccount {
  employeeId: string;
  bankName: string;
  accountNumber: string;
  accountHolder: string;
}

export function planDemoBankAccounts(people: readonly { employeeId: string; nip: string; name: string }[]): DemoBankAccount[] {
  return people.map((person) => {
    const random = new SeededRandom(`bank:${person.nip}`);
    const draw = random.next();
    let cumulative = 0;
    const bank = BANKS.find((candidate) => (cumulative += candidate.share) > draw) ?? BANKS[0];
    const accountNumber = Array.from({ length: bank.digits }, (_, index) => (index === 0 ? random.int(1, 9) : random.int(0, 9))).join('');
    return { employeeId: person.employeeId, bankName: bank.name, accountNumber, accountHolder: person.name.toUpperCase() };
  });
}

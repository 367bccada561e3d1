/** Code-point order: unlike localeCompare it does not depend on the server's locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

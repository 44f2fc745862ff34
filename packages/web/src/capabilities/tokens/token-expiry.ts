/** The expiry choices of the token form: a period from now, a chosen date, or never. */
export const expiryChoices = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'date', label: 'On a date…' },
  { value: 'never', label: 'Never' },
] as const;
export type ExpiryChoice = (typeof expiryChoices)[number]['value'];

/** The ISO expiry to send, or undefined for none. A date means "valid until the end of that day" in the
 *  person's time zone; a period counts from `now`. */
export function expiresAtFor(choice: ExpiryChoice, date: string, now: Date = new Date()): string | undefined {
  if (choice === 'never') return undefined;
  if (choice === 'date') return date ? new Date(`${date}T23:59:59`).toISOString() : undefined;
  return new Date(now.getTime() + Number(choice) * 86_400_000).toISOString();
}

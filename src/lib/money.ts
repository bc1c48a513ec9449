/**
 * Money in integer cents, never floats: "5.000,00 €", "5000", "4.999,5" → cents; cents → German text.
 * Parsing works on the digits as text, so no binary fraction ever enters a budget.
 */

/** Largest amount accepted anywhere (10 million euros), far inside Number.MAX_SAFE_INTEGER. */
export const MAX_CENTS = 1_000_000_000;

/**
 * Reads a German (or plain) euro amount. Returns cents, or null when the text is not an amount.
 * Accepted: "5000", "5.000", "5.000,00", "5000,5", "5 000 €", "1234.56" (a single dot with
 * one or two decimals is read as a decimal point).
 */
export function parseEuroToCents(input: string): number | null {
  let text = input.replace(/\u00a0|\u202f/g, ' ').replace(/€|EUR/gi, '').trim();
  if (!text) return null;
  text = text.replace(/ /g, '');
  let whole: string;
  let fraction = '';
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text) || /^\d+(,\d{1,2})?$/.test(text)) {
    const [w, f = ''] = text.split(',');
    whole = w!.replace(/\./g, '');
    fraction = f;
  } else if (/^\d+\.\d{1,2}$/.test(text)) {
    [whole, fraction] = text.split('.') as [string, string];
  } else return null;
  const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  if (cents > BigInt(MAX_CENTS)) return null;
  return Number(cents);
}

/** "5.000,00 €" */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Kein Cent-Betrag: ${cents}`);
  const negative = cents < 0;
  const abs = BigInt(Math.abs(cents));
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '−' : ''}${euros},${rest} €`;
}

/** For an input field: "4500,00" (no thousands separators, no sign). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents == null) return '';
  return formatCents(cents).replace(/\./g, '').replace(' €', '');
}

/** Sum of integer cents; throws if a value is not a safe integer (a float slipped in). */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`Kein Cent-Betrag: ${v}`);
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('Summe zu groß');
  return total;
}

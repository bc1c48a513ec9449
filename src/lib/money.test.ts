import { describe, expect, it } from 'vitest';
import { centsToInput, formatCents, parseEuroToCents, sumCents } from './money';

describe('money in cents', () => {
  it('reads German and plain amounts exactly', () => {
    expect(parseEuroToCents('5.000,00 €')).toBe(500_000);
    expect(parseEuroToCents('5000')).toBe(500_000);
    expect(parseEuroToCents('4.999,5')).toBe(499_950);
    expect(parseEuroToCents('0,1')).toBe(10);
    expect(parseEuroToCents('1234.56')).toBe(123_456);
    expect(parseEuroToCents('160.000,00')).toBe(16_000_000);
    expect(parseEuroToCents(' 2 500 € ')).toBe(250_000);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '-5', '1.2.3', '12,345', '1e3', '99999999999']) expect(parseEuroToCents(bad), bad).toBeNull();
  });
  it('adds without float drift: 0,10 € + 0,20 € is 0,30 €', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumCents([parseEuroToCents('0,10')!, parseEuroToCents('0,20')!])).toBe(parseEuroToCents('0,30'));
    expect(() => sumCents([0.5])).toThrow(RangeError);
  });
  it('formats German', () => {
    expect(formatCents(16_000_000)).toBe('160.000,00 €');
    expect(formatCents(5)).toBe('0,05 €');
    expect(formatCents(-250_000)).toBe('−2.500,00 €');
    expect(centsToInput(450_050)).toBe('4500,50');
  });
});

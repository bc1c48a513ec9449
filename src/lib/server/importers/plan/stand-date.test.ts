import { describe, expect, it } from 'vitest';
import { standDate } from './stand-date';

describe('standDate', () => {
  it('reads the Stand the documents print', () => {
    expect(standDate('Oktober 2019')).toBe('2019-10-01');
    expect(standDate('August 2024')).toBe('2024-08-01');
    expect(standDate('März 2021')).toBe('2021-03-01');
    expect(standDate('Maerz 2021')).toBe('2021-03-01');
    expect(standDate('12.03.2021')).toBe('2021-03-12');
    expect(standDate('Stand: 1. 2. 2020')).toBe('2020-02-01');
    expect(standDate('09/2019')).toBe('2019-09-01');
    expect(standDate('2023')).toBe('2023-01-01');
  });

  it('gives null for text that names no date, or an impossible one', () => {
    expect(standDate(null)).toBeNull();
    expect(standDate('')).toBeNull();
    expect(standDate('in Bearbeitung')).toBeNull();
    expect(standDate('31.02.2021')).toBeNull();
    expect(standDate('13/2019')).toBeNull();
  });
});

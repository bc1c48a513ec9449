import { describe, expect, it } from 'vitest';
import { addMonths, dueOn, isOverdue, overdueCutoffDate, parseReviewInterval, reviewStatus } from './due';

describe('review-due rule', () => {
  it('adds months as PostgreSQL does (clamped to the month end)', () => {
    expect(addMonths('2025-12-10', 12)).toBe('2026-12-10');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('due on the due date, overdue the day after, due soon within 30 days; never reviewed: overdue', () => {
    const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
    expect(dueOn('2025-12-10', 12)).toBe('2026-12-10');
    expect(dueOn(null, 12)).toBeNull();
    expect(reviewStatus('2026-12-10', at('2026-12-10'))).toBe('due');
    expect(reviewStatus('2026-12-10', at('2026-12-11'))).toBe('overdue');
    expect(reviewStatus('2026-12-10', at('2026-11-10'))).toBe('dueSoon');
    expect(reviewStatus('2026-12-10', at('2026-11-09'))).toBe('current');
    expect(reviewStatus(null, at('2026-11-09'))).toBe('overdue');
    // City time: 23:30 UTC on 9 December is already the 10th in Herne.
    expect(reviewStatus('2026-12-10', new Date('2026-12-09T23:30:00Z'))).toBe('due');
  });

  it('keeps the gap analysis rule (twelve months by default)', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(overdueCutoffDate(now)).toBe('2025-12-04');
    expect(isOverdue('2025-12-03', now)).toBe(true);
    expect(isOverdue('2025-12-04', now)).toBe(false);
    expect(isOverdue('2026-06-03', now, 6)).toBe(true);
  });

  it('validates intervals typed in the back office, in German', () => {
    expect(parseReviewInterval('12', { optional: false })).toEqual({ ok: true, months: 12 });
    expect(parseReviewInterval(' ', { optional: true })).toEqual({ ok: true, months: null });
    expect(parseReviewInterval('', { optional: false })).toEqual({ ok: false, error: 'Bitte geben Sie ein Prüfintervall in Monaten an.' });
    expect(parseReviewInterval('1,5', { optional: false })).toMatchObject({ ok: false, error: expect.stringContaining('ganze Zahl') });
    expect(parseReviewInterval('121', { optional: true })).toMatchObject({ ok: false, error: expect.stringContaining('zwischen 1 und 120') });
  });
});

import { describe, expect, it } from 'vitest';
import { isOverdue, reviewCutoffDate } from './review-age';

describe('review age', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('is overdue after twelve months, or when never reviewed', () => {
    expect(reviewCutoffDate(now)).toBe('2025-12-04');
    expect(isOverdue(null, now)).toBe(true);
    expect(isOverdue('2025-12-03', now)).toBe(true);
    expect(isOverdue('2025-12-04', now)).toBe(false);
    expect(isOverdue('2026-11-30', now)).toBe(false);
  });
});

/**
 * Funding report per programme and year: funded projects by area and by Träger with amounts,
 * as a table and as CSV.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { fundingApplications } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { csvDocument } from '../util/csv';
import { centsToInput, sumCents } from '../../money';

export interface FundingReport {
  projects: { reference: string; title: string; organisation: string; area: string; approvedCents: number; paidCents: number }[];
  byArea: { area: string; count: number; cents: number }[];
  byOrganisation: { organisation: string; count: number; cents: number }[];
  totalCents: number;
}

export async function fundingReport(db: Db, user: SessionUser | null, programmeId: string, year: number): Promise<FundingReport> {
  authorize(user, 'funding.read');
  const projects = await db
    .select({
      reference: fundingApplications.reference,
      title: fundingApplications.title,
      organisation: fundingApplications.organisation,
      area: fundingApplications.area,
      approvedCents: fundingApplications.approvedCents,
      paidCents: fundingApplications.paidCents,
    })
    .from(fundingApplications)
    .where(and(eq(fundingApplications.programmeId, programmeId), eq(fundingApplications.budgetYear, year), eq(fundingApplications.state, 'bewilligt')))
    .orderBy(asc(fundingApplications.area), asc(fundingApplications.organisation), asc(fundingApplications.reference));
  const rows = projects.map((p) => ({ ...p, approvedCents: p.approvedCents ?? 0 }));
  const group = (key: 'area' | 'organisation') => {
    const map = new Map<string, { count: number; cents: number[] }>();
    for (const r of rows) {
      const g = map.get(r[key]) ?? { count: 0, cents: [] };
      g.count++;
      g.cents.push(r.approvedCents);
      map.set(r[key], g);
    }
    return [...map.entries()].map(([name, g]) => ({ name, count: g.count, cents: sumCents(g.cents) }));
  };
  return {
    projects: rows,
    byArea: group('area').map(({ name, ...g }) => ({ area: name, ...g })),
    byOrganisation: group('organisation').map(({ name, ...g }) => ({ organisation: name, ...g })),
    totalCents: sumCents(rows.map((r) => r.approvedCents)),
  };
}

export function fundingReportCsv(report: FundingReport): string {
  return csvDocument(
    ['Aktenzeichen', 'Titel', 'Träger', 'Förderbereich', 'Bewilligt (EUR)', 'Ausgezahlt (EUR)'],
    report.projects.map((p) => [p.reference, p.title, p.organisation, p.area, centsToInput(p.approvedCents), centsToInput(p.paidCents)]),
  );
}

/**
 * The public application form: what is read from the post, the Zod schema with German messages,
 * and the programme's rules (cap, eligible cost types, deadline, areas) checked on top.
 */
import { z } from 'zod';
import { refineStorable } from '../text/storable';
import type { FundingCostLine } from '../db/schema';
import { formatCents, parseEuroToCents, sumCents } from '../../money';
import type { Programme } from './programmes';

/** Rows of the cost plan offered by the form (empty rows are ignored). */
export const COST_LINE_ROWS = 5;

export interface CostLineValues {
  costType: string;
  description: string;
  amount: string;
}

export interface ApplicationFormValues {
  organisation: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
  title: string;
  description: string;
  area: string;
  targetGroup: string;
  periodStart: string;
  periodEnd: string;
  costLines: CostLineValues[];
  requested: string;
  otherFunding: string;
}

export const emptyApplicationForm = (): ApplicationFormValues => ({
  organisation: '',
  contactName: '',
  contactEmail: '',
  consent: false,
  title: '',
  description: '',
  area: '',
  targetGroup: '',
  periodStart: '',
  periodEnd: '',
  costLines: Array.from({ length: COST_LINE_ROWS }, () => ({ costType: '', description: '', amount: '' })),
  requested: '',
  otherFunding: '',
});

export interface ApplicationSubmission {
  values: ApplicationFormValues;
  honeypot: string;
  token: string;
}

export function readApplicationForm(form: FormData): ApplicationSubmission {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    values: {
      organisation: text('organisation'),
      contactName: text('contactName'),
      contactEmail: text('contactEmail'),
      consent: form.get('consent') !== null,
      title: text('title'),
      description: text('description'),
      area: text('area'),
      targetGroup: text('targetGroup'),
      periodStart: text('periodStart'),
      periodEnd: text('periodEnd'),
      costLines: Array.from({ length: COST_LINE_ROWS }, (_, i) => ({
        costType: text(`costType${i}`),
        description: text(`costDescription${i}`),
        amount: text(`costAmount${i}`),
      })),
      requested: text('requested'),
      otherFunding: text('otherFunding'),
    },
    honeypot: text('website'),
    token: text('formToken'),
  };
}

const required = (message: string, max: number) => z.string({ message }).trim().min(1, message).max(max, `Höchstens ${max} Zeichen.`);
const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);

const baseInput = z
  .object({
    organisation: required('Bitte geben Sie die antragstellende Organisation an.', 300),
    contactName: required('Bitte geben Sie eine Ansprechperson an.', 200),
    contactEmail: z
      .string()
      .trim()
      .max(254, 'Höchstens 254 Zeichen.')
      .pipe(z.string().email('Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.de.')),
    consent: z.literal(true, { message: 'Bitte stimmen Sie der Verarbeitung Ihrer Kontaktdaten für das Antragsverfahren zu.' }),
    title: z.string().trim().min(3, 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).').max(300, 'Höchstens 300 Zeichen.'),
    description: z.string().trim().min(20, 'Bitte beschreiben Sie das Vorhaben (mindestens 20 Zeichen).').max(20_000, 'Höchstens 20.000 Zeichen.'),
    area: required('Bitte wählen Sie einen Förderbereich.', 300),
    targetGroup: required('Bitte nennen Sie die Zielgruppe.', 1_000),
    periodStart: isoDate('Bitte geben Sie den Beginn als Datum an.'),
    periodEnd: isoDate('Bitte geben Sie das Ende als Datum an.'),
    requested: z.string().trim().min(1, 'Bitte geben Sie den beantragten Betrag an.'),
    otherFunding: z
      .string()
      .trim()
      .max(2_000, 'Höchstens 2.000 Zeichen.')
      .transform((v) => (v ? v : null)),
  })
  .superRefine(refineStorable);

export interface ValidApplication {
  organisation: string;
  contactName: string;
  contactEmail: string;
  title: string;
  description: string;
  area: string;
  targetGroup: string;
  periodStart: string;
  periodEnd: string;
  costLines: FundingCostLine[];
  requestedCents: number;
  otherFunding: string | null;
}

export type ApplicationCheck = { ok: true; value: ValidApplication } | { ok: false; errors: Record<string, string> };

/** Validates the form against the schema and the programme's rules; errors by field name. */
export function checkApplication(values: ApplicationFormValues, programme: Programme, today: string): ApplicationCheck {
  const errors: Record<string, string> = {};
  if (!programme.acceptsApplications) errors.form = 'Für dieses Programm werden zurzeit keine Anträge angenommen.';
  if (programme.applicationDeadline && today > programme.applicationDeadline)
    errors.form = `Die Antragsfrist ist am ${germanDate(programme.applicationDeadline)} abgelaufen. Anträge können nicht mehr eingereicht werden.`;

  const parsed = baseInput.safeParse(values);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;

  if (values.area && !programme.areas.includes(values.area.trim())) errors.area ??= 'Bitte wählen Sie einen Förderbereich aus der Liste.';

  const lines: FundingCostLine[] = [];
  const costTypes = new Map(programme.costTypes.map((c) => [c.code, c.label]));
  values.costLines.forEach((line, i) => {
    const empty = !line.costType.trim() && !line.description.trim() && !line.amount.trim();
    if (empty) return;
    if (!costTypes.has(line.costType.trim()))
      errors[`costType${i}`] = line.costType.trim()
        ? `Diese Kostenart ist in diesem Programm nicht förderfähig. Förderfähig sind: ${[...costTypes.values()].join(', ')}.`
        : 'Bitte wählen Sie eine Kostenart.';
    if (!line.description.trim()) errors[`costDescription${i}`] = 'Bitte beschreiben Sie die Kosten.';
    else if (line.description.trim().length > 300) errors[`costDescription${i}`] = 'Höchstens 300 Zeichen.';
    const cents = parseEuroToCents(line.amount);
    if (cents == null || cents <= 0) errors[`costAmount${i}`] = 'Bitte geben Sie einen Betrag in Euro an, z. B. 1.250,00.';
    else lines.push({ costType: line.costType.trim(), description: line.description.trim(), amountCents: cents });
  });
  if (!values.costLines.some((l) => l.costType.trim() || l.description.trim() || l.amount.trim()))
    errors.costType0 ??= 'Bitte geben Sie mindestens eine Zeile des Kostenplans an.';

  const requestedCents = values.requested.trim() ? parseEuroToCents(values.requested) : null;
  if (values.requested.trim() && (requestedCents == null || requestedCents <= 0))
    errors.requested = 'Bitte geben Sie den beantragten Betrag in Euro an, z. B. 4.500,00.';
  if (requestedCents != null && requestedCents > 0) {
    if (programme.capCents != null && requestedCents > programme.capCents)
      errors.requested = `Der beantragte Betrag von ${formatCents(requestedCents)} übersteigt die Förderhöchstgrenze von ${formatCents(programme.capCents)} je Maßnahme. Bitte beantragen Sie höchstens ${formatCents(programme.capCents)}.`;
    else if (lines.length && requestedCents > sumCents(lines.map((l) => l.amountCents)))
      errors.requested = `Der beantragte Betrag von ${formatCents(requestedCents)} ist höher als die Summe des Kostenplans (${formatCents(sumCents(lines.map((l) => l.amountCents)))}).`;
  }

  if (parsed.success) {
    const { periodStart, periodEnd } = parsed.data;
    if (periodEnd < periodStart) errors.periodEnd ??= 'Das Ende liegt vor dem Beginn.';
    if (programme.periodStart && periodStart < programme.periodStart)
      errors.periodStart ??= `Das Vorhaben muss im Förderzeitraum liegen (ab ${germanDate(programme.periodStart)}).`;
    if (programme.periodEnd && periodEnd > programme.periodEnd)
      errors.periodEnd ??= `Das Vorhaben muss im Förderzeitraum liegen (bis ${germanDate(programme.periodEnd)}).`;
  }

  if (Object.keys(errors).length || !parsed.success || requestedCents == null) return { ok: false, errors };
  const d = parsed.data;
  return {
    ok: true,
    value: {
      organisation: d.organisation,
      contactName: d.contactName,
      contactEmail: d.contactEmail,
      title: d.title,
      description: d.description,
      area: d.area,
      targetGroup: d.targetGroup,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      costLines: lines,
      requestedCents,
      otherFunding: d.otherFunding,
    },
  };
}

/** "2026-12-31" → "31.12.2026" */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

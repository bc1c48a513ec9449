/**
 * What Redaktion types to start a call for updates, and what an actor answers: Zod schemas with
 * German messages per field (form field names as keys, so a form can show them in place).
 */
import { z } from 'zod';
import { optionalText } from '../validation/fields';
import { refineStorable } from '../text/storable';
import { UPDATE_ANSWER_KINDS } from '../db/schema';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const campaignInput = z
  .object({
    catalogueId: z.string({ message: 'Bitte wählen Sie einen Katalog.' }).trim().uuid('Bitte wählen Sie einen Katalog aus der Liste.'),
    title: z
      .string({ message: 'Bitte geben Sie einen Titel an.' })
      .trim()
      .min(3, 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).')
      .max(200, 'Höchstens 200 Zeichen.'),
    message: optionalText(5_000),
    deadline: z
      .string({ message: 'Bitte geben Sie eine Antwortfrist an.' })
      .trim()
      .regex(isoDay, 'Bitte geben Sie die Antwortfrist als Datum an (TT.MM.JJJJ).')
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Dieses Datum gibt es nicht.'),
  })
  .superRefine(refineStorable);

export type CampaignInput = z.input<typeof campaignInput>;

/** One answer about a measure of the request. "unveraendert" needs no note; the others say what. */
export const measureAnswerInput = z
  .object({
    measureId: z.string().uuid('Unbekannte Maßnahme.'),
    kind: z.enum(UPDATE_ANSWER_KINDS.filter((k) => k !== 'neu') as ['unveraendert', 'geaendert', 'eingestellt'], {
      message: 'Bitte wählen Sie eine Antwort.',
    }),
    note: optionalText(5_000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'geaendert' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Bitte beschreiben Sie kurz, was sich geändert hat.' });
    if (v.kind === 'eingestellt' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Bitte geben Sie an, seit wann und warum die Maßnahme eingestellt ist.' });
  });

/** A new measure reported with the answer: a title and a short description are enough for Redaktion. */
export const newMeasureInput = z.object({
  title: z.string().trim().min(3, 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).').max(300, 'Höchstens 300 Zeichen.'),
  note: z.string().trim().min(10, 'Bitte beschreiben Sie die neue Maßnahme (mindestens 10 Zeichen).').max(5_000, 'Höchstens 5000 Zeichen.'),
});

export const requestAnswerInput = z
  .object({
    answers: z.array(measureAnswerInput).max(2_000),
    newMeasures: z.array(newMeasureInput).max(20, 'Höchstens 20 neue Maßnahmen auf einmal.'),
  })
  .superRefine(refineStorable);

export type RequestAnswerInput = z.input<typeof requestAnswerInput>;

/**
 * The answer form as posted: `answer.<measureId>` (kind), `note.<measureId>`, and new measures as
 * `newTitle.<n>` / `newNote.<n>`; rows left empty are not answers. Field keys of errors match.
 */
export function answerFormToInput(form: FormData): { input: RequestAnswerInput; keys: { answers: string[]; newMeasures: number[] } } {
  const answers: RequestAnswerInput['answers'] = [];
  const answerKeys: string[] = [];
  for (const [name, value] of form.entries()) {
    const m = /^answer\.(.+)$/.exec(name);
    if (!m || typeof value !== 'string' || !value) continue;
    const measureId = m[1]!;
    answers.push({ measureId, kind: value as 'unveraendert', note: String(form.get(`note.${measureId}`) ?? '') });
    answerKeys.push(measureId);
  }
  const newMeasures: RequestAnswerInput['newMeasures'] = [];
  const newKeys: number[] = [];
  for (const [name, value] of form.entries()) {
    const m = /^newTitle\.(\d{1,2})$/.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    const title = String(value ?? '').trim();
    const note = String(form.get(`newNote.${n}`) ?? '').trim();
    if (!title && !note) continue;
    newMeasures.push({ title, note });
    newKeys.push(n);
  }
  return { input: { answers, newMeasures }, keys: { answers: answerKeys, newMeasures: newKeys } };
}

/** Zod issue paths of requestAnswerInput → the form's field names (answers.3.note → note.<id>). */
export function answerFieldName(path: readonly PropertyKey[], keys: { answers: string[]; newMeasures: number[] }): string {
  const [list, index, field] = path;
  if (list === 'answers' && typeof index === 'number') return `${field === 'note' ? 'note' : 'answer'}.${keys.answers[index] ?? ''}`;
  if (list === 'newMeasures' && typeof index === 'number') return `${field === 'note' ? 'newNote' : 'newTitle'}.${keys.newMeasures[index] ?? ''}`;
  return path.map(String).join('.') || '_';
}

import { describe, expect, it } from 'vitest';
import { answerFieldName, answerFormToInput, requestAnswerInput } from './campaign-input';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('answer form of a call for updates', () => {
  it('reads one answer per measure chosen and the new-measure rows typed; empty rows are no answers', () => {
    const form = new FormData();
    form.set(`answer.${A}`, 'geaendert');
    form.set(`note.${A}`, 'Neuer Ort');
    form.set(`note.${B}`, 'nur eine Notiz, keine Wahl');
    form.set('newTitle.0', '');
    form.set('newNote.0', '');
    form.set('newTitle.1', 'Sprachcafé');
    form.set('newNote.1', 'Jeden Dienstag.');
    const { input, keys } = answerFormToInput(form);
    expect(input).toEqual({ answers: [{ measureId: A, kind: 'geaendert', note: 'Neuer Ort' }], newMeasures: [{ title: 'Sprachcafé', note: 'Jeden Dienstag.' }] });
    expect(keys).toEqual({ answers: [A], newMeasures: [1] });
  });

  it('names the form field of each problem, in German', () => {
    const keys = { answers: [A, B], newMeasures: [2] };
    const parsed = requestAnswerInput.safeParse({
      answers: [
        { measureId: A, kind: 'eingestellt', note: '' },
        { measureId: B, kind: 'vielleicht' },
      ],
      newMeasures: [{ title: 'ab', note: 'zu kurz' }],
    });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [answerFieldName(i.path, keys), i.message]));
    expect(fields).toEqual({
      [`note.${A}`]: 'Bitte geben Sie an, seit wann und warum die Maßnahme eingestellt ist.',
      [`answer.${B}`]: 'Bitte wählen Sie eine Antwort.',
      'newTitle.2': 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).',
      'newNote.2': 'Bitte beschreiben Sie die neue Maßnahme (mindestens 10 Zeichen).',
    });
  });
});

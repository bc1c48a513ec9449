import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import type { NodeType } from '../server/db/schema';
import { nodeCrumb } from './tree';

const ar = createTranslator('ar');
const typeLabel = (type: NodeType) => ar(`nodeType.${type}`);

describe('nodeCrumb', () => {
  it('names coded goals entirely in the interface language (the code is neutral)', () => {
    expect(nodeCrumb({ type: 'leitziel', code: 'A', title: 'Bildung ist Querschnitt' }, typeLabel, 'de')).toEqual({ label: 'الهدف الرئيسي A' });
    expect(nodeCrumb({ type: 'handlungsziel', code: 'A1', title: 'Alle …' }, typeLabel, 'de')).toEqual({ label: 'الهدف التنفيذي A1' });
  });

  it('translates the type of a Handlungsfeld and keeps its German title marked as German', () => {
    expect(nodeCrumb({ type: 'handlungsfeld', code: null, title: 'Gesundheit' }, typeLabel, 'de')).toEqual({
      prefix: 'مجال العمل',
      label: 'Gesundheit',
      lang: 'de',
    });
  });

  it('does not repeat a type the title already names, and keeps other nodes by their German title', () => {
    expect(nodeCrumb({ type: 'handlungsfeld', code: null, title: 'Handlungsfeld Wohnen' }, typeLabel, 'de')).toEqual({ label: 'Handlungsfeld Wohnen', lang: 'de' });
    expect(nodeCrumb({ type: 'dimension', code: null, title: 'Geschlecht' }, typeLabel, 'de')).toEqual({ label: 'Geschlecht', lang: 'de' });
  });
});

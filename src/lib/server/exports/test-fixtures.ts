/**
 * Test support for the exports (imported by *.db.test.ts only): the factories' integration
 * concept plus a second Handlungsfeld with a measure in Arabic (RTL shaping in the PDF) and a
 * measure whose texts look like spreadsheet formulas (CSV injection).
 */
import { buildMeasure, buildPlan } from '../../../../tests/helpers/factories';
import type { ImportPlan } from '../importers/plan/types';

export const ARABIC_TITLE = 'دروس اللغة للآباء والأمهات';
export const ARABIC_TEXT = 'تقدم المدينة دروسا في اللغة الألمانية للآباء والأمهات في رياض الأطفال.';
export const FORMULA_TITLE = '=HYPERLINK("http://example.invalid","Klick")';
export const FORMULA_REMARK = '+49 2323 16-0';
export const BULLET_TEXT = '- erster Punkt\n- zweiter Punkt';

export function exportPlan(): ImportPlan {
  const plan = buildPlan();
  plan.nodes.push(
    { key: 'hf:gesundheit', parentKey: null, type: 'handlungsfeld', code: null, title: 'Gesundheit', body: null, source: null },
    { key: 'hf:gesundheit/lz:A', parentKey: 'hf:gesundheit', type: 'leitziel', code: 'A', title: 'Leitziel A', body: null, source: null },
    { key: 'hf:gesundheit/lz:A/hz:A1', parentKey: 'hf:gesundheit/lz:A', type: 'handlungsziel', code: 'A1', title: 'Handlungsziel A1', body: null, source: null },
  );
  plan.measures.push(
    buildMeasure({
      key: 'hf:gesundheit/lz:A/hz:A1/m:1',
      number: '1',
      title: ARABIC_TITLE,
      description: ARABIC_TEXT,
      placements: [{ nodeKey: 'hf:gesundheit/lz:A/hz:A1', number: '1' }],
    }),
    buildMeasure({
      key: 'hf:gesundheit/lz:A/hz:A1/m:2',
      number: '2',
      title: FORMULA_TITLE,
      description: BULLET_TEXT,
      remarks: FORMULA_REMARK,
      placements: [{ nodeKey: 'hf:gesundheit/lz:A/hz:A1', number: '2' }],
      references: [{ wording: 'Siehe Maßnahme 1 im Handlungsfeld Bildung', target: { handlungsziel: 'A1', nummer: '1' }, toKey: 'hf:bildung/lz:A/hz:A1/m:1' }],
    }),
  );
  return plan;
}

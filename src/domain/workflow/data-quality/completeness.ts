// Completeness per HUD element over a set of enrollments: how many of those asked answered, said
// 8 / 9, were 99, or have nothing (see ./elements.ts for who is asked and how answers are
// classed). Client elements count each client once; 4.12 counts each Current Living Situation of
// the head of household and adults dated in the period. Every answer that is not "answered" is
// also a finding, with the screen that fixes it.
import { CLS_ELEMENT, COMPLETENESS_ELEMENTS, classifyCode } from './elements';
import type { ScopedEnrollment } from './scope';
import type { AnswerClass, CompletenessRow, DataQualityInput, DqFinding } from './types';

const CLASS_WORDS: Readonly<Record<Exclude<AnswerClass, 'answered'>, string>> = {
  dontKnow: "client doesn't know (8)",
  refused: 'client prefers not to answer (9)',
  notCollected: 'data not collected (99)',
  missing: 'missing',
};

type Counts = { -readonly [K in AnswerClass]: number };
const zero = (): Counts => ({ answered: 0, dontKnow: 0, refused: 0, notCollected: 0, missing: 0 });

function row(element: string, label: string, c: Counts): CompletenessRow {
  const total = c.answered + c.dontKnow + c.refused + c.notCollected + c.missing;
  return { element, label, ...c, total };
}

export function completeness(
  enrollments: readonly ScopedEnrollment[],
  period: DataQualityInput['period'],
): { rows: CompletenessRow[]; findings: DqFinding[] } {
  const findings: DqFinding[] = [];
  const rows: CompletenessRow[] = [];
  for (const def of COMPLETENESS_ELEMENTS) {
    const counts = zero();
    const seenClients = new Set<string>();
    for (const s of enrollments) {
      const c = s.context;
      if (def.of === 'client') {
        const clientId = String(c.enrollment.clientId ?? '');
        if (seenClients.has(clientId)) continue;
        seenClients.add(clientId);
      }
      if (!def.asked(c)) continue;
      const k = def.classify(c);
      counts[k] += 1;
      if (k !== 'answered') {
        findings.push({
          kind: 'completeness',
          ref: def.element,
          title: `${def.element} ${def.label}`,
          message: `${def.label}: ${CLASS_WORDS[k]}.`,
          severity: k === 'missing' ? 'error' : 'warning',
          clientId: typeof c.enrollment.clientId === 'string' ? c.enrollment.clientId : null,
          enrollmentId: c.enrollment.id,
          link: def.link(c),
        });
      }
    }
    rows.push(row(def.element, def.label, counts));
  }

  const cls = zero();
  for (const s of enrollments) {
    const c = s.context;
    if (!(c.isHoH || c.isAdult)) continue;
    for (const r of s.cls) {
      const date = String(r.view.informationDate ?? '');
      if (date < period.startDate || date > period.endDate) continue;
      const k = classifyCode(r.view.currentLivingSituation);
      cls[k] += 1;
      if (k !== 'answered') {
        findings.push({
          kind: 'completeness',
          ref: CLS_ELEMENT.element,
          title: `${CLS_ELEMENT.element} ${CLS_ELEMENT.label}`,
          message: `${CLS_ELEMENT.label} on ${date}: ${CLASS_WORDS[k]}.`,
          severity: k === 'missing' ? 'error' : 'warning',
          clientId: typeof c.enrollment.clientId === 'string' ? c.enrollment.clientId : null,
          enrollmentId: c.enrollment.id,
          link: { screen: 'contact', enrollmentId: c.enrollment.id },
        });
      }
    }
  }
  rows.push(row(CLS_ELEMENT.element, CLS_ELEMENT.label, cls));
  return { rows, findings };
}

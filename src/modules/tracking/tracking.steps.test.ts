// The parcel-style journey of a case, from its steps and step changes.
import { describe, expect, it } from 'vitest';
import { journey, type JourneyInput, type StepDef } from './tracking.steps.ts';

const step = (key: string, position: number, fr: string, final = false): StepDef => ({ key, position, final, label: { fr, en: key } });
const steps: StepDef[] = [
  step('intake', 10, 'Prise en charge'),
  step('diagnosis', 20, 'Diagnostic'),
  step('quote_pending', 25, 'Devis à valider'),
  step('awaiting_part', 30, 'En attente de pièce'),
  step('repair', 40, 'Réparation'),
  step('closed', 80, 'Clôturé', true),
];
const at = (iso: string) => new Date(`2026-04-${iso}:00Z`);
const created = at('06T09:00');

const base: JourneyInput = { steps, currentKey: 'intake', status: 'new', createdAt: created, closedAt: null, changes: [] };
const summary = (input: Partial<JourneyInput>) =>
  journey({ ...base, ...input }).map((s) => `${s.key}:${s.state}${s.at ? `@${s.at.toISOString().slice(5, 16)}` : ''}`);

describe('journey', () => {
  it('a new case: taken in charge now, then the next step and the end', () => {
    expect(summary({})).toEqual(['intake:current@04-06T09:00', 'diagnosis:upcoming', 'closed:upcoming']);
  });

  it('shows next what a running workflow plans, not the next step by position, and nothing when it plans none', () => {
    const changes = [{ at: at('07T10:00'), from: 'intake', to: 'diagnosis' }];
    expect(summary({ currentKey: 'diagnosis', status: 'open', changes, plannedNext: 'repair' })).toEqual(['intake:done@04-06T09:00', 'diagnosis:current@04-07T10:00', 'repair:upcoming', 'closed:upcoming']);
    expect(summary({ currentKey: 'diagnosis', status: 'open', changes, plannedNext: null })).toEqual(['intake:done@04-06T09:00', 'diagnosis:current@04-07T10:00', 'closed:upcoming']);
  });

  it('shows the steps reached with their dates, the current one and what follows', () => {
    const changes = [
      { at: at('07T10:00'), from: 'intake', to: 'diagnosis' },
      { at: at('08T15:30'), from: 'diagnosis', to: 'awaiting_part' },
    ];
    expect(summary({ currentKey: 'awaiting_part', status: 'waiting_third_party', changes })).toEqual([
      'intake:done@04-06T09:00',
      'diagnosis:done@04-07T10:00',
      'awaiting_part:current@04-08T15:30',
      'repair:upcoming',
      'closed:upcoming',
    ]);
  });

  it('does not pretend the case went through steps it skipped', () => {
    const changes = [{ at: at('07T10:00'), from: 'intake', to: 'repair' }];
    expect(summary({ currentKey: 'repair', changes })).toEqual(['intake:done@04-06T09:00', 'repair:current@04-07T10:00', 'closed:upcoming']);
  });

  it('a step the case came back to is current, shown once', () => {
    const changes = [
      { at: at('07T10:00'), from: 'intake', to: 'diagnosis' },
      { at: at('08T10:00'), from: 'diagnosis', to: 'repair' },
      { at: at('09T10:00'), from: 'repair', to: 'diagnosis' },
    ];
    expect(summary({ currentKey: 'diagnosis', changes })).toEqual([
      'intake:done@04-06T09:00',
      'repair:done@04-08T10:00',
      'diagnosis:current@04-09T10:00',
      'quote_pending:upcoming',
      'closed:upcoming',
    ]);
  });

  it('a closed case: everything done, the end dated by the closing', () => {
    const changes = [{ at: at('07T10:00'), from: 'intake', to: 'repair' }];
    expect(summary({ currentKey: 'repair', status: 'closed', closedAt: at('10T17:00'), changes })).toEqual([
      'intake:done@04-06T09:00',
      'repair:done@04-07T10:00',
      'closed:done@04-10T17:00',
    ]);
  });

  it('a case moved to the final step is done there', () => {
    const changes = [{ at: at('07T10:00'), from: 'intake', to: 'closed' }];
    expect(summary({ currentKey: 'closed', status: 'solved', changes })).toEqual(['intake:done@04-06T09:00', 'closed:done@04-07T10:00']);
  });

  it('a case without a step: the first step and the end are to come', () => {
    expect(summary({ currentKey: null })).toEqual(['intake:upcoming', 'closed:upcoming']);
  });

  it('ignores steps that no longer exist', () => {
    const changes = [{ at: at('07T10:00'), from: 'intake', to: 'old_step' }, { at: at('08T10:00'), from: 'old_step', to: 'repair' }];
    expect(summary({ currentKey: 'repair', changes })).toEqual(['intake:done@04-06T09:00', 'repair:current@04-08T10:00', 'closed:upcoming']);
  });
});

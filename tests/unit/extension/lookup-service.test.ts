import { describe, expect, it, vi } from 'vitest';
import { isTermSelection } from '../../../core/match/selection';
import { IncompleteLayers, LookupService, type SnapshotStore } from '../../../extension/lookup-service';
import { fixtureIndex } from '../paths';

const service = () => new LookupService(async () => fixtureIndex());

describe('the background lookup service', () => {
  it('answers a term with its card data and a sentence with its list', async () => {
    const s = service();
    const term = await s.handle({ type: 'lookup', text: 'HFNC' });
    expect(term).toMatchObject({ ok: true, value: { mode: 'term', hits: [{ id: 'high-flow-nasal-cannula' }] } });
    const sentence = await s.handle({ type: 'lookup', text: 'Pt SOB on HFNC, give dexamethasone.' });
    expect(sentence).toMatchObject({ ok: true, value: { mode: 'sentence' } });
    if (sentence.ok) expect((sentence.value as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual(['dyspnea', 'high-flow-nasal-cannula', 'dexamethasone']);
  });

  it('sends related entries along so the card can show their titles', async () => {
    const reply = await service().handle({ type: 'lookup', text: 'HFNC' });
    if (!reply.ok) throw new Error(reply.error);
    expect(Object.keys((reply.value as { entries: object }).entries)).toContain('prone-positioning');
  });

  it('refuses malformed messages with a clear error instead of throwing', async () => {
    const s = service();
    for (const bad of [null, 42, 'lookup', { type: 'lookup' }, { type: 'lookup', text: 42 }, { type: 'drop-tables' }, { type: 'lookup', text: 'x'.repeat(30_000) }])
      expect(await s.handle(bad)).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request: /) });
  });

  it('reports the index in use, and an unreadable index as an error', async () => {
    // The source names each layer in use with its version: only the bundled index here.
    expect(await service().handle({ type: 'status' })).toMatchObject({ ok: true, value: { entries: 18, source: 'default@1' } });
    const broken = new LookupService(async () => ({ format: 'something else' }));
    expect(await broken.handle({ type: 'status' })).toMatchObject({ ok: false, error: expect.stringMatching(/index rejected/) });
  });

  it('answers from the sources layered over the bundled index, and from a new merge after a sync', async () => {
    const hospital = structuredClone(fixtureIndex());
    hospital.source = 'hospital';
    hospital.version = 4;
    hospital.entries = hospital.entries.filter((e) => e.id === 'dexamethasone');
    (hospital.entries[0] as { summary: Record<string, string> }).summary.en = 'Hospital protocol.';
    const s = new LookupService(async () => fixtureIndex(), async () => [{ index: hospital, priority: 10 }]);
    expect(await s.handle({ type: 'entry', id: 'dexamethasone' })).toMatchObject({ ok: true, value: { summary: { en: 'Hospital protocol.' } } });
    expect(await s.handle({ type: 'status' })).toMatchObject({ ok: true, value: { source: 'default@1+hospital@4', entries: 18 } });
    // The source no longer has the entry: the bundled one answers again.
    await s.setLayers([{ index: { ...hospital, version: 5, entries: [] }, priority: 10 }]);
    const back = await s.handle({ type: 'entry', id: 'dexamethasone' });
    expect(back.ok && (back.value as { summary: { en: string } }).summary.en).not.toBe('Hospital protocol.');
  });

  it("answers without a source whose index cannot be read, says so, never saves that as the cold-start snapshot, and takes the source back once storage recovers", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const hospital = structuredClone(fixtureIndex());
      hospital.source = 'hospital';
      hospital.version = 4;
      hospital.entries = hospital.entries.filter((e) => e.id === 'dexamethasone');
      (hospital.entries[0] as { summary: Record<string, string> }).summary.en = 'Hospital protocol.';
      let storageWorks = false;
      const saved: string[] = [];
      const snapshots: SnapshotStore = { key: async () => 'k', load: async () => undefined, save: async (_key, snapshot) => void saved.push(snapshot.label) };
      const s = new LookupService(
        async () => fixtureIndex(),
        async () => {
          if (!storageWorks) throw new IncompleteLayers([], ['Riverside']);
          return [{ index: hospital, priority: 10 }];
        },
        snapshots,
      );
      expect(await s.handle({ type: 'status' })).toMatchObject({ ok: true, value: { source: 'default@1', problem: expect.stringMatching(/Riverside.*could not be read/) } });
      expect(saved).toEqual([]);
      storageWorks = true;
      vi.setSystemTime(Date.now() + 31_000);
      await s.handle({ type: 'status' }); // answers at once, and reads the sources again in the background
      await vi.waitFor(async () => expect(await s.handle({ type: 'status' })).toMatchObject({ ok: true, value: { source: 'default@1+hospital@4' } }));
      const status = await s.handle({ type: 'status' });
      expect(status.ok && 'problem' in (status.value as object)).toBe(false);
      expect(saved).toEqual(['default@1+hospital@4']);
      expect(await s.handle({ type: 'entry', id: 'dexamethasone' })).toMatchObject({ ok: true, value: { summary: { en: 'Hospital protocol.' } } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a term from a sentence', () => {
    expect(isTermSelection('HFNC')).toBe(true);
    expect(isTermSelection('high-flow nasal cannula')).toBe(true);
    expect(isTermSelection('Pt on HFNC. Plan: dexamethasone 6 mg daily and review tomorrow')).toBe(false);
    expect(isTermSelection('患者行俯卧位通气，给予地塞米松。')).toBe(false);
    expect(isTermSelection('方舱医院')).toBe(true);
  });
});

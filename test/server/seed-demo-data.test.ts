import { validateFilter } from '../../src/domain/filter/filter-validation';
import { DEMO_CHANNELS, DEMO_CUSTOM_FIELDS, DEMO_SEGMENTS } from '../../src/server/seed/demo-data';
import { readExamples } from '../../demo/example-files';

/** The seeded demo workspace and the example workflows name the same things. */
describe('seed demo data', () => {
  it('seeds segments whose filters the hub accepts', () => {
    for (const segment of DEMO_SEGMENTS) {
      expect(() => validateFilter(segment.filter, { customFields: DEMO_CUSTOM_FIELDS })).not.toThrow();
      expect(segment.id).toMatch(/^seg_/);
    }
  });

  it('has every segment, channel and custom field the examples name', () => {
    const text = JSON.stringify(readExamples());
    const segmentIds = [...text.matchAll(/"segmentId":"([^"]+)"/g)].map((m) => m[1]);
    expect(segmentIds.length).toBeGreaterThan(0);
    for (const id of segmentIds) expect(DEMO_SEGMENTS.map((s) => s.id)).toContain(id);
    const channelIds = [...text.matchAll(/"channelIds":\[([^\]]*)\]/g)].flatMap((m) => JSON.parse(`[${m[1]}]`) as string[]);
    expect(channelIds.length).toBeGreaterThan(0);
    for (const id of channelIds) expect(DEMO_CHANNELS.map((c) => c.id)).toContain(id);
    for (const example of readExamples()) {
      for (const node of example.nodes) {
        const mapped = (node.parameters.customFieldValues as { value?: Record<string, unknown> } | undefined)?.value ?? {};
        for (const key of Object.keys(mapped)) expect(DEMO_CUSTOM_FIELDS.map((f) => f.key)).toContain(key);
      }
    }
  });
});

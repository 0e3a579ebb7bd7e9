import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeListSearchResult, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';
import { createAdditionalData } from '../support/n8n-additional-data';
import { chain, N8nHarness } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';
import { contactNode, emit, locator } from './contact-support';

/** Every Contact operation, run through n8n's WorkflowExecute against a real hub. */
describe('Contact Hub node, Contact resource, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  const owner = () => hub.as('owner');
  /** Runs one Contact Hub node fed by the given items; answers the node's output. */
  const run = async (operation: string, parameters: Record<string, unknown>, items: unknown[] = [{}], continueOnFail = false) => {
    const result = await n8n.runWorkflow({
      nodes: [emit(items), contactNode(operation, parameters, { continueOnFail })],
      connections: chain('Start', 'Contact Hub'),
    });
    return { result, items: result.nodes['Contact Hub']?.items ?? [], error: result.nodes['Contact Hub']?.error };
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await owner().post('/v1/contacts', body);
    expect(res.status).toBe(201);
    return res.data as IDataObject & { id: string };
  };

  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.manager });
    for (const field of [
      { key: 'plan', label: 'Plan', type: 'list', options: ['Free', 'Pro'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'birthday', label: 'Birthday', type: 'date' },
      { key: 'vip', label: 'VIP', type: 'boolean' },
    ]) {
      expect((await owner().post('/v1/custom-fields', field)).status).toBe(201);
    }
  }, 300_000);
  afterAll(() => hub.close());

  describe('Create and Create or Update', () => {
    it('Create makes a contact with standard fields, tags and typed custom fields', async () => {
      const { items } = await run('create', {
        fields: { firstName: 'Ana', lastName: 'Souza', phone: '+55 11 91234-5678', email: 'Ana@Example.com', tags: 'VIP, newsletter' },
        customFieldValues: { mappingMode: 'defineBelow', value: { plan: 'Pro', seats: 3, birthday: '1990-04-21', vip: true }, matchingColumns: [], schema: [] },
      });
      expect(items).toHaveLength(1);
      expect(items[0].pairedItem).toEqual({ item: 0 });
      expect(items[0].json).toMatchObject({
        created: true,
        firstName: 'Ana',
        phone: '+5511912345678',
        email: 'ana@example.com',
        country: 'BR',
        tags: ['newsletter', 'VIP'],
        customFields: { plan: 'Pro', seats: 3, birthday: '1990-04-21', vip: true },
      });
      const stored = await owner().get(`/v1/contacts/id:${String(items[0].json.id)}`);
      expect(stored.data.email).toBe('ana@example.com');
    });

    it('Create with an own ID, and the custom field mapper mapping the input item automatically', async () => {
      const { items } = await run(
        'create',
        {
          fields: { id: '={{ $json.myId }}', firstName: '={{ $json.name }}' },
          customFieldValues: {
            mappingMode: 'autoMapInputData',
            value: null,
            matchingColumns: [],
            schema: [
              { id: 'plan', displayName: 'Plan', required: false, defaultMatch: false, display: true, type: 'options' },
              { id: 'seats', displayName: 'Seats', required: false, defaultMatch: false, display: true, type: 'number' },
            ],
          },
        },
        [{ myId: 'crm-000123', name: 'Bruno', plan: 'Free', seats: 7, unrelated: 'x' }],
      );
      expect(items[0].json).toMatchObject({ id: 'crm-000123', firstName: 'Bruno', customFields: { plan: 'Free', seats: 7 } });
    });

    it('Create or Update creates, then updates the contact it matches (tags replaced or added)', async () => {
      const params = {
        matchBy: ['externalCode', 'email'],
        fields: { externalCode: '={{ $json.code }}', firstName: '={{ $json.name }}', email: '={{ $json.email }}', tags: '={{ $json.tags }}' },
      };
      const first = await run('upsert', params, [{ code: 'HS-1', name: 'Carla', email: 'carla@example.com', tags: 'lead' }]);
      expect(first.items[0].json).toMatchObject({ created: true, externalCode: 'HS-1', tags: ['lead'] });
      const second = await run('upsert', { ...params, options: { tagMode: 'add' } }, [
        { code: 'HS-1', name: 'Carla Maria', email: 'carla@example.com', tags: 'customer' },
      ]);
      expect(second.items[0].json).toMatchObject({ created: false, id: first.items[0].json.id, firstName: 'Carla Maria', tags: ['customer', 'lead'] });
      const third = await run('upsert', params, [{ code: 'HS-1', name: 'Carla Maria', email: 'carla@example.com', tags: 'champion' }]);
      expect(third.items[0].json.tags).toEqual(['champion']);
    });
  });

  describe('Get, Update, Block, Unblock', () => {
    let dora: IDataObject & { id: string };
    beforeAll(async () => {
      dora = await create({ firstName: 'Dora', phone: '+447400123456', email: 'dora@example.com', externalCode: 'ERP-9', customFields: { seats: 1 } });
    });

    it('Get finds a contact by ID, phone (national too), e-mail and external code', async () => {
      for (const value of [
        locator('id', dora.id),
        locator('list', dora.id),
        locator('phone', '+44 7400 123456'),
        locator('phone', '07400 123456'),
        locator('email', 'DORA@example.com'),
        locator('externalCode', 'ERP-9'),
      ]) {
        const { items, error } = await run('get', { contact: value });
        expect(error).toBeUndefined();
        expect(items[0].json.id).toBe(dora.id);
      }
    });

    it('Get of an unknown contact fails with the hub’s 404, or gives an error item with continueOnFail', async () => {
      const { result, error } = await run('get', { contact: locator('email', 'nobody@example.com') });
      expect(result.status).toBe('error');
      const direct = await owner().get('/v1/contacts/email:nobody@example.com');
      expect(error?.message).toBe(direct.data.error.message);
      expect((error as unknown as { httpCode: string }).httpCode).toBe('404');

      const soft = await run('get', { contact: locator('email', '={{ $json.email }}') }, [{ email: 'dora@example.com' }, { email: 'nobody@example.com' }], true);
      expect(soft.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
      expect(soft.items[0].json.id).toBe(dora.id);
      expect(soft.items[1].json).toEqual({ error: direct.data.error.message });
    });

    it('Update changes the given fields and custom fields, clears an emptied field, and replaces tags', async () => {
      const { items } = await run('update', {
        contact: locator('externalCode', 'ERP-9'),
        updateFields: { lastName: 'Lee', email: '', tags: 'gold, silver', conversationStatus: 'closed', proactive: false },
        customFieldValues: { mappingMode: 'defineBelow', value: { seats: 12, plan: 'Pro' }, matchingColumns: [], schema: [] },
      });
      expect(items[0].json).toMatchObject({
        id: dora.id,
        firstName: 'Dora',
        lastName: 'Lee',
        email: null,
        tags: ['gold', 'silver'],
        conversationStatus: 'closed',
        proactive: false,
        customFields: { seats: 12, plan: 'Pro' },
      });
    });

    it('Update with a value of the wrong type fails naming the custom field', async () => {
      const { error } = await run('update', {
        contact: locator('id', dora.id),
        customFieldValues: { mappingMode: 'defineBelow', value: { birthday: 'soon' }, matchingColumns: [], schema: [] },
      });
      expect(error?.name).toBe('NodeApiError');
      expect(`${error?.message} ${(error as unknown as { description?: string }).description ?? ''}`).toMatch(/customFields\.birthday/);
    });

    it('Block and Unblock a contact', async () => {
      const blocked = await run('block', { contact: locator('phone', '+447400123456') });
      expect(blocked.items[0].json).toMatchObject({ id: dora.id, blocked: true });
      expect((await owner().get(`/v1/contacts/id:${dora.id}`)).data.blocked).toBe(true);
      const unblocked = await run('unblock', { contact: locator('id', dora.id) });
      expect(unblocked.items[0].json).toMatchObject({ id: dora.id, blocked: false });
    });
  });

  describe('Get Many and Count', () => {
    const names = ['Gm Alpha', 'Gm Bravo', 'Gm Charlie', 'Gm Delta', 'Gm Echo'];
    let segmentId: string;
    beforeAll(async () => {
      for (const [k, name] of names.entries()) {
        const [firstName, lastName] = name.split(' ');
        await create({ firstName, lastName, tags: ['gm', k % 2 ? 'odd' : 'even'], customFields: { seats: k * 10 } });
      }
      const blocked = await create({ firstName: 'Gm', lastName: 'Foxtrot', tags: ['gm', 'odd'], customFields: { seats: 99 } });
      expect((await owner().post(`/v1/contacts/id:${blocked.id}/block`)).status).toBe(200);
      const segment = await owner().post('/v1/segments', { name: 'GM odd', filter: { field: 'tags', operator: 'hasAll', value: ['gm', 'odd'] } });
      expect(segment.status).toBe(201);
      segmentId = segment.data.id;
    });
    const gmFilter = { filters: { conditions: [{ field: 'tags', operator: 'hasAny', value: 'gm' }] } };

    it('filter builder (Match All), sort by name, Return All through several cursor pages', async () => {
      const { items } = await run('getMany', { ...gmFilter, returnAll: true, sortBy: 'name', sortDirection: 'asc' });
      expect(items.map((i) => i.json.displayName)).toEqual(names);
      expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
    });

    it('Limit, Match Any, number operators, Include Blocked, search text and a saved segment', async () => {
      const limited = await run('getMany', { ...gmFilter, limit: 2, sortBy: 'name', sortDirection: 'desc' });
      expect(limited.items.map((i) => i.json.displayName)).toEqual(['Gm Echo', 'Gm Delta']);

      const any = await run('getMany', {
        returnAll: true,
        sortBy: 'name',
        sortDirection: 'asc',
        filterMatch: 'any',
        filters: {
          conditions: [
            { field: 'customFields.seats', operator: 'between', value: '20, 30' },
            { field: 'lastName', operator: 'is', value: 'echo' },
          ],
        },
      });
      expect(any.items.map((i) => i.json.displayName)).toEqual(['Gm Charlie', 'Gm Delta', 'Gm Echo']);

      const withBlocked = await run('getMany', { ...gmFilter, returnAll: true, includeBlocked: true });
      expect(withBlocked.items).toHaveLength(6);

      const text = await run('getMany', { searchText: 'charlie', returnAll: true });
      expect(text.items.map((i) => i.json.displayName)).toEqual(['Gm Charlie']);

      const segment = await run('getMany', { segmentId, returnAll: true, sortBy: 'name', sortDirection: 'asc' });
      expect(segment.items.map((i) => i.json.displayName)).toEqual(['Gm Bravo', 'Gm Delta']);

      const json = await run('getMany', {
        returnAll: true,
        ...gmFilter,
        filterJson: JSON.stringify({ field: 'customFields.seats', operator: 'gte', value: 30 }),
        sortBy: 'name',
        sortDirection: 'asc',
      });
      expect(json.items.map((i) => i.json.displayName)).toEqual(['Gm Delta', 'Gm Echo']);
    });

    it('Count counts a selection without fetching it, once per input item', async () => {
      const { items } = await run('count', gmFilter, [{ a: 1 }, { a: 2 }]);
      expect(items.map((i) => i.json)).toEqual([{ count: 5 }, { count: 5 }]);
      expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
      const blocked = await run('count', { ...gmFilter, includeBlocked: true, segmentId });
      expect(blocked.items[0].json).toEqual({ count: 3 });
    });

    it('a condition that does not fit its field fails with the hub’s message naming it', async () => {
      const { error } = await run('count', { filters: { conditions: [{ field: 'customFields.seats', operator: 'contains', value: '3' }] } });
      expect(error?.name).toBe('NodeApiError');
      expect(`${error?.message} ${(error as unknown as { description?: string }).description ?? ''}`).toMatch(/filter\.and\[0\]/);
    });
  });

  describe('Merge, Unmerge, Find Duplicates', () => {
    it('Find Duplicates lists pairs with reasons; Merge joins them with field choices; Unmerge undoes it', async () => {
      const a = await create({ firstName: 'Eva', lastName: 'Dup', phone: '+447400555001', customFields: { seats: 1 }, tags: ['a'] });
      const b = await create({ firstName: 'Eva', lastName: 'Dup', email: 'eva.dup@example.com', country: 'GB', customFields: { seats: 2 }, tags: ['b'] });
      const dupes = await run('findDuplicates', { returnAll: true });
      const pair = dupes.items.find((i) => JSON.stringify(i.json.contactIds) === JSON.stringify([a.id, b.id].sort()));
      expect((pair?.json.reasons as Array<{ kind: string }>).map((r) => r.kind)).toEqual(['nameAndCountry']);
      expect(dupes.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
      const limited = await run('findDuplicates', { limit: 1 });
      expect(limited.items).toHaveLength(1);

      const merged = await run('merge', {
        primary: locator('id', a.id),
        secondary: locator('email', 'eva.dup@example.com'),
        fieldChoices: { choices: [{ field: 'customFields.seats', source: 'secondary' }] },
      });
      expect(merged.error).toBeUndefined();
      const out = merged.items[0].json as { merge: IDataObject; contact: IDataObject };
      expect(out.contact).toMatchObject({ id: a.id, phone: '+447400555001', email: 'eva.dup@example.com', customFields: { seats: 2 }, tags: ['a', 'b'] });
      expect(out.merge.absorbedId).toBe(b.id);
      expect((await owner().get(`/v1/contacts/id:${b.id}`)).data.id).toBe(a.id);

      const unmerged = await run('unmerge', { mergeId: '={{ $json.mergeId }}' }, [{ mergeId: out.merge.id }]);
      expect(unmerged.items[0].json).toMatchObject({ primary: { id: a.id, email: null, customFields: { seats: 1 } }, restored: { id: b.id } });
      expect((await owner().get(`/v1/contacts/id:${b.id}`)).data.email).toBe('eva.dup@example.com');

      const again = await run('unmerge', { mergeId: String(out.merge.id) });
      expect(again.error?.name).toBe('NodeApiError');
      expect((again.error as unknown as { httpCode: string }).httpCode).toBe('409');
    });
  });

  describe('Find Duplicates by cluster', () => {
    it('plans one merge per extra contact of a cluster of three; merging them leaves one contact and no error item', async () => {
      const first = await create({ firstName: 'Tri', lastName: 'Plet', country: 'FR', phone: '+33612345601' });
      const second = await create({ firstName: 'tri', lastName: 'PLET', country: 'FR', email: 'tri.plet@example.fr' });
      const third = await create({ firstName: 'Tri', lastName: 'Plet', country: 'FR', externalCode: 'TRI-3' });
      const ours = new Set([first.id, second.id, third.id]);
      const found = await run('findDuplicates', { returnAll: true, output: 'clusterMerges' });
      const plan = found.items.filter((i) => ours.has(String(i.json.secondaryId)));
      expect(plan.map((i) => [i.json.primaryId, i.json.secondaryId])).toEqual([
        [first.id, second.id],
        [first.id, third.id],
      ]);
      expect(plan[0].json.clusterContactIds).toEqual([first.id, second.id, third.id]);

      const merged = await run(
        'merge',
        { primary: locator('id', '={{ $json.primaryId }}'), secondary: locator('id', '={{ $json.secondaryId }}') },
        plan.map((i) => i.json),
      );
      expect(merged.error).toBeUndefined();
      expect(merged.items.filter((i) => i.json.error !== undefined)).toEqual([]);
      const survivor = (await owner().get(`/v1/contacts/id:${first.id}`)).data;
      expect(survivor).toMatchObject({ id: first.id, phone: '+33612345601', email: 'tri.plet@example.fr', externalCode: 'TRI-3' });
      for (const id of [second.id, third.id]) expect((await owner().get(`/v1/contacts/id:${id}`)).data.id).toBe(first.id);
    });
  });

  describe('Export, Import, Delete by selection', () => {
    it('Export writes the CSV of a selection with the chosen columns to a binary field', async () => {
      await create({ firstName: 'Ex', lastName: 'One', email: 'ex1@example.com', tags: ['export'], customFields: { plan: 'Free' } });
      await create({ firstName: 'Ex', lastName: 'Two', email: 'ex2@example.com', tags: ['export'], customFields: { plan: 'Pro' } });
      const { items } = await run('export', {
        filters: { conditions: [{ field: 'tags', operator: 'hasAny', value: 'export' }] },
        columns: ['email', 'customFields.plan'],
        fileName: 'export.csv',
        binaryPropertyName: 'file',
      });
      expect(items[0].json).toEqual({ fileName: 'export.csv', rows: 2 });
      const binary = items[0].binary?.file;
      expect(binary).toMatchObject({ fileName: 'export.csv', mimeType: 'text/csv' });
      const csv = Buffer.from(String(binary?.data), 'base64').toString('utf8');
      const lines = csv.trim().split(/\r?\n/);
      expect(lines[0]).toBe('name,email,customFields.plan');
      expect(lines.slice(1).sort()).toEqual(['Ex One,ex1@example.com,Free', 'Ex Two,ex2@example.com,Pro']);
    });

    const runImport = async (csv: string, parameters: Record<string, unknown>) => {
      const node = contactNode('import', parameters);
      const workflow = n8n.workflow([node]);
      const start = workflow.getNode('Contact Hub');
      if (!start) throw new Error('no node');
      const item: INodeExecutionData = {
        json: {},
        binary: { data: { data: Buffer.from(csv, 'utf8').toString('base64'), mimeType: 'text/csv', fileName: 'in.csv' } },
      };
      const result = await n8n.execute(workflow, start, [[item]], 'manual');
      return result.nodes['Contact Hub'];
    };

    it('Import creates and updates contacts from a CSV binary, one output item per row, bad rows with their line', async () => {
      const csv = ['externalCode,firstName,phone,tags,customFields.plan', 'IMP-1,Ivo,+447400700001,a;b,Pro', 'IMP-2,Ines,not a phone,,Free', 'ERP-9,Dora Updated,,,'].join('\n');
      const rows = await runImport(csv, { matchBy: ['externalCode'] });
      expect(rows.error).toBeUndefined();
      const out = rows.items.map((i) => i.json);
      expect(out.map((r) => [r.line, r.status])).toEqual([
        [2, 'created'],
        [3, 'failed'],
        [4, 'updated'],
      ]);
      expect(rows.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
      expect(JSON.stringify(out[1].error)).toMatch(/phone/);
      expect((await owner().get('/v1/contacts/external:IMP-1')).data).toMatchObject({ firstName: 'Ivo', tags: ['a', 'b'], customFields: { plan: 'Pro' } });
      expect((await owner().get('/v1/contacts/external:ERP-9')).data.firstName).toBe('Dora Updated');

      const summary = await runImport('externalCode,firstName\nIMP-3,Iris\nIMP-1,Ivo\n', { matchBy: ['externalCode'], output: 'summary' });
      expect(summary.items).toHaveLength(1);
      expect(summary.items[0].json).toMatchObject({ created: 1, unchanged: 1, failed: 0, failedRows: [] });
    });

    it('Import without the binary field fails naming it', async () => {
      const { error } = await run('import', { binaryPropertyName: 'missing' });
      expect(error?.message).toMatch(/missing/);
    });

    it('Delete All Contacts Matching deletes a selection once', async () => {
      const { items } = await run('delete', { deleteMode: 'bySelection', filters: { conditions: [{ field: 'tags', operator: 'hasAny', value: 'export' }] } }, [{}, {}]);
      expect(items).toEqual([{ json: { deleted: 2 }, pairedItem: { item: 0 } }]);
      expect((await owner().post('/v1/contacts/count', { filter: { field: 'tags', operator: 'hasAny', value: ['export'] } })).data.count).toBe(0);
    });
  });

  describe('load options, list search and the custom field mapper', () => {
    const node = contactNode('getMany');
    it('segments, tags, custom fields, filter fields, merge fields and export columns', async () => {
      const segments = (await n8n.callMethod(node, 'loadOptions', 'getSegments')) as INodePropertyOptions[];
      expect(segments.map((s) => s.name)).toContain('GM odd');
      expect(segments.map((s) => s.value)).not.toContain('');
      // Leaving the selection's Segment empty is a listed choice, so the editor accepts the default.
      const orAll = (await n8n.callMethod(node, 'loadOptions', 'getSegmentsOrAll')) as INodePropertyOptions[];
      expect(orAll[0]).toEqual({ name: 'All Contacts (No Segment)', value: '', description: 'Do not restrict to a segment' });
      expect(orAll.slice(1)).toEqual(segments);
      const tags = (await n8n.callMethod(node, 'loadOptions', 'getTags')) as INodePropertyOptions[];
      expect(tags.map((t) => t.value)).toEqual(expect.arrayContaining(['gm', 'odd', 'lead']));
      const fields = (await n8n.callMethod(node, 'loadOptions', 'getCustomFields')) as INodePropertyOptions[];
      expect(fields.map((f) => f.value)).toEqual(['birthday', 'plan', 'seats', 'vip']);
      const filterFields = (await n8n.callMethod(node, 'loadOptions', 'getFilterFields')) as INodePropertyOptions[];
      expect(filterFields.map((f) => f.value)).toEqual(expect.arrayContaining(['firstName', 'tags', 'blocked', 'timeSinceLastIncoming', 'customFields.plan']));
      // Labels from the domain table, grouped; the raw id stays the value.
      const byValue = new Map(filterFields.map((f) => [f.value, f.name]));
      expect(byValue.get('firstName')).toBe('Contact: First Name');
      expect(byValue.get('lastInteractedChannel')).toBe('Conversation: Last Interacted Channel');
      expect(byValue.get('timeSinceLastIncoming')).toBe('Conversation: Time Since Last Incoming Message');
      expect(byValue.get('tags')).toBe('Tags & Channels: Tags');
      expect(byValue.get('customFields.plan')).toMatch(/^Custom Field: /);
      for (const f of filterFields) expect(f.name).not.toBe(f.value);
      expect(filterFields.find((f) => f.value === 'tags')?.description).toMatch(/Tags: Has Any Of, Has All Of, Has None Of, Exists, Does Not Exist/);
      const groups = filterFields.map((f) => f.name.split(':')[0]);
      expect([...new Set(groups)]).toEqual(['Contact', 'Conversation', 'Tags & Channels', 'Consent & Blocking', 'Record', 'Custom Field']);
      const mergeFields = (await n8n.callMethod(node, 'loadOptions', 'getMergeFields')) as INodePropertyOptions[];
      expect(mergeFields.map((f) => f.value)).toEqual(expect.arrayContaining(['firstName', 'email', 'customFields.seats']));
      const columns = (await n8n.callMethod(node, 'loadOptions', 'getExportColumns')) as INodePropertyOptions[];
      expect(columns.map((f) => f.value)).toEqual(expect.arrayContaining(['name', 'tags', 'customFields.birthday']));
    });

    it('the operator list fits the field chosen in the same filter row', async () => {
      const parameters = {
        resource: 'contact',
        operation: 'getMany',
        filters: { conditions: [{ field: 'tags', operator: 'hasAny', value: '' }, { field: 'customFields.seats', operator: 'is', value: '' }] },
      };
      const workflow = n8n.workflow([{ ...node, parameters }]);
      const n8nNode = workflow.getNode('Contact Hub');
      if (!n8nNode) throw new Error('no node');
      const operatorsOf = async (row: number) => {
        const additionalData = createAdditionalData({ credentialsHelper: n8n.credentialsHelper, webhookBaseUrl: n8n.webhookBaseUrl });
        additionalData.currentNodeParameters = n8nNode.parameters;
        const ctx = new LoadOptionsContext(workflow, n8nNode, additionalData, `parameters.filters.conditions[${row}].operator`);
        const methods = n8n.nodeTypes.getByNameAndVersion(n8nNode.type).methods?.loadOptions as Record<string, (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>>;
        return (await methods.getFilterOperators.call(ctx)).map((o) => o.value);
      };
      expect(await operatorsOf(0)).toEqual(['hasAny', 'hasAll', 'hasNone', 'exists', 'notExists']);
      expect(await operatorsOf(1)).toEqual(['is', 'isNot', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'notExists']);
      const all = (await n8n.callMethod(node, 'loadOptions', 'getFilterOperators')) as INodePropertyOptions[];
      expect(all.length).toBe(19);
    });

    it('list search finds contacts by text and pages by cursor', async () => {
      const many = Array.from({ length: 60 }, (_, k) => ({ externalCode: `LS-${k}`, firstName: `Listed ${k}` }));
      expect((await owner().post('/v1/contacts/bulk/upsert', { matchBy: ['externalCode'], contacts: many })).data.summary.failed).toBe(0);
      const found = (await n8n.callMethod(node, 'listSearch', 'searchContacts', 'dora')) as INodeListSearchResult;
      expect(found.results.map((r) => r.name)).toEqual([expect.stringContaining('Dora')]);
      const page1 = (await n8n.callMethod(node, 'listSearch', 'searchContacts', '')) as INodeListSearchResult;
      expect(page1.results).toHaveLength(50);
      expect(page1.paginationToken).toBeTruthy();
      const page2 = (await n8n.callMethod(node, 'listSearch', 'searchContacts', '', page1.paginationToken)) as INodeListSearchResult;
      expect(page2.results.length).toBeGreaterThan(0);
      expect(page2.results.some((r) => page1.results.some((p) => p.value === r.value))).toBe(false);
    });

    it('the custom field mapper offers each custom field with its type', async () => {
      const mapping = (await n8n.callMethod(node, 'resourceMapping', 'getCustomFieldColumns')) as ResourceMapperFields;
      expect(mapping.fields.map((f) => [f.id, f.type])).toEqual([
        ['birthday', 'string'],
        ['plan', 'options'],
        ['seats', 'number'],
        ['vip', 'boolean'],
      ]);
      expect(mapping.fields.find((f) => f.id === 'plan')?.options).toEqual([
        { name: 'Free', value: 'Free' },
        { name: 'Pro', value: 'Pro' },
      ]);
    });
  });
});

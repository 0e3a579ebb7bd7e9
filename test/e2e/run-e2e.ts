/**
 * `npm run e2e`: the nodes proven in a real n8n. Installs (or reuses) n8n 2.41.0 in a cache
 * outside the checkout, packs this package and installs the tarball into n8n's nodes folder as
 * a user does, starts a seeded hub and n8n on the local PostgreSQL, and drives n8n through its
 * CLI, REST API and editor (headless Chromium). Exits 1 when any check fails, and when n8n
 * cannot be installed: it never skips.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkCredentialTest, CREDENTIAL_ID } from './checks/credentials.check';
import { checkBroadcastExample, checkCrmSyncExample, checkDedupeExample } from './checks/examples.check';
import { checkNodesLoaded } from './checks/nodes-loaded.check';
import { checkQueueModeRedelivery } from './checks/queue.check';
import { checkEditorScreenshot } from './checks/screenshot.check';
import { checkTriggerLifecycle } from './checks/trigger.check';
import type { StageContext } from './support/context';
import { startHub, type StageHub } from './support/hub';
import { installCommunityPackage } from './support/install-community-package';
import { ensureN8n, N8N_VERSION } from './support/install-n8n';
import { n8nCli, N8nRest, startN8n, type N8nProcess, type N8nSetup } from './support/n8n';
import { packNodesPackage } from './support/pack-package';
import { freePort } from './support/ports';
import { createDatabase, type StageDatabase } from './support/postgres';
import { stopAll } from './support/processes';
import { StageReport } from './support/report';

const PACKAGE_NAME = 'n8n-nodes-contact-hub';
/** Seeded contacts: enough for segments and clusters of duplicates, few enough to stay quick. */
const SEED_CONTACTS = 300;

function repoRootFrom(dir: string): string {
  for (let d = dir; ; d = resolve(d, '..')) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'examples'))) return d;
    if (resolve(d, '..') === d) throw new Error(`no repository root above ${dir}`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const log = (line: string): void => console.log(line);
  const repoRoot = repoRootFrom(__dirname);
  const artifactsDir = resolve(process.env.CONTACT_HUB_E2E_ARTIFACTS ?? join(repoRoot, 'artifacts', 'e2e'));
  mkdirSync(artifactsDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'contact-hub-e2e-'));
  const report = new StageReport(log);
  let hub: StageHub | undefined;
  let n8nDb: StageDatabase | undefined;
  const timings: string[] = [];
  const phase = (name: string, since: number): void => {
    timings.push(`${name} ${((Date.now() - since) / 1000).toFixed(0)} s`);
  };

  log(`Contact Hub e2e: a real n8n ${N8N_VERSION} (work folder ${workDir})`);
  try {
    let t = Date.now();
    const install = await ensureN8n(log);
    log(`  n8n ${N8N_VERSION}: ${install.installed ? 'installed' : 'cached'} in ${install.dir}`);
    phase(install.installed ? 'n8n install' : 'n8n (cached)', t);

    t = Date.now();
    const tarball = await packNodesPackage(repoRoot, workDir);
    const setup: N8nSetup = {
      install,
      db: (n8nDb = await createDatabase('che2e_n8n')),
      userFolder: join(workDir, 'n8n-user'),
      workDir,
      encryptionKey: randomBytes(24).toString('hex'),
    };
    const installedAt = await installCommunityPackage(setup.userFolder, tarball, PACKAGE_NAME);
    log(`  packed ${tarball.split('/').pop()} and installed it into ${installedAt}`);
    phase('pack + install', t);

    t = Date.now();
    hub = await startHub(repoRoot, workDir, SEED_CONTACTS);
    log(`  hub ${hub.url}: workspace "demo" seeded with ${SEED_CONTACTS} contacts (PostgreSQL ${hub.db.name})`);
    phase('hub', t);

    // The examples exactly as the repository ships them, and the credential they name.
    t = Date.now();
    const examplesDir = join(workDir, 'examples');
    cpSync(join(repoRoot, 'examples'), examplesDir, { recursive: true });
    const credentialsFile = join(workDir, 'credentials.json');
    writeFileSync(
      credentialsFile,
      JSON.stringify([{ id: CREDENTIAL_ID, name: 'Contact Hub account', type: 'contactHubApi', data: { baseUrl: hub.url, apiKey: hub.ownerKey } }]),
    );
    // The main first (it migrates the new database), then both imports side by side.
    let main: N8nProcess = await startN8n(setup, 'main');
    await Promise.all([
      n8nCli(setup, ['import:credentials', `--input=${credentialsFile}`]),
      n8nCli(setup, ['import:workflow', '--separate', `--input=${examplesDir}`]),
    ]);
    phase('n8n start + import', t);

    t = Date.now();
    const owner = { email: 'e2e@contact-hub.dev', password: `E2e-${randomBytes(6).toString('hex')}` };
    let rest = new N8nRest(main.url, install);
    await rest.setupOwner(owner);
    await rest.login(owner);
    phase('owner setup', t);

    const names = new Map(
      readdirSync(examplesDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [(JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as { name: string }).name, f]),
    );
    const workflows = (await rest.workflows())
      .filter((w) => names.has(w.name))
      .map((w) => ({ id: w.id, name: w.name, file: names.get(w.name) as string }))
      .sort((a, b) => a.file.localeCompare(b.file));
    const ctx: StageContext = { repoRoot, workDir, artifactsDir, hub, setup, main, rest, owner, workflows, log };

    t = Date.now();
    log('Regular mode:');
    await report.check(`import: every example is in n8n`, async () => {
      if (workflows.length !== names.size) throw new Error(`imported ${workflows.length} of ${names.size} examples`);
      return `${workflows.length} workflows, credential "${CREDENTIAL_ID}"`;
    });
    await report.check('nodes, credential and icons loaded from ~/.n8n/nodes', () => checkNodesLoaded(ctx));
    await report.check('credential test: good key, bad key, wrong URL', () => checkCredentialTest(ctx));
    await report.check('example 01 (broadcast to a segment) runs unedited', () => checkBroadcastExample(ctx));
    await report.check('example 02 (CRM sync) runs unedited', () => checkCrmSyncExample(ctx));
    await report.check('example 03 (dedupe clusters) runs unedited', () => checkDedupeExample(ctx));
    await report.check('trigger: activate, events, forged, stale, redelivered, deactivate (04, 05)', () => checkTriggerLifecycle(ctx));
    await report.check('editor: Contact → Get Many shows no parameter issue (Chromium)', () => checkEditorScreenshot(ctx));
    phase('regular-mode checks', t);

    // Queue mode on the same database: a main, a worker and a webhook process over Redis.
    t = Date.now();
    log('Queue mode:');
    await main.stop();
    const queueSetup: N8nSetup = { ...setup, queuePrefix: `che2e-${randomBytes(5).toString('hex')}` };
    const webhookPort = await freePort();
    const webhookUrl = `http://127.0.0.1:${webhookPort}/`;
    const [queueMain, worker, webhook] = await Promise.all([
      startN8n(queueSetup, 'main', { webhookUrl, name: 'n8n-queue-main' }),
      startN8n(queueSetup, 'worker', { name: 'n8n-queue-worker' }),
      startN8n(queueSetup, 'webhook', { webhookUrl, port: webhookPort, name: 'n8n-queue-webhook' }),
    ]);
    main = queueMain;
    rest = new N8nRest(main.url, install);
    await rest.login(owner);
    phase('queue-mode start', t);
    t = Date.now();
    await report.check('queue mode: one execution per event across main, webhook process and worker', () =>
      checkQueueModeRedelivery({ ...ctx, main, rest }, { main, webhook, worker, rest }),
    );
    phase('queue-mode checks', t);
  } catch (error) {
    report.results.push({ name: 'stage setup', ok: false, ms: 0, detail: error instanceof Error ? error.message : String(error) });
    log(`  ✗ stage setup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await stopAll();
    await hub?.db.drop().catch(() => undefined);
    await n8nDb?.drop().catch(() => undefined);
  }

  const failed = report.failed;
  const total = ((Date.now() - started) / 1000).toFixed(0);
  log('');
  log(`e2e: ${report.results.length - failed.length} of ${report.results.length} checks passed in ${total} s (${timings.join(', ')})`);
  if (failed.length > 0) {
    log(`FAILED: ${failed.map((f) => f.name).join('; ')}`);
    for (const f of readdirSync(workDir).filter((name) => name.endsWith('.log'))) copyFileSync(join(workDir, f), join(artifactsDir, f));
    log(`Logs of the hub and every n8n process: ${artifactsDir} (work folder kept: ${workDir})`);
    return 1;
  }
  rmSync(workDir, { recursive: true, force: true });
  log(`Screenshot: ${join(artifactsDir, 'contact-get-many.png')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

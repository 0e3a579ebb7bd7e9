import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { N8nInstall } from './install-n8n';
import { freePort } from './ports';
import { POSTGRES, type StageDatabase } from './postgres';
import { runCommand, startProcess, waitFor, type Started } from './processes';

/** What every n8n process of one instance shares: its install, database, user folder and key. */
export interface N8nSetup {
  install: N8nInstall;
  db: StageDatabase;
  /** N8N_USER_FOLDER: n8n keeps `.n8n/` (config, community nodes) under it. */
  userFolder: string;
  workDir: string;
  encryptionKey: string;
  /** Queue mode: the Redis key prefix of this run, so parallel runs do not collide. */
  queuePrefix?: string;
}

export type N8nRole = 'main' | 'worker' | 'webhook';

export interface N8nProcess extends Started {
  role: N8nRole;
  /** Where it listens (main, webhook); the health port of a worker. */
  url: string;
}

/** The environment of an n8n process of this setup. */
export function n8nEnv(setup: N8nSetup, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const queue: NodeJS.ProcessEnv = setup.queuePrefix
    ? {
        EXECUTIONS_MODE: 'queue',
        QUEUE_BULL_REDIS_HOST: '127.0.0.1',
        QUEUE_BULL_REDIS_PORT: '6379',
        QUEUE_BULL_PREFIX: setup.queuePrefix,
      }
    : { EXECUTIONS_MODE: 'regular' };
  return {
    ...process.env,
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: POSTGRES.host,
    DB_POSTGRESDB_PORT: String(POSTGRES.port),
    DB_POSTGRESDB_USER: POSTGRES.user,
    DB_POSTGRESDB_DATABASE: setup.db.name,
    N8N_USER_FOLDER: setup.userFolder,
    N8N_ENCRYPTION_KEY: setup.encryptionKey,
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PROTOCOL: 'http',
    N8N_SECURE_COOKIE: 'false',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_LOG_LEVEL: 'info',
    // The JS task runner connects back with a grant token; give a busy machine time to start it.
    N8N_RUNNERS_GRANT_TOKEN_TTL: '120',
    EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
    EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
    EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
    ...queue,
    ...extra,
  };
}

/** Runs an n8n CLI command (`import:workflow`, `import:credentials`, …) against the setup. */
export async function n8nCli(setup: N8nSetup, args: string[]): Promise<string> {
  const { stdout } = await runCommand(setup.install.bin, args, { cwd: setup.workDir, env: n8nEnv(setup, { N8N_LOG_LEVEL: 'warn' }) });
  return stdout;
}

/**
 * Starts one n8n process: `n8n start` (the main: editor, REST API, webhooks), `n8n worker` or
 * `n8n webhook` (queue mode), each on free ports of its own, and waits until it is ready.
 */
export async function startN8n(setup: N8nSetup, role: N8nRole, opts: { webhookUrl?: string; name?: string; port?: number } = {}): Promise<N8nProcess> {
  const port = opts.port ?? (await freePort());
  const broker = await freePort();
  const extra: NodeJS.ProcessEnv = { N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(broker) };
  if (opts.webhookUrl) extra.WEBHOOK_URL = opts.webhookUrl;
  if (role === 'worker') {
    extra.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
    extra.QUEUE_HEALTH_CHECK_PORT = String(port);
    extra.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
  }
  const command = role === 'main' ? 'start' : role;
  const name = opts.name ?? `n8n-${role}`;
  const started = startProcess(name, setup.install.bin, [command], {
    env: n8nEnv(setup, extra),
    cwd: setup.workDir,
    logFile: join(setup.workDir, `${name}.log`),
  });
  const url = `http://127.0.0.1:${port}`;
  const proc: N8nProcess = { ...started, role, url };
  const readiness = `${url}/healthz/readiness`;
  await waitFor(
    `${name} to be ready (log: ${started.logFile})`,
    async () => {
      if (started.child.exitCode !== null) throw new Error(`${name} exited with ${started.child.exitCode}:\n${started.output().slice(-3000)}`);
      const res = await fetch(readiness);
      return res.status === 200;
    },
    // A first start migrates a new database: minutes on a busy machine.
    300_000,
    500,
  );
  return proc;
}

/** An execution as n8n's REST API lists it. */
export interface ExecutionSummary {
  id: string;
  workflowId: string;
  mode: string;
  status: string;
  finished: boolean;
  startedAt: string;
  stoppedAt: string | null;
}

/** What one node of an execution produced. */
export interface NodeOutcome {
  items: Array<Record<string, unknown>>;
  errorItems: Array<Record<string, unknown>>;
  error: unknown;
}

export interface ExecutionDetail extends ExecutionSummary {
  nodes: Record<string, NodeOutcome>;
  error: unknown;
}

interface FlattedModule {
  parse: (text: string) => unknown;
}

/** n8n's REST API as the editor uses it: an owner's session cookie on /rest. */
export class N8nRest {
  private cookie = '';
  private readonly flatted: FlattedModule;

  constructor(
    readonly baseUrl: string,
    install: N8nInstall,
  ) {
    // n8n stores run data with flatted (it keeps shared references); read it with n8n's own copy.
    this.flatted = createRequire(join(install.dir, 'node_modules', 'n8n', 'package.json'))('flatted') as FlattedModule;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** `data` of a 2xx answer; throws with the answer otherwise. */
  async data<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<{ data: T }>(method, path, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    return res.body.data;
  }

  async setupOwner(owner: { email: string; password: string }): Promise<void> {
    await this.data('POST', '/rest/owner/setup', { email: owner.email, firstName: 'E2E', lastName: 'Owner', password: owner.password });
  }

  async login(owner: { email: string; password: string }): Promise<void> {
    await this.data('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
  }

  async workflows(): Promise<Array<{ id: string; name: string; active: boolean }>> {
    return await this.data('GET', '/rest/workflows');
  }

  async workflow(id: string): Promise<{ id: string; name: string; active: boolean; versionId: string; staticData?: unknown; nodes: Array<{ name: string; type: string; webhookId?: string }> }> {
    return await this.data('GET', `/rest/workflows/${id}`);
  }

  async activate(id: string): Promise<void> {
    const wf = await this.workflow(id);
    const activated = await this.data<{ active: boolean }>('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
    if (!activated.active) throw new Error(`workflow ${id} did not become active`);
  }

  async deactivate(id: string): Promise<void> {
    await this.data('POST', `/rest/workflows/${id}/deactivate`, {});
  }

  /** Deactivates the workflow if it is active (cleanup after a failed check). */
  async ensureInactive(id: string): Promise<void> {
    if ((await this.workflow(id)).active) await this.deactivate(id);
  }

  /** Runs a workflow as the editor's "Execute workflow" button does, from the named trigger. */
  async runManually(id: string, trigger: string): Promise<string> {
    const result = await this.data<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${id}/run`, {
      triggerToStartFrom: { name: trigger },
    });
    if (!result.executionId) throw new Error(`manual run of ${id} started no execution: ${JSON.stringify(result)}`);
    return result.executionId;
  }

  async executions(workflowId: string): Promise<ExecutionSummary[]> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const page = await this.data<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
    return page.results;
  }

  /** One execution with what each node output; error items are items whose JSON has `error`. */
  async execution(id: string): Promise<ExecutionDetail> {
    const raw = await this.data<ExecutionSummary & { data: string }>('GET', `/rest/executions/${id}`);
    const run = this.flatted.parse(raw.data) as {
      resultData: { error?: unknown; runData: Record<string, Array<{ error?: unknown; data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>> };
    };
    const nodes: Record<string, NodeOutcome> = {};
    for (const [name, runs] of Object.entries(run.resultData.runData ?? {})) {
      const items = runs.flatMap((r) => (r.data?.main ?? []).flatMap((out) => (out ?? []).map((i) => i.json)));
      nodes[name] = { items, errorItems: items.filter((j) => j.error !== undefined), error: runs.find((r) => r.error)?.error };
    }
    return { ...raw, nodes, error: run.resultData.error };
  }

  /** Waits until the execution has ended and returns it. */
  async finishedExecution(id: string, timeoutMs = 120_000): Promise<ExecutionDetail> {
    return await waitFor(
      `execution ${id} to end`,
      async () => {
        const detail = await this.execution(id);
        return detail.status !== 'running' && detail.status !== 'new' && detail.status !== 'waiting' && detail.stoppedAt ? detail : undefined;
      },
      timeoutMs,
      500,
    );
  }
}

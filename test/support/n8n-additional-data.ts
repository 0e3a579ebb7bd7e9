import './n8n-environment';
import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import {
  UnexpectedError,
  type ICredentialsHelper,
  type IWorkflowBase,
  type IWorkflowExecuteAdditionalData,
  type WorkflowExecuteMode,
} from 'n8n-workflow';

export interface AdditionalDataOptions {
  credentialsHelper: ICredentialsHelper;
  hooks?: ExecutionLifecycleHooks;
  executionId?: string;
  /** Base of production webhook URLs, e.g. `http://127.0.0.1:5678/webhook`. */
  webhookBaseUrl: string;
}

/**
 * What n8n hands every execution besides the workflow: credentials, lifecycle hooks, the base
 * URLs nodes build webhook addresses from. Features the tests do not use (sub-workflows, task
 * runners, AI events) refuse loudly rather than pretend.
 */
export function createAdditionalData(opts: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
  const base = opts.webhookBaseUrl.replace(/\/webhook\/?$/, '');
  const unsupported = (what: string) => () => {
    throw new UnexpectedError(`${what} is not available in the Contact Hub test harness`);
  };
  return {
    credentialsHelper: opts.credentialsHelper,
    hooks: opts.hooks,
    executionId: opts.executionId,
    externalSecretsProxy: new ExternalSecretsProxy(),
    executeWorkflow: unsupported('Executing a sub-workflow'),
    getRunExecutionData: async () => undefined,
    getRuntimeCredential: async () => undefined,
    startRunnerTask: unsupported('A task runner'),
    logAiEvent: () => undefined,
    currentNodeExecutionIndex: 0,
    restApiUrl: `${base}/rest`,
    instanceBaseUrl: `${base}/`,
    formBaseUrl: `${base}/form`,
    formWaitingBaseUrl: `${base}/form-waiting`,
    formTestBaseUrl: `${base}/form-test`,
    webhookBaseUrl: `${base}/webhook`,
    webhookWaitingBaseUrl: `${base}/webhook-waiting`,
    webhookTestBaseUrl: `${base}/webhook-test`,
    mcpBaseUrl: `${base}/mcp`,
    mcpTestBaseUrl: `${base}/mcp-test`,
    variables: {},
  };
}

/** Lifecycle hooks for one execution, as n8n's runners create them. */
export function createHooks(mode: WorkflowExecuteMode, executionId: string, workflow: IWorkflowBase): ExecutionLifecycleHooks {
  return new ExecutionLifecycleHooks(mode, executionId, workflow);
}

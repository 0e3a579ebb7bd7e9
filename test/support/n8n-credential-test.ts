import './n8n-environment';
import { randomUUID } from 'node:crypto';
import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import {
  createRunExecutionData,
  Workflow,
  type ICredentialDataDecryptedObject,
  type ICredentialsDecrypted,
  type INode,
  type INodeCredentialTestResult,
  type INodeType,
} from 'n8n-workflow';
import { createAdditionalData } from './n8n-additional-data';
import type { N8nHarness } from './n8n-harness';
import { HarnessNodeTypes } from './n8n-node-types';

interface RequestFailure {
  message?: string;
  cause?: { response?: { status?: number; statusText?: string }; code?: string };
}

/**
 * Tests credentials the way n8n's credentials tester does when a user presses "Test": a test
 * declared on the credential type wins; otherwise the first node of the harness that takes the
 * credential with `testedBy` names its `methods.credentialTest` function, which runs in n8n-core's
 * CredentialTestContext (n8n's outbound HTTP); otherwise there is no test.
 */
export async function testCredentials(
  harness: N8nHarness,
  credentialType: string,
  data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
  const type = harness.credentialTypes.getByName(credentialType);
  const decrypted: ICredentialsDecrypted = { id: `test-${randomUUID()}`, name: 'Credential under test', type: credentialType, data };
  if (type.test) return await declarativeTest(harness, credentialType, decrypted);
  for (const typeName of Object.keys(harness.nodeTypes.getKnownTypes())) {
    const nodeType = harness.nodeTypes.getByNameAndVersion(typeName);
    const testedBy = nodeType.description.credentials?.find((c) => c.name === credentialType)?.testedBy;
    if (typeof testedBy !== 'string') continue;
    const fn = nodeType.methods?.credentialTest?.[testedBy];
    if (!fn) return { status: 'Error', message: `Node ${typeName} names a missing credential test "${testedBy}"` };
    return await fn.call(new CredentialTestContext(), decrypted);
  }
  return { status: 'Error', message: 'No testing function found for this credential.' };
}

/** A credential type's declarative `test.request`, run as a one-property declarative node (n8n's own way). */
async function declarativeTest(harness: N8nHarness, credentialType: string, decrypted: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
  const type = harness.credentialTypes.getByName(credentialType);
  if (!type.test) return { status: 'Error', message: 'No testing function found for this credential.' };
  const testNodeType: INodeType = {
    description: {
      displayName: 'Credential test',
      name: 'credentialTest',
      group: ['transform'],
      version: 1,
      description: 'Runs a credential test request',
      defaults: {},
      inputs: [],
      outputs: [],
      credentials: [{ name: credentialType, required: true }],
      properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: type.test.request } }],
    },
  };
  const node: INode = {
    id: 'credential-test',
    name: 'Credential test',
    type: 'contactHubTest.credentialTest',
    typeVersion: 1,
    position: [0, 0],
    parameters: {},
    credentials: { [credentialType]: { id: decrypted.id, name: decrypted.name } },
  };
  const nodeTypes = new HarnessNodeTypes().add(node.type, testNodeType);
  const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
  const additionalData = createAdditionalData({ credentialsHelper: harness.credentialsHelper, webhookBaseUrl: harness.webhookBaseUrl });
  const context = new ExecuteContext(
    workflow,
    node,
    additionalData,
    'internal',
    createRunExecutionData(),
    0,
    [],
    { main: [[{ json: {} }]] },
    { node, data: {}, source: null },
    [],
  );
  try {
    await new RoutingNode(context, testNodeType, decrypted).runNode();
  } catch (e) {
    const failure = e as RequestFailure;
    const response = failure.cause?.response;
    if (response?.status !== undefined) {
      const rule = type.test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === response.status);
      if (rule && rule.type === 'responseCode') return { status: 'Error', message: rule.properties.message };
      return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
    }
    if (failure.cause?.code) return { status: 'Error', message: failure.cause.code };
    return { status: 'Error', message: String(failure.message ?? e) };
  }
  return { status: 'OK', message: 'Connection successful!' };
}

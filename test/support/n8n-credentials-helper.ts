import './n8n-environment';
import {
  ICredentialsHelper,
  UnexpectedError,
  isExpression,
  type ICredentialDataDecryptedObject,
  type ICredentials,
  type IDataObject,
  type IHttpRequestHelper,
  type IHttpRequestOptions,
  type INode,
  type INodeCredentialsDetails,
  type INodeProperties,
  type IRequestOptionsSimplified,
  type IWorkflowExecuteAdditionalData,
  type Workflow,
} from 'n8n-workflow';
import type { HarnessCredentialTypes } from './n8n-node-types';

interface StoredCredentials {
  details: INodeCredentialsDetails;
  type: string;
  data: ICredentialDataDecryptedObject;
}

/**
 * Serves the credentials of test workflows the way n8n's own CredentialsHelper does, from
 * memory instead of n8n's database: `getDecrypted` answers the stored data over the type's
 * defaults, and `authenticate` applies the credential type's own `authenticate` — a function
 * is called; a generic one has its expressions (`=Bearer {{$credentials.apiKey}}`) resolved by
 * the workflow's expression engine and written into the request's headers/qs/body/auth.
 * (n8n-core's `Credentials` encrypts through a key provider that n8n's database supplies, which
 * a package's tests do not have; so the data is kept as is.)
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
  private readonly stored = new Map<string, StoredCredentials>();

  constructor(private readonly credentialTypes: HarnessCredentialTypes) {
    super();
  }

  /** Stores credentials of a type under an id; nodes refer to them as `{ id, name }`. */
  set(type: string, data: ICredentialDataDecryptedObject, id = type): INodeCredentialsDetails {
    this.credentialTypes.getByName(type);
    const details = { id, name: `${type} (${id})` };
    this.stored.set(id, { details, type, data: structuredClone(data) });
    return details;
  }

  getParentTypes(name: string): string[] {
    return this.credentialTypes.getParentTypes(name);
  }

  isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
    const type = this.credentialTypes.getByName(credentialType);
    if (!type.restrictToSupportedNodes) return true;
    return (type.supportedNodes ?? []).some((n) => nodeType === n || nodeType.endsWith(`.${n}`));
  }

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
    requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
    workflow?: Workflow,
    node?: INode,
  ): Promise<IHttpRequestOptions> {
    const { authenticate } = this.credentialTypes.getByName(typeName);
    if (!authenticate) return requestOptions as IHttpRequestOptions;
    if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions as IHttpRequestOptions);
    if (authenticate.type !== 'generic') return requestOptions as IHttpRequestOptions;
    if (!workflow || !node) throw new UnexpectedError('Generic credential authentication needs the workflow and node');
    const resolve = (value: string): string => {
      if (!isExpression(value)) return value;
      const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
      return resolved === undefined || resolved === null ? '' : String(resolved);
    };
    // Each part of the generic auth (headers, qs, body, auth) is an object of key → value template.
    const target = requestOptions as unknown as Record<string, IDataObject | undefined>;
    for (const [part, entries] of Object.entries(authenticate.properties)) {
      if (typeof entries !== 'object' || entries === null) continue;
      const into: IDataObject = { ...(target[part] ?? {}) };
      for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
        into[resolve(key)] = typeof value === 'string' ? resolve(value) : (value as IDataObject[string]);
      }
      target[part] = into;
    }
    return requestOptions as IHttpRequestOptions;
  }

  async preAuthentication(
    _helpers: IHttpRequestHelper,
    _credentials: ICredentialDataDecryptedObject,
    _typeName: string,
    _node: INode,
    _credentialsExpired: boolean,
  ): Promise<ICredentialDataDecryptedObject | undefined> {
    // Only credentials with an expirable token (and a preAuthentication hook) refresh here; ours has none.
    return undefined;
  }

  async runPreAuthentication(
    _helpers: IHttpRequestHelper,
    _credentials: ICredentialDataDecryptedObject,
    _typeName: string,
  ): Promise<ICredentialDataDecryptedObject | undefined> {
    return undefined;
  }

  private find(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredentials {
    const byId = nodeCredentials.id ? this.stored.get(nodeCredentials.id) : undefined;
    const found = byId ?? [...this.stored.values()].find((c) => c.type === type);
    if (!found || found.type !== type) {
      throw new UnexpectedError(`No stored credentials of type "${type}" (id ${nodeCredentials.id ?? 'none'})`);
    }
    return found;
  }

  async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
    // n8n's encrypted-credentials object is only used for OAuth token refreshes, which our credential has not.
    throw new UnexpectedError(`Encrypted credentials (${type}, ${nodeCredentials.id ?? 'no id'}) are not kept by the test harness`);
  }

  async getDecrypted(
    _additionalData: IWorkflowExecuteAdditionalData,
    nodeCredentials: INodeCredentialsDetails,
    type: string,
  ): Promise<ICredentialDataDecryptedObject> {
    const { data } = this.find(nodeCredentials, type);
    // Like n8n, the type's defaults fill in properties the stored data leaves out.
    const defaults: ICredentialDataDecryptedObject = {};
    for (const property of this.getCredentialsProperties(type)) {
      if (property.default !== undefined && property.default !== '') defaults[property.name] = property.default as string;
    }
    return { ...defaults, ...structuredClone(data) };
  }

  async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
    this.find(nodeCredentials, type).data = structuredClone(data);
  }

  async updateCredentialsOauthTokenData(
    nodeCredentials: INodeCredentialsDetails,
    type: string,
    data: ICredentialDataDecryptedObject,
  ): Promise<void> {
    await this.updateCredentials(nodeCredentials, type, data);
  }

  getCredentialsProperties(type: string): INodeProperties[] {
    const credentialType = this.credentialTypes.getByName(type);
    const inherited = (credentialType.extends ?? []).flatMap((parent) => this.getCredentialsProperties(parent));
    return [...inherited, ...credentialType.properties];
  }
}

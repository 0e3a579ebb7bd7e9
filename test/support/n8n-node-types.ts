import {
  NodeHelpers,
  UnexpectedError,
  type ICredentialType,
  type IDataObject,
  type INodeType,
  type INodeTypes,
  type IVersionedNodeType,
} from 'n8n-workflow';

/**
 * The node types a test workflow may use, by their full type name
 * (`n8n-nodes-contact-hub.contactHub`, as n8n names a community package's nodes).
 */
export class HarnessNodeTypes implements INodeTypes {
  private readonly types = new Map<string, INodeType | IVersionedNodeType>();

  add(typeName: string, nodeType: INodeType | IVersionedNodeType): this {
    this.types.set(typeName, nodeType);
    return this;
  }

  getByName(nodeType: string): INodeType | IVersionedNodeType {
    const type = this.types.get(nodeType);
    if (!type) throw new UnexpectedError(`Unknown node type "${nodeType}" in the test harness`);
    return type;
  }

  getByNameAndVersion(nodeType: string, version?: number): INodeType {
    return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
  }

  getKnownTypes(): IDataObject {
    return Object.fromEntries([...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]));
  }
}

/** The credential types a test may use, by name. */
export class HarnessCredentialTypes {
  private readonly types = new Map<string, ICredentialType>();

  add(type: ICredentialType): this {
    this.types.set(type.name, type);
    return this;
  }

  getByName(name: string): ICredentialType {
    const type = this.types.get(name);
    if (!type) throw new UnexpectedError(`Unknown credential type "${name}" in the test harness`);
    return type;
  }

  /** The types this one extends, transitively (n8n's `extends`). */
  getParentTypes(name: string): string[] {
    const direct = this.types.get(name)?.extends ?? [];
    return direct.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
  }
}

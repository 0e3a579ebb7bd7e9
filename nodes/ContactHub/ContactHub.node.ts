import {
  NodeConnectionTypes,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { properties } from './actions/node.description';
import { router } from './actions/router';
import { credentialTest, listSearch, loadOptions, resourceMapping } from './methods';

/** Contact Hub: contacts, tags, channels, messages, segments and custom fields of a hub. */
export class ContactHub implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Contact Hub',
    name: 'contactHub',
    icon: { light: 'file:contactHub.svg', dark: 'file:contactHub.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Manage the contacts, tags, channels, messages and segments of a Contact Hub',
    documentationUrl: 'https://github.com/contact-hub/n8n-nodes-contact-hub#contact-hub-node',
    defaults: { name: 'Contact Hub' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'contactHubApi', required: true, testedBy: 'contactHubApiTest' }],
    properties,
  };

  methods = { loadOptions, listSearch, resourceMapping, credentialTest };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await router.call(this);
  }
}

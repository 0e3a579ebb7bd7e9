import type {
  IAuthenticateGeneric,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

/**
 * Base URL and API key of a Contact Hub; the key acts with its user's role. The nodes test it
 * (`testedBy: contactHubApiTest`) so that n8n shows the hub's own message when it refuses.
 */
export class ContactHubApi implements ICredentialType {
  name = 'contactHubApi';

  displayName = 'Contact Hub API';

  icon = { light: 'file:contactHub.svg', dark: 'file:contactHub.dark.svg' } as const;

  documentationUrl = 'https://github.com/contact-hub/n8n-nodes-contact-hub#credentials';

  properties: INodeProperties[] = [
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: 'http://127.0.0.1:8787',
      placeholder: 'https://hub.example.com',
      description: 'Address of the Contact Hub server, e.g. https://hub.example.com (a trailing /v1 is ignored)',
      required: true,
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'An API key of the hub; it acts with its user\'s role',
      required: true,
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: {
        Authorization: '=Bearer {{$credentials.apiKey}}',
      },
    },
  };
}

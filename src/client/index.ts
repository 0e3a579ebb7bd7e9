export * from './api-types';
export { createAxiosTransport, encodeQuery } from './axios-transport';
export { ContactHubApiError, type ApiErrorBody, type ApiErrorDetail } from './contact-hub-api-error';
export { ContactHubClient } from './contact-hub-client';
export type { HubMethod, HubQuery, HubRequest, HubRequestOptions, HubResponse } from './hub-request';

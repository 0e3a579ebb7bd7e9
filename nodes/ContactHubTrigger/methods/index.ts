export * as loadOptions from './loadOptions';
export { credentialTest } from '../../ContactHub/methods';

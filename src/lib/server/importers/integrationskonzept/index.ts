export { looksLikeIntegrationskonzept, parseIntegrationskonzept } from './parse';

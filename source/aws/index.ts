// The API layer: typed calls over the SDK and error classification. No React, no polling.
export {createCustomerProfilesApi, PAGE_SIZE} from './customer-profiles-api.js';
export type {CustomerProfilesApi, CustomerProfilesApiOptions, Page} from './customer-profiles-api.js';
export {classifyError, isApiError, isExpiredTokenError, NO_REGION_MESSAGE} from './classify-error.js';

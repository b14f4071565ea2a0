// An ApiError that is also an Error, so what a walk throws keeps a stack for debugging while
// classifyError recognises it and passes it through unchanged.
import type {ApiError} from '../core/api-error.js';

export function apiFailure(error: ApiError): Error & ApiError {
	return Object.assign(new Error(error.message), error, {name: 'ApiError'});
}

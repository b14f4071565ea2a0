// The SDK's logger for every client: without one, the credential chain falls back to
// console.warn (nine lines over the TUI when AWS_PROFILE and static keys are both set).
// Everything goes to the debug trace when there is one, and nowhere otherwise.
import type {Logger} from '@smithy/types';
import type {ApiTrace} from './api-trace.js';

const CREDENTIAL_CHAIN = /^@aws-sdk\/(credential-provider|token-providers)|^@smithy\/credential-provider/;

export function sdkLogger(trace: ApiTrace | undefined): Logger {
	const log =
		(level: 'debug' | 'info' | 'warn' | 'error') =>
		(...content: unknown[]) => {
			// The SDK's per-request info objects carry whole inputs and outputs; the trace writes its
			// own request lines, so only text is kept.
			const text = content.filter(part => typeof part === 'string').join(' ');
			// The endpoint rules and config lookups log a dozen debug lines per request; the
			// credential chain's say which source it tried, which is what a bug report needs.
			if (level === 'debug' && !CREDENTIAL_CHAIN.test(text)) return;
			if (trace !== undefined && text !== '') trace.sdkLog(level, text);
		};
	return {debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error')};
}

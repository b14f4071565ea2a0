// JSON for terminals and pipes: JSON.stringify already escapes C0 controls; C1 controls, bidi
// overrides and line separators are escaped too, so `jq -r` of a hostile message, or `cat` of an
// export, cannot put them on a terminal raw. The result parses back to the same value.

const UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

export function safeJson(value: unknown, indent?: number): string {
	return JSON.stringify(value, null, indent).replace(UNSAFE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

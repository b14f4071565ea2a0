// Ink 6.8 crashes on escape sequences it cannot name: for Ctrl-F1 (ESC[1;5P), or a pasted colour
// code (ESC[31m, read as a "ctrl" modifier), parse-keypress gives ctrl with no key name and
// useInput calls input.startsWith on undefined, inside Ink, before any handler of ours. Unknown
// sequences without ctrl are no better: Shift-F1 (ESC[1;2P) reaches the handler as the text
// "[1;2P", whose digits toggle status filters. This stdin wrapper drops every CSI and SS3
// sequence that is not a key Ink knows, before Ink reads it.
// Goes with Ink 7: the crash is fixed upstream in Ink 7.1.1, which needs Node 22. When the floor
// moves to Node 22, upgrade Ink and, once Shift-F1 no longer reaches useInput as text either
// (test/ui/unknown-key-filter.test.ts), delete this file and its use in render-app.tsx.

const ESC = '\u001B';

// The codes Ink's parse-keypress names (its keyName table), modifiers and "1;" left out.
const KNOWN_CODES = new Set([
	'OP', 'OQ', 'OR', 'OS', '[11~', '[12~', '[13~', '[14~', '[[A', '[[B', '[[C', '[[D', '[[E',
	'[15~', '[17~', '[18~', '[19~', '[20~', '[21~', '[23~', '[24~',
	'[A', '[B', '[C', '[D', '[E', '[F', '[H', 'OA', 'OB', 'OC', 'OD', 'OE', 'OF', 'OH',
	'[1~', '[2~', '[3~', '[4~', '[5~', '[6~', '[[5~', '[[6~', '[7~', '[8~',
	'[a', '[b', '[c', '[d', '[e', '[2$', '[3$', '[5$', '[6$', '[7$', '[8$', 'Oa', 'Ob', 'Oc', 'Od', 'Oe',
	'[2^', '[3^', '[5^', '[6^', '[7^', '[8^', '[Z',
]);

// Ink's own patterns: how it splits a function key into code and modifier, and its kitty keys.
const FUNCTION_KEY = /^(?:\u001B+)(O|N|\[|\[\[)(?:(\d+)(?:;(\d+))?([~^$])|(?:1;)?(\d+)?([a-zA-Z]))/;
const KITTY_KEY = /^\u001B\[(\d+)(?:;(\d+)(?::(\d+))?(?:;([\d:]+))?)?u$/;

/** Whether Ink can name the key a complete CSI or SS3 sequence stands for. */
export function isKnownKeySequence(sequence: string): boolean {
	if (KITTY_KEY.test(sequence)) return true;
	const parts = FUNCTION_KEY.exec(sequence);
	if (!parts) return false;
	const code = [parts[1], parts[2], parts[4], parts[6]].filter(Boolean).join('');
	// A match that stops short of the end ("ESC[1;2;3A") is not the whole sequence.
	return KNOWN_CODES.has(code) && parts[0].length === sequence.length;
}

const isParameter = (c: number) => c >= 0x30 && c <= 0x3f;
const isIntermediate = (c: number) => c >= 0x20 && c <= 0x2f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

/** End (exclusive) of the CSI or SS3 sequence whose introducer ('[' or 'O') is at `at`; 'pending'
 * when the text ends inside it; undefined when it is not one (Ink then reads ESC as Alt). */
function sequenceEnd(text: string, at: number): number | 'pending' | undefined {
	if (text[at] === 'O') {
		if (at + 1 >= text.length) return 'pending';
		return isFinal(text.charCodeAt(at + 1)) ? at + 2 : undefined;
	}
	for (let i = at + 1; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// ESC[[A and ESC[[5~ are legacy function keys.
		if (isParameter(c) || isIntermediate(c) || (c === 0x5b && i === at + 1)) continue;
		return isFinal(c) ? i + 1 : undefined;
	}
	return 'pending';
}

/** `text` without the escape sequences Ink cannot name; `pending` is an unfinished sequence at the
 * end, to put in front of the next chunk. A lone ESC at the end is the Esc key and is kept. */
export function dropUnknownKeys(text: string): {text: string; pending: string} {
	let out = '';
	let index = 0;
	while (index < text.length) {
		const esc = text.indexOf(ESC, index);
		if (esc === -1) {
			out += text.slice(index);
			break;
		}
		out += text.slice(index, esc);
		let introducer = esc + 1;
		if (text[introducer] === ESC) introducer++;
		if (text[introducer] !== '[' && text[introducer] !== 'O') {
			out += text.slice(esc, introducer);
			index = introducer;
			continue;
		}
		const end = sequenceEnd(text, introducer);
		if (end === 'pending') return {text: out, pending: text.slice(esc)};
		if (end === undefined) {
			out += text.slice(esc, introducer);
			index = introducer;
			continue;
		}
		const sequence = text.slice(esc, end);
		if (isKnownKeySequence(sequence)) out += sequence;
		index = end;
	}
	return {text: out, pending: ''};
}

/** A view of `stream` whose read() drops the sequences Ink cannot name; everything else is the
 * stream's own. Ink reads stdin with read() on 'readable'. */
export function withUnknownKeysDropped<T extends NodeJS.ReadStream>(stream: T): T {
	let pending = '';
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'read') {
				return (...args: unknown[]) => {
					const chunk = (target.read as (...a: unknown[]) => unknown)(...args);
					if (chunk === null || chunk === undefined) return chunk;
					const filtered = dropUnknownKeys(pending + (typeof chunk === 'string' ? chunk : String(chunk)));
					pending = filtered.pending;
					return filtered.text;
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

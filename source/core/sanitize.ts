// The one gate between API strings and the screen. A FlowName or ExecutionMessage is attacker-
// controlled text: an OSC 52 could write the user's clipboard, a CSI could clear the screen, a
// bidi override could make "fail" read "liaf". Every control becomes a visible placeholder, and
// widths are measured in terminal cells (wide CJK, emoji, combining marks).
import stringWidth from 'string-width';

export interface SanitizeOptions {
	/** Caret notation (^[) instead of Control Pictures (␛) for C0 controls. */
	ascii?: boolean;
	/** Keep line breaks as '\n' (for wrapped text); otherwise they become spaces. */
	keepNewlines?: boolean;
}

// Bidi controls reorder what follows them; LRM/RLM/ALM too (they move neutral characters), so
// all are shown by name. Invisible characters that are common enough to have a short name too.
const NAMES: Record<string, string> = {
	'\u061C': 'ALM',
	'\u200E': 'LRM',
	'\u200F': 'RLM',
	'\u202A': 'LRE',
	'\u202B': 'RLE',
	'\u202C': 'PDF',
	'\u202D': 'LRO',
	'\u202E': 'RLO',
	'\u2066': 'LRI',
	'\u2067': 'RLI',
	'\u2068': 'FSI',
	'\u2069': 'PDI',
	'\u00AD': 'SHY',
	'\u034F': 'CGJ',
	'\u180E': 'MVS',
	'\u200B': 'ZWSP',
	'\u200C': 'ZWNJ',
	'\u200D': 'ZWJ',
	'\u2060': 'WJ',
	'\uFEFF': 'BOM',
};

// Emoji that need an invisible character to be drawn as one picture: ZWJ sequences (family,
// professions), a presentation selector (U+FE0F) or skin tone after a pictograph, keycaps, and the
// three subdivision flags spelled in tag characters. Kept whole; the same characters anywhere else
// are placeholders.
const PICTOGRAPH = String.raw`\p{Extended_Pictographic}[\u{FE0E}\u{FE0F}\u{1F3FB}-\u{1F3FF}]?`;
const SUBDIVISION_FLAG = String.raw`\u{1F3F4}\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}`;
const EMOJI_SEQUENCE = String.raw`${SUBDIVISION_FLAG}|${PICTOGRAPH}(?:\u200D${PICTOGRAPH})*|[0-9#*]\uFE0F\u20E3`;

// C0, DEL, C1, line/paragraph separators, the bidi controls above, and every other character a
// terminal draws as nothing, so that two names that look the same are the same: Unicode's
// default-ignorable code points (zero-width space and joiners, soft hyphen, word joiner, BOM,
// Hangul fillers, variation selectors, tag characters...) and the interlinear annotation marks.
const CONTROL = String.raw`[\u0000-\u001F\u007F-\u009F\u2028\u2029]`;
const INVISIBLE = String.raw`[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}]`;
const UNSAFE = new RegExp(String.raw`(${EMOJI_SEQUENCE})|\r\n|${CONTROL}|${INVISIBLE}`, 'gu');
const SAFE_ASCII = /^[\u0020-\u007E]*$/;

function placeholder(char: string, options: SanitizeOptions): string {
	const code = char.codePointAt(0) ?? 0;
	if (char === '\r\n' || char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029') {
		return options.keepNewlines ? '\n' : ' ';
	}
	// A tab's width depends on the column it lands in; one space keeps the measured width honest.
	if (char === '\t') return ' ';
	if (code < 0x20) return options.ascii ? `^${String.fromCharCode(code + 0x40)}` : String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return options.ascii ? '^?' : '\u2421';
	if (code <= 0x9f) return `<${code.toString(16).toUpperCase()}>`;
	return `<${NAMES[char] ?? code.toString(16).toUpperCase()}>`;
}

// A lone surrogate is measured as 0 cells but written to the terminal as U+FFFD, 1 cell: the row
// would be a cell too wide and wrap. Shown as the U+FFFD it becomes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text fit for the terminal: no escape sequence, control, bidi override or invisible character
 * survives raw. */
export function sanitize(text: string, options: SanitizeOptions = {}): string {
	if (SAFE_ASCII.test(text)) return text;
	return text.replace(UNSAFE, (char: string, emoji: string | undefined) => emoji ?? placeholder(char, options)).replace(LONE_SURROGATE, '\uFFFD');
}

// Widths of non-ASCII texts already measured: every frame measures the same separators, glyphs and
// names again, and string-width's grapheme walk was the largest cost of a frame in a CPU profile.
// Dropped whole past WIDTH_CACHE_LIMIT entries, so it stays bounded.
const widths = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 10_000;

/** Width in terminal cells of sanitized text. */
export function cellWidth(text: string): number {
	if (SAFE_ASCII.test(text)) return text.length;
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
		width = stringWidth(text);
		widths.set(text, width);
	}
	return width;
}

// Made on first use: constructing one loads ICU's grapheme rules, about 13 ms of the first frame,
// and printable ASCII never needs it (one character is one grapheme).
let segmenter: Intl.Segmenter | undefined;

/** The graphemes of `text`, in order, as they are asked for (a cut stops early in a long text). */
function* graphemes(text: string): Generator<string> {
	if (SAFE_ASCII.test(text)) {
		yield* text;
		return;
	}
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const {segment} of segmenter.segment(text)) yield segment;
}

/** One grapheme's cells, uncached: the graphemes of long texts would crowd cellWidth's cache. */
const graphemeWidth = (grapheme: string) => (SAFE_ASCII.test(grapheme) ? grapheme.length : stringWidth(grapheme));

/** Cuts to at most `width` cells, ending with an ellipsis when something was cut. Never splits a
 * grapheme (a combining accent stays with its letter, a wide character is never halved). */
export function truncateCells(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	const room = width - cellWidth(ellipsis);
	if (room < 0) return truncateCells(ellipsis, width, '');
	let used = 0;
	let out = '';
	for (const segment of graphemes(text)) {
		const w = graphemeWidth(segment);
		if (used + w > room) break;
		out += segment;
		used += w;
	}
	return out + ellipsis;
}

/** Cuts to at most `width` cells by taking out the middle: for names and ids whose distinctive
 * part is at the end ("Salesforce-b4c1…-00084"), the end keeps the larger half. */
export function truncateMiddle(text: string, width: number, ellipsis = '…'): string {
	if (cellWidth(text) <= width) return text;
	const room = width - cellWidth(ellipsis);
	if (room < 2) return truncateCells(text, width, ellipsis);
	const parts = Array.from(graphemes(text));
	const take = (from: readonly string[], budget: number): string[] => {
		const out: string[] = [];
		let used = 0;
		for (const g of from) {
			const w = graphemeWidth(g);
			if (used + w > budget) break;
			out.push(g);
			used += w;
		}
		return out;
	};
	const tailRoom = Math.ceil(room / 2);
	const tail = take([...parts].reverse(), tailRoom).reverse().join('');
	const head = take(parts, room - cellWidth(tail)).join('');
	return head + ellipsis + tail;
}

/** Exactly `width` cells: truncated (at the end, or in the middle), then padded with spaces (on the
 * left when `alignRight`). */
export function fitCells(text: string, width: number, options: {alignRight?: boolean; ellipsis?: string; middle?: boolean} = {}): string {
	const cut = options.middle ? truncateMiddle(text, Math.max(0, width), options.ellipsis) : truncateCells(text, width, options.ellipsis);
	const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return options.alignRight ? pad + cut : cut + pad;
}

/** Word-wraps to lines of at most `width` cells; words longer than a line are broken by grapheme.
 * '\n' in the text starts a new line. */
export function wrapCells(text: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let used = 0;
		const flush = () => {
			lines.push(line.trimEnd());
			line = '';
			used = 0;
		};
		for (const word of paragraph.split(/(\s+)/)) {
			if (word === '') continue;
			const isSpace = /^\s+$/.test(word);
			const w = cellWidth(word);
			if (isSpace) {
				if (used > 0 && used + 1 <= width) {
					line += ' ';
					used += 1;
				}
				continue;
			}
			if (used + w <= width) {
				line += word;
				used += w;
				continue;
			}
			if (used > 0) flush();
			if (w <= width) {
				line = word;
				used = w;
				continue;
			}
			for (const segment of graphemes(word)) {
				const sw = graphemeWidth(segment);
				if (used + sw > width) flush();
				line += segment;
				used += sw;
			}
		}
		flush();
	}
	return lines;
}

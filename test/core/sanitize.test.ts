import {describe, expect, it} from 'vitest';
import {cellWidth, fitCells, sanitize, truncateCells, truncateMiddle, wrapCells} from '../../source/core/sanitize.js';

const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('sanitize', () => {
	it('leaves plain text alone', () => {
		expect(sanitize('sf-backfill-0001 ok')).toBe('sf-backfill-0001 ok');
	});

	it('shows an OSC 52 clipboard write as visible text, never raw', () => {
		expect(sanitize('\u001b]52;c;aGk=\u0007')).toBe('␛]52;c;aGk=␇');
	});

	it('shows a screen clear and C1 controls as placeholders', () => {
		expect(sanitize('a\u001b[2Jb')).toBe('a␛[2Jb');
		expect(sanitize('a\u009b2Jb')).toBe('a<9B>2Jb');
		expect(sanitize('x\u007f')).toBe('x␡');
	});

	it('uses caret notation in ascii mode', () => {
		expect(sanitize('\u001b[2J\u0007\u007f', {ascii: true})).toBe('^[[2J^G^?');
	});

	it('names bidi controls instead of obeying them', () => {
		expect(sanitize('abc\u202eFAILED\u202c')).toBe('abc<RLO>FAILED<PDF>');
		expect(sanitize('\u2066x\u2069\u200e\u200f')).toBe('<LRI>x<PDI><LRM><RLM>');
	});

	it('turns line breaks into spaces on one line, keeps them when asked', () => {
		expect(sanitize('a\r\nb\nc\td')).toBe('a b c d');
		expect(sanitize('a\r\nb\u2028c', {keepNewlines: true})).toBe('a\nb\nc');
	});

	it('shows invisible characters as placeholders, so two names that look alike can be told apart', () => {
		expect(sanitize('look\u00ADalike\u200B-name\u2060\uFEFF')).toBe('look<SHY>alike<ZWSP>-name<WJ><BOM>');
		expect(sanitize('a\u200Cb\u200Dc\u034Fd\u180Ee')).toBe('a<ZWNJ>b<ZWJ>c<CGJ>d<MVS>e');
		// Tag characters mirror ASCII and draw as nothing: a note hidden in plain sight.
		expect(sanitize('ok\u{E0068}\u{E0069}\u{E007F}')).toBe('ok<E0068><E0069><E007F>');
		expect(sanitize('\u3164x\uFFA0\u2061\uFE0Fa\u{E0100}\u{1D173}')).toBe('<3164>x<FFA0><2061><FE0F>a<E0100><1D173>');
		expect(sanitize('x\u200B', {ascii: true})).toBe('x<ZWSP>');
	});

	it('keeps the invisible characters an emoji is drawn with', () => {
		for (const emoji of ['👩‍👩‍👧‍👦', '❤️', '👍🏽', '1️⃣', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', '🇯🇵', '🧑🏽‍💻']) {
			expect(sanitize(`a ${emoji} b`)).toBe(`a ${emoji} b`);
		}
		// The same characters outside a picture are shown.
		expect(sanitize('👍\u200Dx')).toBe('👍<ZWJ>x');
		expect(sanitize('🏴\u{E0068}\u{E0069}')).toBe('🏴<E0068><E0069>');
	});

	it('leaves no raw control in a hostile mix', () => {
		const hostile = '\u001b]52;c;aGk=\u0007\u001b[2J\u202e\u0007漢字👍e\u0301\u0085\u009d';
		expect(sanitize(hostile)).not.toMatch(RAW);
		expect(sanitize(hostile, {ascii: true})).not.toMatch(RAW);
	});
});

describe('cell widths', () => {
	it('measures wide and combining characters', () => {
		expect(cellWidth('漢字')).toBe(4);
		expect(cellWidth('e\u0301')).toBe(1);
		expect(cellWidth('👍')).toBe(2);
		expect(cellWidth('abc')).toBe(3);
	});

	it('truncates without halving a wide character or detaching an accent', () => {
		expect(truncateCells('漢字漢字', 5)).toBe('漢字…');
		expect(cellWidth(truncateCells('漢字漢字', 5))).toBe(5);
		expect(truncateCells('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
		expect(truncateCells('abcdef', 6)).toBe('abcdef');
		expect(truncateCells('abcdef', 0)).toBe('');
	});

	it('fits to an exact width, right-aligned when asked', () => {
		expect(fitCells('ab', 4)).toBe('ab  ');
		expect(fitCells('12', 4, {alignRight: true})).toBe('  12');
		expect(cellWidth(fitCells('漢字漢字', 5))).toBe(5);
		expect(cellWidth(fitCells('漢字漢', 5))).toBe(5);
	});

	it('wraps words to a width, breaking long words and keeping newlines', () => {
		expect(wrapCells('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
		expect(wrapCells('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrapCells('a\nb', 10)).toEqual(['a', 'b']);
		for (const line of wrapCells('漢字漢字漢字 abc', 5)) expect(cellWidth(line)).toBeLessThanOrEqual(5);
	});

	it('cuts in the middle, keeping the larger half at the end, never splitting a grapheme', () => {
		expect(truncateMiddle('Salesforce-b4c1f11e-00084', 15)).toBe('Salesfo…e-00084');
		expect(cellWidth(truncateMiddle('Salesforce-b4c1f11e-00084', 16))).toBe(16);
		expect(truncateMiddle('short', 15)).toBe('short');
		expect(truncateMiddle('日本語のフロー名-00084', 12)).toBe('日本…-00084');
		expect(fitCells('Salesforce-b4c1f11e-00084', 12, {middle: true, ellipsis: '~'})).toBe('Sales~-00084');
	});
});

describe('lone surrogates', () => {
	it('become U+FFFD, measured as the one cell the terminal draws', () => {
		const text = sanitize('A lone \ud83d here, reversed \ude00\ud83d, a pair \ud83d\ude00 kept');
		expect(text).toBe('A lone \ufffd here, reversed \ufffd\ufffd, a pair \ud83d\ude00 kept');
		expect(cellWidth(sanitize('a\ud83db'))).toBe(3);
	});
});

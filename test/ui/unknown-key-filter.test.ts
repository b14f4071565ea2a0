import {describe, expect, it} from 'vitest';
import {dropUnknownKeys, isKnownKeySequence} from '../../source/ui/unknown-key-filter.js';

const E = '\u001B';

describe('dropUnknownKeys', () => {
	it('keeps the keys Ink names, with or without modifiers', () => {
		for (const key of [`${E}[A`, `${E}[1;5A`, `${E}[1;2B`, `${E}[5~`, `${E}[6~`, `${E}[H`, `${E}[F`, `${E}OP`, `${E}OA`, `${E}[Z`, `${E}${E}[A`, `${E}[97;5u`]) {
			expect(isKnownKeySequence(key), JSON.stringify(key)).toBe(true);
			expect(dropUnknownKeys(key)).toEqual({text: key, pending: ''});
		}
	});

	it('drops Ctrl-F1, Ctrl-Shift-F1, Shift-F1, colour codes and bracketed-paste markers', () => {
		for (const key of [`${E}[1;5P`, `${E}[1;6P`, `${E}[1;2P`, `${E}[5P`, `${E}[31m`, `${E}[0m`, `${E}[1;31;40m`, `${E}[200~`, `${E}[<0;3;4M`, `${E}Ox`]) {
			expect(isKnownKeySequence(key), JSON.stringify(key)).toBe(false);
			expect(dropUnknownKeys(key).text).toBe('');
		}
	});

	it('keeps text, Esc, Alt-keys and known keys around what it drops', () => {
		expect(dropUnknownKeys(`j${E}[31mred${E}[0m${E}[Bk`).text).toBe(`jred${E}[Bk`);
		expect(dropUnknownKeys(`${E}`)).toEqual({text: E, pending: ''});
		expect(dropUnknownKeys(`${E}${E}`)).toEqual({text: `${E}${E}`, pending: ''});
		expect(dropUnknownKeys(`${E}j`)).toEqual({text: `${E}j`, pending: ''});
	});

	it('holds an unfinished sequence for the next chunk', () => {
		expect(dropUnknownKeys(`j${E}[1;`)).toEqual({text: 'j', pending: `${E}[1;`});
		expect(dropUnknownKeys(`${E}[1;5P`).text).toBe('');
	});
});

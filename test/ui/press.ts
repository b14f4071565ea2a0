// Writes a key to Ink's stdin and lets React's scheduler render it (a bare Esc takes one more turn).
export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	ctrlB: '\u0002',
	ctrlF: '\u0006',
	ctrlU: '\u0015',
	ctrlD: '\u0004',
	ctrlC: '\u0003',
} as const;

export async function settle(turns = 6): Promise<void> {
	for (let i = 0; i < turns; i++) await new Promise(resolve => setImmediate(resolve));
}

export async function press(stdin: {write(data: string): void}, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		stdin.write(key);
		await settle();
	}
}

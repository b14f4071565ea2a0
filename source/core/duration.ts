// Durations as people type them on a command line: 90s, 30m, 2h, 1h30m, or plain seconds.

const UNIT_MS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000};

/** Milliseconds, or undefined when the text is not a positive duration. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim().toLowerCase();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const ms = Number(trimmed) * 1000;
		return ms > 0 ? ms : undefined;
	}
	const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
	let total = 0;
	let consumed = 0;
	for (let match = part.exec(trimmed); match; match = part.exec(trimmed)) {
		total += Number(match[1]) * UNIT_MS[match[2]];
		consumed = part.lastIndex;
	}
	if (consumed === 0 || consumed !== trimmed.length || total <= 0) return undefined;
	return Math.round(total);
}

/** The inverse for messages: 7200000 → "2h", 5400000 → "1h30m", 1500 → "1.5s". */
export function formatDurationWords(ms: number): string {
	if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
	const units: Array<[string, number]> = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]];
	let rest = Math.round(ms / 1000) * 1000;
	let text = '';
	for (const [unit, size] of units) {
		const count = Math.floor(rest / size);
		if (count > 0) text += `${count}${unit}`;
		rest -= count * size;
	}
	return text;
}

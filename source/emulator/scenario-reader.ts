// Reads one JSON value at a named path, so every refusal says exactly which field is wrong.

export class ScenarioError extends Error {
	constructor(readonly path: string, problem: string) {
		super(`${path === '' ? '(root)' : path}: ${problem}`);
		this.name = 'ScenarioError';
	}
}

export function join(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	return path === '' ? key : `${path}.${key}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
	if (!isPlainObject(value)) throw new ScenarioError(path, `must be an object (got ${describe(value)})`);
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key)) throw new ScenarioError(join(path, key), `unknown field (expected one of ${allowed.join(', ')})`);
	}
	return value;
}

export function readArray(value: unknown, path: string): unknown[] {
	if (!Array.isArray(value)) throw new ScenarioError(path, `must be an array (got ${describe(value)})`);
	return value;
}

export function readNumber(value: unknown, path: string, options: {min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean} = {}): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScenarioError(path, `must be a number (got ${describe(value)})`);
	if (options.integer && !Number.isInteger(value)) throw new ScenarioError(path, `must be an integer (got ${value})`);
	if (options.min !== undefined) {
		if (options.exclusiveMin ? value <= options.min : value < options.min) {
			throw new ScenarioError(path, `must be ${options.exclusiveMin ? 'greater than' : 'at least'} ${options.min} (got ${value})`);
		}
	}
	if (options.max !== undefined && value > options.max) throw new ScenarioError(path, `must be at most ${options.max} (got ${value})`);
	return value;
}

/** Lengths count code points, as the service's string limits do. */
export function readString(value: unknown, path: string, options: {min?: number; max?: number; pattern?: RegExp; patternText?: string} = {}): string {
	if (typeof value !== 'string') throw new ScenarioError(path, `must be a string (got ${describe(value)})`);
	const length = [...value].length;
	const min = options.min ?? 0;
	if (length < min) throw new ScenarioError(path, min === 1 ? 'must not be empty' : `must have at least ${min} characters (got ${length})`);
	if (options.max !== undefined && length > options.max) throw new ScenarioError(path, `must have at most ${options.max} characters (got ${length})`);
	if (options.pattern && !options.pattern.test(value)) throw new ScenarioError(path, options.patternText ?? `must match ${options.pattern.source}`);
	return value;
}

export function readRange(value: unknown, path: string, options: {min?: number; integer?: boolean} = {}): [number, number] {
	const items = readArray(value, path);
	if (items.length !== 2) throw new ScenarioError(path, `must be [min, max] (got ${items.length} items)`);
	const low = readNumber(items[0], join(path, 0), options);
	const high = readNumber(items[1], join(path, 1), options);
	if (high < low) throw new ScenarioError(path, `max must not be less than min (got [${low}, ${high}])`);
	return [low, high];
}

export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?');
	if (typeof value === 'object') return 'an object';
	return String(value);
}

// The JSON Schema stays true to the loader: every built-in passes it, and the loader's defaults
// are the schema's defaults.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../source/emulator/index.js';
import {BUILT_IN_SCENARIOS} from '../../source/emulator/scenarios/index.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8'));

type Node = Record<string, any>;

// Enough of draft 2020-12 for this schema: type, properties, additionalProperties, items,
// prefixItems, $ref, oneOf, enum, numeric and length bounds, pattern.
function problems(value: unknown, node: Node, path: string): string[] {
	if (node.$ref) return problems(value, resolve(node.$ref), path);
	if (node.oneOf) {
		const passing = (node.oneOf as Node[]).filter(option => problems(value, option, path).length === 0);
		return passing.length === 1 ? [] : [`${path}: matches ${passing.length} of oneOf`];
	}
	if (node.enum && !node.enum.includes(value)) return [`${path}: not in enum`];
	const types = node.type === undefined ? [] : ([] as string[]).concat(node.type);
	if (types.length > 0 && !types.some(type => isType(value, type))) return [`${path}: not ${types.join('|')}`];
	const out: string[] = [];
	if (typeof value === 'number') {
		if (node.minimum !== undefined && value < node.minimum) out.push(`${path}: below minimum`);
		if (node.maximum !== undefined && value > node.maximum) out.push(`${path}: above maximum`);
		if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) out.push(`${path}: not above exclusiveMinimum`);
	}
	if (typeof value === 'string') {
		const length = [...value].length;
		if (node.minLength !== undefined && length < node.minLength) out.push(`${path}: too short`);
		if (node.maxLength !== undefined && length > node.maxLength) out.push(`${path}: too long`);
		if (node.pattern && !new RegExp(node.pattern, 'u').test(value)) out.push(`${path}: pattern`);
	}
	if (Array.isArray(value)) {
		value.forEach((item, index) => {
			const itemNode = node.prefixItems?.[index] ?? node.items;
			if (itemNode) out.push(...problems(item, itemNode, `${path}[${index}]`));
		});
	} else if (typeof value === 'object' && value !== null) {
		for (const [key, item] of Object.entries(value)) {
			const property = node.properties?.[key];
			if (property) out.push(...problems(item, property, `${path}.${key}`));
			else if (node.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
			else if (typeof node.additionalProperties === 'object') out.push(...problems(item, node.additionalProperties, `${path}.${key}`));
		}
	}
	return out;
}

function isType(value: unknown, type: string): boolean {
	switch (type) {
		case 'null':
			return value === null;
		case 'integer':
			return Number.isInteger(value);
		case 'array':
			return Array.isArray(value);
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		default:
			return typeof value === type;
	}
}

function resolve(ref: string): Node {
	return ref.replace(/^#\//, '').split('/').reduce((node: Node, key) => node[key], schema);
}

describe('schema/scenario.schema.json', () => {
	it('is draft 2020-12', () => {
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
	});

	it.each(Object.keys(BUILT_IN_SCENARIOS))('accepts the built-in %s, raw and loaded with every default', name => {
		expect(problems(BUILT_IN_SCENARIOS[name](), schema, '$')).toEqual([]);
		expect(problems(JSON.parse(JSON.stringify(loadScenario(name))), schema, '$')).toEqual([]);
	});

	it('refuses what the loader refuses', () => {
		expect(problems({domains: [{workflows: [{WorkflowId: 'XYZ'}]}]}, schema, '$')).not.toEqual([]);
		expect(problems({pageSize: 0}, schema, '$')).not.toEqual([]);
		expect(problems({faults: {deny: ['DeleteDomain']}}, schema, '$')).not.toEqual([]);
		expect(problems({domains: [{workflows: [{stepz: []}]}]}, schema, '$')).not.toEqual([]);
	});

	it('documents the same defaults the loader fills', () => {
		const loaded = loadScenario({domains: [{workflows: [{generate: {}}]}]});
		expect(schema.properties.pageSize.default).toBe(loaded.pageSize);
		expect(schema.properties.clock.properties.speed.default).toBe(loaded.clock.speed);
		expect(schema.properties.faults.properties.throttle.default).toEqual(loaded.faults.throttle);
		for (const key of ['errorRate', 'hangupRate', 'latencyMs', 'tokenTtlSeconds', 'deny', 'seed'] as const) {
			expect(schema.properties.faults.properties[key].default, key).toEqual(loaded.faults[key]);
		}
		const generate = loaded.domains[0].workflows[0].generate!;
		for (const key of ['count', 'seed', 'spanSeconds', 'failRate', 'retryRate', 'splitRate', 'runSeconds', 'queueSeconds', 'records'] as const) {
			expect(schema.$defs.generate.properties[key].default, key).toEqual(generate[key]);
		}
		expect(schema.$defs.domain.properties.at.default).toBe(loaded.domains[0].at);
		expect(schema.$defs.domain.properties.DefaultExpirationDays.default).toBe(loaded.domains[0].DefaultExpirationDays);
	});
});

import {describe, expect, it} from 'vitest';
import {validateDomainName, validateWorkflowId} from '../../source/core/validate.js';

describe('identifier validation', () => {
	it('accepts the names and ids the service accepts', () => {
		expect(validateDomainName('retail-prod_2')).toBeUndefined();
		expect(validateDomainName('a'.repeat(64))).toBeUndefined();
		expect(validateWorkflowId('0123456789abcdef0123456789abcdef')).toBeUndefined();
	});

	it('explains what is wrong with a domain name', () => {
		expect(validateDomainName('')).toMatch(/empty/);
		expect(validateDomainName('a'.repeat(65))).toMatch(/at most 64.*got 65/);
		expect(validateDomainName('retail prod')).toMatch(/letters, digits/);
	});

	it('rejects workflow ids that are not 32 lowercase hex characters', () => {
		expect(validateWorkflowId('0123456789ABCDEF0123456789ABCDEF')).toMatch(/32 lowercase hex/);
		expect(validateWorkflowId('abc')).toMatch(/got 'abc'/);
	});

	it('never echoes control characters back to the terminal', () => {
		const message = validateDomainName('x\u001b[2Jy') ?? '';
		expect(message).not.toContain('\u001b');
		expect(message).toContain('\\x1b');
	});
});

import {describe, expect, it} from 'vitest';
import {bypasses, proxyFor, readProxySettings, redactProxy} from '../../source/aws/proxy-settings.js';

function settings(env: NodeJS.ProcessEnv) {
	const read = readProxySettings(env);
	if (!read.ok) throw new Error(read.error);
	return read.value;
}

describe('HTTPS_PROXY, HTTP_PROXY and NO_PROXY as the AWS CLI reads them', () => {
	it('https:// endpoints use HTTPS_PROXY, http:// ones HTTP_PROXY; the lower-case name wins', () => {
		const proxies = settings({HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'plain:8080'});
		expect(proxyFor(proxies, 'https:', 'profile.eu-west-2.amazonaws.com', 443)?.href).toBe('http://lower:3128/');
		// No scheme means http://.
		expect(proxyFor(proxies, 'http:', '127.0.0.1', 4566)?.href).toBe('http://plain:8080/');
		expect(proxyFor(settings({HTTP_PROXY: 'http://p:1'}), 'https:', 'sts.amazonaws.com', 443)).toBeUndefined();
	});

	it.each([
		['amazonaws.com', 'profile.eu-west-2.amazonaws.com', true],
		['.amazonaws.com', 'profile.eu-west-2.amazonaws.com', true],
		['*.amazonaws.com', 'sts.amazonaws.com', true],
		['amazonaws.com', 'amazonaws.com', true],
		['.amazonaws.com', 'amazonaws.com', true],
		['zonaws.com', 'amazonaws.com', false],
		['example.com', 'amazonaws.com', false],
		['10.0.0.0/8', '10.1.2.3', true],
		['10.0.0.0/8', '11.1.2.3', false],
		['127.0.0.1', '127.0.0.1', true],
		['127.0.0.1', '127.0.0.2', false],
		['localhost:4566', 'localhost', true],
		['localhost:9999', 'localhost', false],
		['*', 'anything.example', true],
		['::1', '[::1]', true],
		['0.1', '10.0.0.1', false],
	])('NO_PROXY=%s for %s: bypass %s', (noProxy, host, expected) => {
		expect(bypasses(noProxy.split(','), host, 4566)).toBe(expected);
	});

	it('NO_PROXY lists are split on commas and spaces, case-insensitively', () => {
		const proxies = settings({HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com, .AMAZONAWS.com'});
		expect(proxyFor(proxies, 'https:', 'Profile.us-east-1.amazonaws.com', 443)).toBeUndefined();
		expect(proxyFor(proxies, 'https:', 'portal.sso.us-east-1.amazonaws.com.', 443)).toBeUndefined();
		expect(proxyFor(proxies, 'https:', 'example.org', 443)).toBeDefined();
	});

	it('a proxy that is not a URL is refused, without showing its password', () => {
		const read = readProxySettings({https_proxy: 'socks5://user:hunter2@host:1080'});
		expect(read).toEqual({ok: false, error: "https_proxy: 'socks5://user:REDACTED@host:1080' is not a proxy URL (such as http://proxy.example.com:3128)"});
	});

	it('redacts the password of a proxy URL for logs and messages', () => {
		expect(redactProxy(new URL('http://alice:s3cret@proxy:3128'))).toBe('http://alice:REDACTED@proxy:3128');
		expect(redactProxy(new URL('http://proxy:3128'))).toBe('http://proxy:3128');
	});
});

// HTTPS_PROXY, HTTP_PROXY and NO_PROXY as the AWS CLI reads them (through Python's requests):
// the lower-case name wins over the upper-case one, a proxy without a scheme is http://, and
// NO_PROXY lists host names, domain suffixes (with or without a leading dot), IPs, IPv4 ranges
// (10.0.0.0/8), host:port pairs, or `*` for everything. Pure: the environment comes in.
import {isIP} from 'node:net';

export interface ProxySettings {
	/** For https:// endpoints (every AWS endpoint). */
	https?: URL;
	/** For http:// endpoints (a local emulator, a plain-HTTP gateway). */
	http?: URL;
	noProxy: string[];
}

export type ProxySettingsResult = {ok: true; value: ProxySettings} | {ok: false; error: string};

export function readProxySettings(env: NodeJS.ProcessEnv): ProxySettingsResult {
	const https = pick(env, 'https_proxy');
	const http = pick(env, 'http_proxy');
	const settings: ProxySettings = {noProxy: listOf(pick(env, 'no_proxy')?.value)};
	for (const [scheme, found] of [['https', https], ['http', http]] as const) {
		if (found === undefined) continue;
		const url = proxyUrl(found.value);
		if (url === undefined) return {ok: false, error: `${found.name}: '${redactText(found.value)}' is not a proxy URL (such as http://proxy.example.com:3128)`};
		settings[scheme] = url;
	}
	return {ok: true, value: settings};
}

export function hasProxy(settings: ProxySettings): boolean {
	return settings.https !== undefined || settings.http !== undefined;
}

/** The proxy a request to `protocol//host:port` goes through, or undefined to go direct. */
export function proxyFor(settings: ProxySettings, protocol: string, host: string, port: number): URL | undefined {
	const proxy = protocol === 'https:' ? settings.https : settings.http;
	if (proxy === undefined || bypasses(settings.noProxy, host, port)) return undefined;
	return proxy;
}

export function bypasses(noProxy: readonly string[], rawHost: string, port: number): boolean {
	const host = rawHost.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
	for (const rawEntry of noProxy) {
		if (rawEntry === '*') return true;
		let entry = rawEntry.toLowerCase();
		const withPort = /^(.*[^:]):(\d+)$/.exec(entry);
		if (withPort && !entry.includes('::')) {
			if (Number(withPort[2]) !== port) continue;
			entry = withPort[1];
		}
		entry = entry.replace(/^\[|\]$/g, '');
		if (entry.includes('/') && isIP(host) === 4) {
			if (inIpv4Range(host, entry)) return true;
			continue;
		}
		const suffix = entry.replace(/^\*?\./, '');
		if (suffix === '') continue;
		if (host === suffix || (isIP(host) === 0 && host.endsWith(`.${suffix}`))) return true;
	}
	return false;
}

/** The proxy URL with any password replaced, fit for a log or an error line. */
export function redactProxy(url: URL): string {
	if (url.password === '') return url.href.replace(/\/$/, '');
	const copy = new URL(url.href);
	copy.password = 'REDACTED';
	return copy.href.replace(/\/$/, '');
}

function redactText(text: string): string {
	return text.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:REDACTED@');
}

function pick(env: NodeJS.ProcessEnv, lower: string): {name: string; value: string} | undefined {
	for (const name of [lower, lower.toUpperCase()]) {
		const value = env[name]?.trim();
		if (value) return {name, value};
	}
	return undefined;
}

function listOf(text: string | undefined): string[] {
	return (text ?? '')
		.split(/[,\s]+/)
		.map(entry => entry.trim())
		.filter(Boolean);
}

function proxyUrl(text: string): URL | undefined {
	try {
		const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`);
		if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
		return url;
	} catch {
		return undefined;
	}
}

function inIpv4Range(host: string, cidr: string): boolean {
	const [base, bitsText] = cidr.split('/');
	const bits = Number(bitsText);
	if (isIP(base) !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
	const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
	return ((ipv4Number(host) & mask) >>> 0) === ((ipv4Number(base) & mask) >>> 0);
}

function ipv4Number(ip: string): number {
	return ip.split('.').reduce((sum, part) => ((sum << 8) | Number(part)) >>> 0, 0);
}

// AWS_CA_BUNDLE, else the profile's ca_bundle, as the AWS CLI reads them: extra trusted CAs (a
// company's TLS-inspecting proxy, a private gateway). Node's `ca` option replaces the default
// roots, so the bundle is added to them, and to NODE_EXTRA_CA_CERTS when that is set too.
import {readFile} from 'node:fs/promises';
import tls from 'node:tls';
import {apiFailure} from './api-failure.js';

export interface CaBundleSource {
	path: string;
	/** Where the path came from, for messages: `AWS_CA_BUNDLE` or `ca_bundle of profile NAME`. */
	from: string;
}

/** Where the bundle is configured, or undefined for Node's own trust store. */
export async function findCaBundle(env: NodeJS.ProcessEnv, profile: string | undefined): Promise<CaBundleSource | undefined> {
	const fromEnv = env.AWS_CA_BUNDLE?.trim();
	if (fromEnv) return {path: fromEnv, from: 'AWS_CA_BUNDLE'};
	// The SDK's own reader, so the file, the profile and the `profile NAME` sections are found
	// exactly as for credentials and the Region.
	const {loadSharedConfigFiles} = await import('@smithy/core/config');
	const name = profile ?? (env.AWS_PROFILE || 'default');
	const files = await loadSharedConfigFiles({ignoreCache: true}).catch(() => undefined);
	const path = files?.configFile?.[name]?.ca_bundle?.trim();
	return path ? {path, from: `ca_bundle of profile ${name}`} : undefined;
}

/** Node's default roots plus the bundle's certificates, or undefined when no bundle is set. */
export async function trustedCertificates(source: CaBundleSource | undefined, env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
	if (source === undefined) return undefined;
	const bundle = await readPem(source.path, source.from);
	if (!/-----BEGIN CERTIFICATE-----/.test(bundle)) {
		throw apiFailure({kind: 'bad-request', message: `${source.from} ${source.path}: no PEM certificate in the file`, retryable: false});
	}
	return [...(await defaultRoots(env)), bundle];
}

async function defaultRoots(env: NodeJS.ProcessEnv): Promise<string[]> {
	// Node 22.15+ lists the default store with NODE_EXTRA_CA_CERTS included; older Nodes do not.
	const withExtra = (tls as {getCACertificates?: (type: string) => string[]}).getCACertificates;
	if (typeof withExtra === 'function') return withExtra('default');
	const extraPath = env.NODE_EXTRA_CA_CERTS?.trim();
	const extra = extraPath ? await readFile(extraPath, 'utf8').catch(() => '') : '';
	return [...tls.rootCertificates, ...(extra ? [extra] : [])];
}

async function readPem(path: string, from: string): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
		throw apiFailure({kind: 'bad-request', message: `${from} ${path}: cannot read the file (${code})`, retryable: false});
	}
}

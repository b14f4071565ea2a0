// A throw-away CA and a server certificate it signs, for 127.0.0.1 and localhost, made at start:
// `--tls` tests HTTPS, proxies' CONNECT and AWS_CA_BUNDLE for real without shipping a key. Node
// 20 cannot sign X.509, so node-forge builds the certificates; node:crypto makes the keys (fast).
import {generateKeyPairSync, randomBytes} from 'node:crypto';
import forge from 'node-forge';

export interface TlsCertificate {
	/** The CA certificate, PEM: what a client must trust (AWS_CA_BUNDLE). */
	caPem: string;
	/** The server's certificate chain and key, PEM. */
	certPem: string;
	keyPem: string;
}

const DAY_MS = 86_400_000;

export function createTlsCertificate(now = Date.now()): TlsCertificate {
	const caKeys = rsaKeys();
	const caName = [{name: 'commonName', value: 'cp-watch emulator test CA'}];
	const ca = signed(caKeys, caKeys, caName, caName, now, [
		{name: 'basicConstraints', cA: true, critical: true},
		{name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true},
		{name: 'subjectKeyIdentifier'},
	]);
	const leafKeys = rsaKeys();
	const leaf = signed(leafKeys, caKeys, [{name: 'commonName', value: '127.0.0.1'}], caName, now, [
		{name: 'basicConstraints', cA: false},
		{name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true},
		{name: 'extKeyUsage', serverAuth: true},
		{name: 'subjectAltName', altNames: [{type: 7, ip: '127.0.0.1'}, {type: 2, value: 'localhost'}]},
		{name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes()},
	]);
	return {
		caPem: forge.pki.certificateToPem(ca),
		certPem: forge.pki.certificateToPem(leaf),
		keyPem: leafKeys.privateKeyPem,
	};
}

type Keys = ReturnType<typeof rsaKeys>;
type Name = forge.pki.CertificateField[];

/** A certificate for `subject`'s key, signed by `issuer`'s, valid from a day ago for 30 days. */
function signed(subject: Keys, issuer: Keys, subjectName: Name, issuerName: Name, now: number, extensions: object[]): forge.pki.Certificate {
	const certificate = forge.pki.createCertificate();
	certificate.publicKey = subject.publicKey;
	certificate.serialNumber = serial();
	certificate.validity.notBefore = new Date(now - DAY_MS);
	certificate.validity.notAfter = new Date(now + 30 * DAY_MS);
	certificate.setSubject(subjectName);
	certificate.setIssuer(issuerName);
	certificate.setExtensions(extensions);
	certificate.sign(issuer.privateKey, forge.md.sha256.create());
	return certificate;
}

function rsaKeys(): {publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey; privateKeyPem: string} {
	const {publicKey, privateKey} = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: {type: 'spki', format: 'pem'},
		privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
	});
	return {
		publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
		privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
		privateKeyPem: privateKey,
	};
}

function serial(): string {
	// Positive (high bit clear), 16 random bytes: unique per run, as RFC 5280 asks.
	const bytes = randomBytes(16);
	bytes[0] &= 0x7f;
	return bytes.toString('hex');
}

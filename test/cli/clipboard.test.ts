// y/Y inside tmux, against a real tmux server on a private socket: the text must land in tmux's
// buffer, OSC 52 must still go to the terminal, and a failure must be said as one.
import {execFileSync, spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {copyToClipboard} from '../../source/cli/clipboard.js';

const SOCKET = `cp-watch-clip-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], {encoding: 'utf8'});

describe.skipIf(!hasTmux)('copying inside tmux (real tmux, private socket)', () => {
	let env: NodeJS.ProcessEnv;
	beforeAll(() => {
		tmux('new-session', '-d', '-x', '80', '-y', '24');
		const socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
		const pid = tmux('display-message', '-p', '#{pid}').trim();
		// What tmux sets in its panes: how `tmux load-buffer` finds this server.
		env = {...process.env, TMUX: `${socketPath},${pid},0`};
	});
	afterAll(() => {
		spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
	});

	it('puts the text into the tmux buffer and sends plain OSC 52, and says both', async () => {
		const written: string[] = [];
		const text = 'Salesforce-b4c1f11e-00001 é';
		const report = await copyToClipboard(text, {env, writeTerminal: s => written.push(s)});
		expect(report).toEqual({said: 'copied to the tmux buffer; OSC 52 sent too', failed: false});
		expect(tmux('show-buffer')).toBe(text);
		expect(written).toEqual([`\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`]);
	});

	it('says so when tmux did not take it, and never calls that copied', async () => {
		const written: string[] = [];
		const report = await copyToClipboard('x', {env: {...env, TMUX: '/nonexistent/socket,1,0'}, writeTerminal: s => written.push(s)});
		expect(report.failed).toBe(true);
		expect(report.said).toMatch(/^not in the tmux buffer \(tmux load-buffer failed: .+\); sent to the terminal clipboard \(OSC 52\)$/);
		expect(report.said).not.toContain('copied');
		expect(written).toHaveLength(1);
	});
});

describe('copying outside tmux', () => {
	it('sends OSC 52 and says that is all it did', async () => {
		const written: string[] = [];
		const report = await copyToClipboard('abc', {env: {}, writeTerminal: s => written.push(s)});
		expect(report).toEqual({said: 'sent to the terminal clipboard (OSC 52)', failed: false});
		expect(written).toEqual(['\u001B]52;c;YWJj\u0007']);
	});
});

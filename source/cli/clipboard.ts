// The TUI's y/Y: text to the clipboard, and what really happened, in words. Inside tmux the text
// goes into tmux's own buffer through `tmux load-buffer -w -` (tmux forwards it to the outer
// terminal where its set-clipboard allows); plain OSC 52 goes to the terminal as well. The tmux
// passthrough form alone is dropped by tmux 3.3+ unless allow-passthrough is on, so it is not used.
import {spawn} from 'node:child_process';
import {osc52Copy} from '../core/terminal-escapes.js';
import {sanitize} from '../core/sanitize.js';
import type {CopyReport} from '../ui/components/steps-screen.js';

const OSC52 = 'sent to the terminal clipboard (OSC 52)';

export interface ClipboardOptions {
	env: NodeJS.ProcessEnv;
	/** Where OSC 52 goes: the terminal (stdout). */
	writeTerminal(sequence: string): void;
	/** tmux does not answer: give up after this long. */
	timeoutMs?: number;
}

export async function copyToClipboard(text: string, options: ClipboardOptions): Promise<CopyReport> {
	options.writeTerminal(osc52Copy(text));
	if (!options.env.TMUX) return {said: OSC52, failed: false};
	const problem = await tmuxLoadBuffer(text, options.env, options.timeoutMs ?? 3000);
	if (problem === undefined) return {said: 'copied to the tmux buffer; OSC 52 sent too', failed: false};
	return {said: `not in the tmux buffer (${sanitize(problem)}); ${OSC52}`, failed: true};
}

/** undefined when tmux took the text, else why not, in one line. */
function tmuxLoadBuffer(text: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | undefined> {
	return new Promise(resolve => {
		let stderr = '';
		let settled = false;
		const done = (problem: string | undefined) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(problem);
		};
		const child = spawn('tmux', ['load-buffer', '-w', '-'], {env, stdio: ['pipe', 'ignore', 'pipe']});
		const timer = setTimeout(() => {
			child.kill();
			done(`tmux load-buffer did not answer in ${timeoutMs / 1000}s`);
		}, timeoutMs);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => (stderr += chunk));
		child.on('error', error => done(`tmux load-buffer: ${error.message}`));
		child.on('close', code => {
			const why = stderr.trim().split('\n')[0];
			done(code === 0 ? undefined : `tmux load-buffer failed${why ? `: ${why}` : ` with exit code ${code}`}`);
		});
		// A child that exits before reading makes this write fail; 'close' says why.
		child.stdin.on('error', () => {});
		child.stdin.end(text);
	});
}

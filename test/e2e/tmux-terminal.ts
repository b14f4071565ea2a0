// A real terminal for end-to-end tests: tmux on a private socket runs the built CLI, takes keys
// with send-keys, and shows the screen with capture-pane. Ink prints nothing while CI is set, so
// the server starts with CI removed from its environment.
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';

export interface TerminalOptions {
	columns?: number;
	rows?: number;
	env?: Record<string, string>;
}

export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

export class TmuxTerminal {
	private readonly socket = `cpw-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
	private readonly env: NodeJS.ProcessEnv;

	constructor(
		command: string,
		private readonly options: TerminalOptions = {},
	) {
		const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', ...options.env};
		delete env.CI;
		delete env.TMUX;
		this.env = env;
		this.tmux(
			'-f',
			'/dev/null',
			'new-session',
			'-d',
			'-x',
			String(options.columns ?? 120),
			'-y',
			String(options.rows ?? 40),
			command,
		);
		// Keep the pane after the program exits so the restored screen can be read.
		this.tmux('set-option', '-g', 'remain-on-exit', 'on');
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {env: this.env, encoding: 'utf8'});
	}

	/** Keys in tmux's names: 'j', 'Enter', 'Escape', 'C-c', 'PageDown'. */
	press(...keys: string[]): void {
		for (const key of keys) this.tmux('send-keys', '-t', '0', key);
	}

	type(text: string): void {
		this.tmux('send-keys', '-t', '0', '-l', text);
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', '0');
	}

	/** tmux's view of the pane: alternate screen on, cursor visible, program still running. */
	pane(): {alternateScreen: boolean; cursorVisible: boolean; dead: boolean; exitStatus?: number} {
		const [alt, cursor, dead, status] = this.tmux(
			'display-message',
			'-p',
			'-t',
			'0',
			'#{alternate_on} #{cursor_flag} #{pane_dead} #{pane_dead_status}',
		)
			.trim()
			.split(' ');
		return {
			alternateScreen: alt === '1',
			cursorVisible: cursor === '1',
			dead: dead === '1',
			exitStatus: status === '' || status === undefined ? undefined : Number(status),
		};
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', '0', '-x', String(columns), '-y', String(rows));
	}

	/** Polls the screen until `predicate` holds; throws with the last screen when time runs out. */
	async waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.screen();
			if (predicate(screen)) return screen;
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		throw new Error(`timed out waiting for ${what}; screen was:\n${screen}`);
	}

	async waitForExit(timeoutMs = 10_000): Promise<number | undefined> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const pane = this.pane();
			if (pane.dead) return pane.exitStatus;
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		throw new Error('timed out waiting for the program to exit');
	}

	close(): void {
		try {
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}

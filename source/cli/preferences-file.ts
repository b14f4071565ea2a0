// $XDG_CONFIG_HOME/cp-watch/config.json. A corrupt or unreadable file is reported once and left
// exactly as it is: cp-watch then runs with defaults and does not save over it.
import {mkdirSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {mergePreferences, readPreferences, type Preferences} from '../core/preferences.js';
import {errorCode, writeFileAtomicSync} from '../state/atomic-write.js';

export interface PreferencesFile {
	path: string;
	preferences: Preferences;
	/** A line to show the user when the file could not be used as it is. */
	warning?: string;
	/** Saves; returns a warning line instead of throwing. */
	save(preferences: Preferences): string | undefined;
}

export function preferencesPath(env: NodeJS.ProcessEnv): string {
	const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
	return join(base, 'cp-watch', 'config.json');
}

export function openPreferencesFile(path: string): PreferencesFile {
	let stored: Record<string, unknown> = {};
	let preferences: Preferences = {};
	let warning: string | undefined;
	let writable = true;

	let text: string | undefined;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			warning = `preferences ignored: cannot read ${path} (${errorCode(error)})`;
			writable = false;
		}
	}
	if (text !== undefined) {
		try {
			const raw: unknown = JSON.parse(text);
			const read = readPreferences(raw);
			preferences = read.preferences;
			if (read.problems.length > 0 && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
				stored = raw as Record<string, unknown>;
				warning = `preferences: ignored ${read.problems.join('; ')} in ${path}`;
			} else if (read.problems.length > 0) {
				warning = `preferences ignored: ${path} is ${read.problems[0]}; fix or remove it`;
				writable = false;
			} else {
				stored = raw as Record<string, unknown>;
			}
		} catch {
			warning = `preferences ignored: ${path} is not valid JSON; fix or remove it`;
			writable = false;
		}
	}

	return {
		path,
		preferences,
		warning,
		save(next) {
			if (!writable) return undefined;
			try {
				mkdirSync(dirname(path), {recursive: true});
				stored = mergePreferences(stored, next);
				writeFileAtomicSync(path, `${JSON.stringify(stored, null, 2)}\n`);
				return undefined;
			} catch (error) {
				return `preferences not saved: ${(error as Error).message}`;
			}
		},
	};
}

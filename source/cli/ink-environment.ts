// Ink 6 decides at import time (is-in-ci) that a CI machine gets no live rendering, so a real
// terminal in a devcontainer or hosted IDE, which sets CI, would show nothing at all. The TUI only
// runs on a terminal, where that guess is wrong: tell Ink before it loads.

/** Call before the first import of Ink, and only when the TUI is about to draw on a terminal. */
export function prepareInkEnvironment(env: NodeJS.ProcessEnv): void {
	// is-in-ci reads CI and CONTINUOUS_INTEGRATION, treating '0' and 'false' as unset.
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) {
		if (key in env) env[key] = 'false';
	}
}

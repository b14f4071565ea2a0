// Whether the non-interactive writers (line mode, the --once table) colour statuses: only when
// FORCE_COLOR asks, since their output is usually a file or a pipe, and never against --no-color
// or NO_COLOR (already folded into `color`).
export function lineColour(env: NodeJS.ProcessEnv, color: boolean): boolean {
	const value = env.FORCE_COLOR;
	return color && value !== undefined && value !== '0' && value !== 'false';
}

/** NO_COLOR (any value), CLICOLOR=0 and TERM=dumb each mean no colour, in every mode. */
export function colorRefused(env: NodeJS.ProcessEnv): boolean {
	return (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.CLICOLOR === '0' || env.TERM === 'dumb';
}

// Whether the non-interactive writers (line mode, the --once table) colour statuses: only when
// FORCE_COLOR asks, since their output is usually a file or a pipe, and never against --no-color
// or NO_COLOR (already folded into `color`).
export function lineColour(env: NodeJS.ProcessEnv, color: boolean): boolean {
	const value = env.FORCE_COLOR;
	return color && value !== undefined && value !== '0' && value !== 'false';
}

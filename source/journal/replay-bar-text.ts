// The replay bar's words, most important first so a narrow terminal cuts the key hints, not the
// clock: where the player is, the journal's clock, speed, which event, and where reading stopped.
import {formatFullTime} from '../core/format.js';
import type {TimeMode} from '../core/preferences.js';
import type {ReplayStatus} from './replay-source.js';

export interface ReplayBarText {
	state: string;
	clock: string;
	position: string;
	problem?: string;
	keys: string;
}

/** 0.5 as "1/2x", 4 as "4x". */
export function formatSpeed(speed: number): string {
	return speed >= 1 ? `${speed}x` : `1/${Math.round(1 / speed)}x`;
}

export function replayBarText(status: ReplayStatus, clock: number, timeMode: TimeMode, ascii: boolean): ReplayBarText {
	const state = status.atEnd ? (ascii ? '# end of journal' : '■ end of journal') : status.playing ? (ascii ? '> replay' : '▶ replay') : ascii ? '|| paused' : '‖ paused';
	return {
		state,
		clock: formatFullTime(clock, timeMode === 'relative' ? 'utc' : timeMode),
		position: `${formatSpeed(status.speed)}  event ${status.event}/${status.events}`,
		problem: status.problem ? `journal stops at line ${status.problem.line}: it ${status.problem.message}` : undefined,
		keys: `space ${status.playing ? 'pause' : 'play'}  [ ] step  < > speed  { } problem`,
	};
}

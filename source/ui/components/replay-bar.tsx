// The line over a replay: the journal's clock (not now), the player, and its keys. The timeline
// keys live here, not in the keymap, so they exist only in a replay; they yield to the search
// field and the help like every other key.
import {useInput, useStdin} from 'ink';
import React, {useSyncExternalStore} from 'react';
import type {TimeMode} from '../../core/preferences.js';
import {replayBarText} from '../../journal/replay-bar-text.js';
import type {ReplaySession} from '../../journal/replay-source.js';
import {useClock} from '../hooks/use-clock.js';
import type {Theme} from '../theme.js';
import {Line} from './line.js';

export interface ReplayBarProps {
	replay: ReplaySession;
	width: number;
	theme: Theme;
	timeMode: TimeMode;
	/** False while typing a search or reading the help. */
	keysActive: boolean;
}

export function ReplayBar({replay, width, theme, timeMode, keysActive}: ReplayBarProps): React.JSX.Element {
	const status = useSyncExternalStore(replay.subscribe, replay.getStatus);
	const clock = useClock(replay.now, 1000);
	const {isRawModeSupported} = useStdin();
	useInput(
		input => {
			for (const char of input) {
				if (char === ' ') replay.togglePlaying();
				else if (char === ']') replay.step(1);
				else if (char === '[') replay.step(-1);
				else if (char === '>') replay.faster();
				else if (char === '<') replay.slower();
				else if (char === '}') replay.jumpProblem(1);
				else if (char === '{') replay.jumpProblem(-1);
			}
		},
		{isActive: keysActive && isRawModeSupported === true},
	);
	// The clock read now, not at the tick, so a step shows its event's time at once.
	void clock;
	const text = replayBarText(status, replay.now(), timeMode, theme.ascii);
	const sep = theme.separator;
	return (
		<Line
			width={width}
			ellipsis={theme.ellipsis}
			segments={[
				{text: text.state, bold: theme.bold, color: status.playing ? theme.accent : theme.warning},
				{text: `${sep}${text.clock}`, bold: theme.bold},
				{text: `${sep}${text.position}`},
				...(text.problem ? [{text: `${sep}${text.problem}`, color: theme.error}] : []),
				{text: `${sep}${text.keys}`, dim: theme.dim},
			]}
		/>
	);
}

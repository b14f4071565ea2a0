// The help of the screen on show, in the space the table had: its keys, then what the row marks mean.
import {keyHelp, type KeyMode} from '../../core/keymap.js';
import {fitCells, wrapCells} from '../../core/sanitize.js';
import type {Theme} from '../theme.js';
import type {Segment} from './line.js';

export const HELP_TITLE = 'keys (? or Esc closes)';

/** What r says in a replay, where there is nothing to refresh (said, not silently dropped). */
export const REPLAY_READS_NOTHING = 'a replay reads nothing to refresh: ] steps one event forward';

/** One line per key, the action wrapped under itself where the terminal is too narrow for it. */
export function helpLines(screen: KeyMode['screen'], theme: Theme, width: number, replay = false): Segment[][] {
	const entries = keyHelp(screen, {selected: theme.selectionMarker, changed: theme.changedMarker}, {replay});
	const keyWidth = Math.max(...entries.map(([keys]) => keys.length)) + 2;
	const actionWidth = Math.max(10, width - keyWidth);
	return entries.flatMap(([keys, action]) =>
		wrapCells(action, actionWidth).map((part, i) => [{text: fitCells(i === 0 ? keys : '', keyWidth), color: theme.accent}, {text: part}]),
	);
}

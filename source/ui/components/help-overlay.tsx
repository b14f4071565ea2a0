// The help of the screen on show, in the space the table had: its keys, then what the row marks mean.
import {keyHelp, type KeyMode} from '../../core/keymap.js';
import {fitCells} from '../../core/sanitize.js';
import type {Theme} from '../theme.js';
import type {Segment} from './line.js';

export const HELP_TITLE = 'keys (? or Esc closes)';

export function helpLines(screen: KeyMode['screen'], theme: Theme): Segment[][] {
	const entries = keyHelp(screen, {selected: theme.selectionMarker, changed: theme.changedMarker});
	const keyWidth = Math.max(...entries.map(([keys]) => keys.length)) + 2;
	return entries.map(([keys, action]) => [{text: fitCells(keys, keyWidth), color: theme.accent}, {text: action}]);
}

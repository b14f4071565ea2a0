// What the `!` overlay shows: the whole error of the latest request and the latest notice, wrapped
// to the width, where the status line can only show their start.
import {formatClock} from '../../core/format.js';
import {sanitize, wrapCells} from '../../core/sanitize.js';
import type {PollStatus} from '../../poller/watch-state.js';
import type {Theme} from '../theme.js';
import type {Segment} from './line.js';
import type {Notice} from './status-line.js';

export const MESSAGES_TITLE = 'messages (! or Esc closes)';

export function messageLines(status: PollStatus, notices: readonly (Notice | undefined)[], width: number, theme: Theme): Segment[][] {
	const lines: Segment[][] = [];
	const heading = (text: string) => lines.push([{text, bold: theme.bold, color: theme.muted}]);
	const wrapped = (text: string, color?: string) => {
		for (const line of wrapCells(text, Math.max(1, width - 2))) lines.push([{text: `  ${line}`, color}]);
	};
	const {error} = status;
	if (error) {
		const since = formatClock(error.staleSince);
		heading(status.lastSuccessAt === undefined ? `error since ${since}, before any data arrived` : `error since ${since}; the data shown is from before`);
		wrapped(sanitize(`${error.code ?? error.kind}: ${error.message}`), theme.error);
		if (error.action) wrapped(sanitize(`refused action: ${error.action}`), theme.error);
		wrapped(error.retryable ? 'cp-watch keeps retrying.' : 'Retrying will not fix this; r tries again now.');
	} else {
		heading('no error: the latest request succeeded');
	}
	for (const notice of notices) {
		if (!notice) continue;
		lines.push([]);
		heading(`message at ${formatClock(notice.time)}`);
		wrapped(notice.text, notice.error ? theme.error : undefined);
	}
	return lines;
}

// The bottom line: how fresh the data is, what the poller is doing, requests sent. It is the only
// line that changes with time at rest, so it alone owns a one-second clock, and the clock
// re-renders it only when its text would change: every frame costs Ink the whole screen, so a
// 'done · updated 9m ago' that reads the same for a minute must not draw sixty frames, and the
// line's words change at most every few seconds (the next poll as a time, the age in 5 s steps).
import {Box, Text} from 'ink';
import React, {useEffect, useReducer, useRef} from 'react';
import {formatAgo, formatClock, formatCount, formatDuration} from '../../core/format.js';
import {cellWidth, sanitize, truncateCells} from '../../core/sanitize.js';
import type {PollStatus, Traffic} from '../../poller/watch-state.js';
import type {Theme} from '../theme.js';
import {Spinner} from './spinner.js';

export interface Notice {
	text: string;
	time: number;
	error?: boolean;
}

/** Notices (copied, exported) stay this long. */
export const NOTICE_MS = 10_000;

/** The status line's "live" in a replay, where nothing is live: the journal's state as recorded. */
export const REPLAY_LIVE_LABEL = 'as recorded';

const seconds = (ms: number) => formatDuration(Math.max(0, ms));

/** Whether a request is probably in flight: the first load, or a poll that is due. */
export function isBusy(status: PollStatus, now: number): boolean {
	return status.phase === 'loading' || (status.phase === 'live' && status.nextPollAt !== undefined && now >= status.nextPollAt);
}

/** What an empty table means: truly empty only once an answer came and the latest did not fail
 * (a failed first request is not an empty domain). */
export function emptyReason(status: PollStatus): 'loading' | 'failed' | 'waiting' | 'empty' {
	if (status.phase === 'loading') return 'loading';
	if (status.phase === 'error') return 'failed';
	return status.lastSuccessAt === undefined ? 'waiting' : 'empty';
}

/** The empty table's line for a reason other than 'empty'. */
export const EMPTY_TEXT = {
	loading: 'loading',
	failed: 'no data: the request failed (! shows the whole error)',
	waiting: 'waiting for the first answer',
} as const;

/** The age of the data steps every 5 s under a minute ("<5s ago", "5s ago", then "1m ago"). */
export const UPDATED_STEP_SECONDS = 5;

export function describeStatus(status: PollStatus, now: number, sep: string, doneLabel = 'done', liveLabel = 'live'): string {
	const updated = status.lastSuccessAt === undefined ? undefined : `updated ${formatAgo(status.lastSuccessAt, now, UPDATED_STEP_SECONDS)}`;
	switch (status.phase) {
		case 'loading':
			return 'loading';
		case 'live': {
			// The next poll as a time of day, not a countdown: a countdown changed the line every
			// second, and every change costs Ink a frame of the whole screen (most of the CPU at rest).
			// Live still shows: the age resets and the spinner turns at each poll.
			const next =
				status.nextPollAt === undefined ? undefined : now >= status.nextPollAt ? 'refreshing' : `next poll ${formatClock(status.nextPollAt)}`;
			return [liveLabel, updated, next].filter(Boolean).join(sep);
		}
		case 'paused':
			return ['paused', updated, 'p resumes'].filter(Boolean).join(sep);
		case 'throttled':
			return ['throttled', status.retryAt === undefined ? 'retrying' : `retrying in ${seconds(status.retryAt - now)}`].join(sep);
		case 'error': {
			const error = status.error;
			if (!error) return 'error';
			const what = sanitize(`${error.code ?? error.kind}: ${error.message}`);
			// Nothing is stale when nothing ever arrived. The hint comes before the error: the error is
			// what gets cut on a narrow line, and `!` shows it whole.
			const when = status.lastSuccessAt === undefined ? 'failed' : `stale since ${formatClock(error.staleSince)}`;
			return `${when}${sep}! whole error${sep}${what}`;
		}
		case 'done':
			return [doneLabel, updated].filter(Boolean).join(sep);
	}
}

export interface StatusLineProps {
	status: PollStatus;
	width: number;
	now: () => number;
	theme: Theme;
	notice?: Notice;
	demoLabel?: string;
	/** What "done" says, e.g. "done · workflow COMPLETE". */
	doneLabel?: string;
	/** What "live" says: a replay is not live ("as recorded"). */
	liveLabel?: string;
	/** Appended while loading, e.g. "1,200 steps so far". */
	loadingDetail?: string;
	/** The process's totals over every watch (the quota's view); else this watch's own counts. */
	traffic?: () => Traffic;
}

interface StatusLineText {
	busy: boolean;
	leftText: string;
	noticeText: string;
	gap: number;
	rightText: string;
	color?: string;
	noticeError: boolean;
}

function statusLineText(props: StatusLineProps, now: number): StatusLineText {
	const {status, width, theme, notice, demoLabel} = props;
	const busy = isBusy(status, now);
	let left = describeStatus(status, now, theme.separator, props.doneLabel, props.liveLabel);
	if (status.phase === 'loading' && props.loadingDetail) left += theme.separator + props.loadingDetail;
	const counts = props.traffic?.() ?? status;
	const throttles = counts.throttles > 0 ? `${theme.separator}${formatCount(counts.throttles)}x429` : '';
	const right = `${formatCount(counts.requests)} req${throttles}${demoLabel ? theme.separator + sanitize(demoLabel) : ''}`;
	const showNotice = notice && now - notice.time < NOTICE_MS ? notice : undefined;
	const spinnerWidth = busy ? 2 : 0;
	const noticeWidth = showNotice ? cellWidth(showNotice.text) : 0;
	let room = Math.max(0, width - spinnerWidth - cellWidth(right) - 1);
	// The request count gives way to a notice that needs its room.
	if (noticeWidth > room) room = Math.max(0, width - spinnerWidth);
	// A notice answers the key just pressed: it has the room first, the poll state what is left
	// (the state is back in a few seconds; `!` shows a notice that is still too long).
	const leftRoom = showNotice ? room - noticeWidth - cellWidth(theme.separator) : room;
	const leftText = leftRoom >= 8 || !showNotice ? truncateCells(left, Math.max(0, leftRoom), theme.ellipsis) : '';
	const lead = leftText ? theme.separator : '';
	const noticeText = showNotice ? lead + truncateCells(showNotice.text, Math.max(0, room - cellWidth(leftText) - cellWidth(lead)), theme.ellipsis) : '';
	const gap = Math.max(1, width - spinnerWidth - cellWidth(leftText) - cellWidth(noticeText) - cellWidth(right));
	const color = status.phase === 'error' ? theme.error : status.phase === 'throttled' || status.phase === 'paused' ? theme.warning : undefined;
	const rightText = spinnerWidth + cellWidth(leftText) + cellWidth(noticeText) + gap + cellWidth(right) <= width ? right : '';
	return {busy, leftText, noticeText, gap, rightText, color, noticeError: showNotice?.error === true};
}

const sameText = (a: StatusLineText, b: StatusLineText) =>
	a.busy === b.busy &&
	a.leftText === b.leftText &&
	a.noticeText === b.noticeText &&
	a.gap === b.gap &&
	a.rightText === b.rightText &&
	a.color === b.color &&
	a.noticeError === b.noticeError;

export function StatusLine(props: StatusLineProps): React.JSX.Element {
	const {theme} = props;
	const text = statusLineText(props, props.now());
	const {busy, leftText, noticeText, gap, rightText, color} = text;
	// The tick reads the newest props and draws again only if the text moved.
	const latest = useRef({props, text});
	latest.current = {props, text};
	const [, redraw] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		const timer = setInterval(() => {
			const {props: now, text: shown} = latest.current;
			if (!sameText(statusLineText(now, now.now()), shown)) redraw();
		}, 1000);
		return () => clearInterval(timer);
	}, []);
	return (
		<Box>
			{busy ? (
				<Text>
					<Spinner ascii={theme.ascii} color={theme.accent} />{' '}
				</Text>
			) : null}
			<Text wrap="truncate-end">
				<Text color={color}>{leftText}</Text>
				<Text color={text.noticeError ? theme.error : theme.accent}>{noticeText}</Text>
				{' '.repeat(rightText ? gap : 0)}
				<Text color={theme.muted}>{rightText}</Text>
			</Text>
		</Box>
	);
}

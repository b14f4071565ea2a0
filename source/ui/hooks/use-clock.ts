// A clock that ticks only as often as its reader needs: the status line every second, the table's
// relative times every few seconds (each tick rewrites lines on the terminal).
import {useEffect, useState} from 'react';

export function useClock(now: () => number, intervalMs: number, active = true): number {
	const [time, setTime] = useState(now);
	useEffect(() => {
		if (!active) return;
		setTime(now());
		const timer = setInterval(() => setTime(now()), intervalMs);
		return () => clearInterval(timer);
	}, [now, intervalMs, active]);
	return time;
}

// The time table rows are drawn at: it moves every TABLE_TIME_STEP_S, or when new data arrives, not
// every second, which would rewrite every visible row each second.
import {useMemo} from 'react';
import {TABLE_TIME_STEP_S} from '../../core/format.js';
import {useClock} from './use-clock.js';

export function useTableNow(now: () => number, dataVersion: number): number {
	const tick = useClock(now, TABLE_TIME_STEP_S * 1000);
	// tick and dataVersion are not read: they say when to read the clock again.
	return useMemo(() => now(), [tick, dataVersion, now]);
}

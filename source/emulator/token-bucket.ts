// A token bucket in real time: `burst` requests at once, refilled at `ratePerSecond`.

export interface TokenBucket {
	/** True if a request may go now (and takes a token). */
	take(nowMs: number): boolean;
}

export function createTokenBucket(ratePerSecond: number, burst: number, nowMs: number): TokenBucket {
	let tokens = burst;
	let last = nowMs;
	const refill = (now: number) => {
		if (now > last) {
			tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond);
			last = now;
		}
	};
	return {
		take(now) {
			refill(now);
			if (tokens >= 1) {
				tokens -= 1;
				return true;
			}
			return false;
		},
	};
}

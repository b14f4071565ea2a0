// Every random choice in the emulator comes from here, seeded, so a scenario and a request order
// always give the same answers.

/** mulberry32: small, fast, good enough for test data; returns floats in [0, 1). */
export function createPrng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function between(random: () => number, min: number, max: number): number {
	return min + (max - min) * random();
}

export function integerBetween(random: () => number, min: number, max: number): number {
	return Math.floor(between(random, min, max + 1 - 1e-9));
}

// A value with listeners, shaped for useSyncExternalStore: the same object until it changes.

export interface Store<S> {
	get(): S;
	set(patch: Partial<S>): void;
	subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		set(patch) {
			let changed = false;
			for (const key of Object.keys(patch) as Array<keyof S>) {
				if (!Object.is(state[key], patch[key])) changed = true;
			}
			if (!changed) return;
			state = {...state, ...patch};
			for (const listener of [...listeners]) listener();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}

// The live watches against the emulator over real HTTP with the real SDK client: what the status
// line would show, and how they come back after lasting errors.
import {afterEach, describe, expect, it} from 'vitest';
import {createWatchSource, type WatchSourceOptions} from '../../source/poller/index.js';
import {apiFor, closeLater, closeOpened, DOMAIN, emulatorWith, ID, waitFor} from './emulator-harness.js';
import type {Emulator} from '../../source/emulator/index.js';

afterEach(closeOpened);

function sourceFor(emulator: Emulator, options: Partial<WatchSourceOptions> = {}) {
	return createWatchSource({api: apiFor(emulator), maxRps: 20, intervalMs: 1000, ...options});
}

function started<W extends {start(): void; stop(): void}>(watch: W): W {
	watch.start();
	closeLater({close: () => watch.stop()});
	return watch;
}

describe('live watch against the emulator: errors', () => {
	it('a denied probe shows the service\'s reason, not an empty message', async () => {
		const emulator = await emulatorWith({deny: ['GetWorkflow']}, 10);
		const watch = started(sourceFor(emulator).watchWorkflow(DOMAIN, ID));
		await waitFor(() => watch.getState().error !== undefined, 5000);
		const {error} = watch.getState();
		expect(error).toMatchObject({kind: 'access-denied', action: 'profile:GetWorkflow', retryable: false});
		expect(error?.message).toBe('access denied: not authorized to perform profile:GetWorkflow');
	});
});

// Colours are forced on for this file (chalk reads FORCE_COLOR when it is first imported), so the
// colour=false path is tested against a renderer that would otherwise colour.
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';

vi.hoisted(() => {
	process.env.FORCE_COLOR = '3';
});

const {App} = await import('../../source/ui/app.js');
const {fakeWatchSource, NOW, step, workflow} = await import('../support/fake-watch-source.js');
const {renderTui} = await import('./render-tui.js');
const {KEYS, press, settle} = await import('./press.js');

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'FAILED', 'SPLIT', 'RETRY', 'CANCELLED', 'ODD'];
const SGR = /\u001b\[[0-9;]*m/;
const unmounts: Array<() => void> = [];
afterEach(() => unmounts.splice(0).forEach(u => u()));

async function run(color: boolean, ascii = false, columns = 160) {
	const source = fakeWatchSource({steps: STATUSES.map((Status, i) => step(i, {Status})), workflow: workflow()});
	source.workflow.set({phase: 'loading'});
	const tui = renderTui(<App source={source} initial={{domain: 'd', workflowId: 'w'}} options={{ascii, color, statusFilter: []}} onExit={() => {}} now={() => NOW} />, {
		columns,
		rows: 30,
	});
	unmounts.push(() => tui.instance.unmount());
	await settle();
	await press(tui.stdin, 'j', KEYS.enter, '4', '0', '/com', KEYS.enter, '?');
	await press(tui.stdin, '?');
	return tui.stdout.writes.join('');
}

describe('colour', () => {
	it('colours statuses and the selection when colour is on', async () => {
		const out = await run(true);
		expect(out).toMatch(SGR);
		expect(out).toContain('\u001b[7m');
	});

	it('writes no colour or style code at all with NO_COLOR / --no-color', async () => {
		const out = await run(false);
		expect(out).not.toMatch(SGR);
		expect(out).not.toContain('\u001b');
		// Still readable: the marker, glyphs and labels carry the meaning.
		expect(out).toMatch(/^› {2}▶ running/m);
	});

	it('uses no Unicode glyph, spinner or box drawing with --ascii', async () => {
		const out = await run(false, true);
		expect(out).not.toMatch(/[^\u0000-\u007f]/);
		expect(out).toMatch(/^> {2}> running/m);
	});
});

// Like ink-testing-library, with a terminal size of our choosing and every byte kept: for wide
// layouts (ink-testing-library is fixed at 100 columns) and for asserting on escape sequences.
import {EventEmitter} from 'node:events';
import {render, type Instance} from 'ink';
import type React from 'react';

export class FakeStdout extends EventEmitter {
	isTTY = true;
	writes: string[] = [];
	bytes = 0;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (data: string) => {
		this.writes.push(data);
		this.bytes += Buffer.byteLength(data);
		return true;
	};
	lastFrame = () => this.writes.at(-1) ?? '';
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const data = this.data;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export function renderTui(tree: React.ReactElement, options: {columns: number; rows: number; debug?: boolean; incrementalRendering?: boolean}) {
	const stdout = new FakeStdout(options.columns, options.rows);
	const stdin = new FakeStdin();
	const instance: Instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(options.columns, options.rows) as unknown as NodeJS.WriteStream,
		debug: options.debug ?? true,
		incrementalRendering: options.incrementalRendering,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {instance, stdout, stdin, lastFrame: stdout.lastFrame};
}

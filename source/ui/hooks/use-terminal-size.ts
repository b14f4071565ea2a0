// Ink's useStdout gives no size; the stream has it, and says when it changes.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Size} from '../../core/layout.js';

const FALLBACK: Size = {columns: 80, rows: 24};

export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows});
	const [size, setSize] = useState<Size>(read);
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}

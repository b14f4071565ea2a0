// The only animation on screen, shown only while a request is in flight: each frame rewrites the
// status line (about 260 bytes a frame), so it ticks slowly (3 frames/s) to keep the bytes per second low.
import {Text} from 'ink';
import React, {useEffect, useState} from 'react';

const UNICODE_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ASCII_FRAMES = ['-', '\\', '|', '/'];
export const SPINNER_INTERVAL_MS = 300;

export function Spinner({ascii, color}: {ascii: boolean; color?: string}): React.JSX.Element {
	const frames = ascii ? ASCII_FRAMES : UNICODE_FRAMES;
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setFrame(f => (f + 1) % frames.length), SPINNER_INTERVAL_MS);
		return () => clearInterval(timer);
	}, [frames.length]);
	return <Text color={color}>{frames[frame % frames.length]}</Text>;
}

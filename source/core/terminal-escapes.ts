// Escape sequences cp-watch sends on purpose: clipboard (OSC 52) and desktop notifications
// (OSC 9 for iTerm2/Windows Terminal/WezTerm, OSC 777 for rxvt/foot/Ghostty/VTE), plus the bell.
// They go through SSH untouched; inside tmux they must be wrapped in tmux's DCS passthrough
// (which tmux forwards when `allow-passthrough` is on).

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

export const BELL = BEL;

/** Removes everything that could end or hijack the sequence it is placed in. */
function inert(text: string): string {
	return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}

export function osc52Copy(text: string): string {
	return `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
}

export function osc9Notify(message: string): string {
	return `${ESC}]9;${inert(message)}${BEL}`;
}

export function osc777Notify(title: string, body: string): string {
	// OSC 777 separates fields with ';', so a title may not contain one.
	return `${ESC}]777;notify;${inert(title).replaceAll(';', ',')};${inert(body)}${BEL}`;
}

/** Wraps a sequence for tmux: DCS tmux; <sequence with every ESC doubled> ST. */
export function tmuxPassthrough(sequence: string): string {
	return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ST}`;
}

export interface EscapeTarget {
	/** Inside tmux (the TMUX environment variable is set). */
	tmux: boolean;
}

export function forTerminal(sequence: string, target: EscapeTarget): string {
	return target.tmux ? tmuxPassthrough(sequence) : sequence;
}

/** Bell plus both notification dialects: terminals ignore the OSC they do not speak. */
export function desktopNotification(title: string, body: string, target: EscapeTarget): string {
	return BEL + forTerminal(osc9Notify(`${title}: ${body}`), target) + forTerminal(osc777Notify(title, body), target);
}

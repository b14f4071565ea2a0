// The one place colours and text styles are chosen. Without colour (NO_COLOR, --no-color) every
// style is off, not only the colours: the selection marker and glyphs carry the meaning.
import {statusInfo} from '../core/status.js';

export interface Theme {
	color: boolean;
	ascii: boolean;
	/** An Ink colour for a status, or undefined for the terminal's default. */
	status(status: string): string | undefined;
	accent?: string;
	muted?: string;
	warning?: string;
	error?: string;
	changed?: string;
	/** Whether the selected row is drawn in inverse video. */
	inverse: boolean;
	bold: boolean;
	dim: boolean;
	glyph(status: string): string;
	/** ›, or > in ASCII. */
	selectionMarker: string;
	/** Marks rows changed by the latest refresh. */
	changedMarker: string;
	/** Separates header fields. */
	separator: string;
	ellipsis: string;
	verticalRule: string;
	horizontalRule: string;
}

export function createTheme(options: {color: boolean; ascii: boolean}): Theme {
	const {color, ascii} = options;
	return {
		color,
		ascii,
		status: status => (color ? statusInfo(status).color : undefined),
		accent: color ? 'cyan' : undefined,
		muted: color ? 'gray' : undefined,
		warning: color ? 'yellow' : undefined,
		error: color ? 'red' : undefined,
		changed: color ? 'yellow' : undefined,
		inverse: color,
		bold: color,
		dim: color,
		glyph: status => (ascii ? statusInfo(status).asciiGlyph : statusInfo(status).glyph),
		selectionMarker: ascii ? '>' : '›',
		changedMarker: ascii ? '*' : '•',
		separator: ascii ? ' - ' : ' · ',
		ellipsis: ascii ? '~' : '…',
		verticalRule: ascii ? '|' : '│',
		horizontalRule: ascii ? '-' : '─',
	};
}

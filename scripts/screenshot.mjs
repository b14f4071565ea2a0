// Screenshots for the README: runs the built CLI in a real terminal (tmux), presses keys, captures
// the pane with its attributes, replays the capture into a terminal emulator library
// (@xterm/headless, Unicode 11 widths) and draws its cells as an SVG: every character at its own
// cell, wide ones on two, with bold, dim, italic, underline, inverse and 16/256/true colours as the
// terminal has them. Text in the SVG, so it stays sharp and diffable.
//
//   npm run build && node scripts/screenshot.mjs --all     every shot in scripts/screenshots.json
//   node scripts/screenshot.mjs steps help                  the named shots from that list
//   node scripts/screenshot.mjs NAME "ARGS" [KEYS...]       an ad-hoc shot of `cp-watch ARGS`
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';

const {Terminal} = xtermHeadless;
const {Unicode11Addon} = unicode11;

const SHOTS = JSON.parse(readFileSync(new URL('./screenshots.json', import.meta.url), 'utf8'));
const argv = process.argv.slice(2);
const wanted =
	argv[0] === '--all'
		? SHOTS
		: argv.every(name => SHOTS.some(shot => shot.name === name)) && argv.length > 0
			? argv.map(name => SHOTS.find(shot => shot.name === name))
			: [{name: argv[0] ?? 'steps', args: argv[1] ?? '--demo', keys: argv.slice(2)}];

async function take(shot) {
	const columns = shot.columns ?? 120;
	const rows = shot.rows ?? 36;
	const socket = `cpw-shot-${process.pid}-${shot.name}`;
	// A fresh config directory: a filter remembered from one shot must not leak into the next.
	const env = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cp-watch-shot-')), ...shot.env};
	delete env.CI;
	delete env.TMUX;
	if (!shot.env?.NO_COLOR) delete env.NO_COLOR;
	const tmux = (...a) => execFileSync('tmux', ['-L', socket, ...a], {env, encoding: 'utf8'});
	const command = shot.command ?? `node dist/cli.js ${shot.args}`;
	// remain-on-exit keeps a pipe's last lines on screen after the command ends.
	tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), 'sh', '-c', `${command}; sleep 30`);
	try {
		await sleep(shot.waitMs ?? 4000);
		for (const key of shot.keys ?? []) {
			tmux('send-keys', '-t', '0', key);
			await sleep(600);
		}
		await sleep(1500);
		const capture = tmux('capture-pane', '-e', '-p', '-t', '0');
		mkdirSync('screenshots', {recursive: true});
		writeFileSync(`screenshots/${shot.name}.svg`, toSvg(await cellsOf(capture, columns, rows), columns, rows));
		return `screenshots/${shot.name}.svg`;
	} finally {
		tmux('kill-server');
	}
}

/** The capture replayed into a headless terminal of the same size: rows of cells. */
async function cellsOf(capture, columns, rows) {
	const terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
	terminal.loadAddon(new Unicode11Addon());
	terminal.unicode.activeVersion = '11';
	const lines = capture.replace(/\n$/, '').split('\n').slice(0, rows);
	// Each line from column 0 with attributes reset: capture-pane ends lines without a reset.
	await new Promise(resolve => terminal.write(lines.map(line => `\u001b[0m${line}`).join('\r\n'), resolve));
	const buffer = terminal.buffer.active;
	const out = [];
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const cells = [];
		for (let x = 0; line && x < columns; x++) {
			const cell = line.getCell(x);
			if (!cell || cell.getWidth() === 0) continue;
			cells.push({
				x,
				width: cell.getWidth(),
				chars: cell.getChars() || ' ',
				fg: colour(cell.isFgDefault(), cell.isFgRGB(), cell.getFgColor()),
				bg: colour(cell.isBgDefault(), cell.isBgRGB(), cell.getBgColor()),
				bold: cell.isBold() !== 0,
				dim: cell.isDim() !== 0,
				italic: cell.isItalic() !== 0,
				underline: cell.isUnderline() !== 0,
				strike: cell.isStrikethrough() !== 0,
				inverse: cell.isInverse() !== 0,
				invisible: cell.isInvisible() !== 0,
			});
		}
		out.push(cells);
	}
	terminal.dispose();
	return out;
}

const PALETTE = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#dcdfe4', '#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#7cc4ff', '#de97f2', '#6fd3de', '#ffffff'];
const FG = '#dcdfe4';
const BG = '#1e1e1e';

function colour(isDefault, isRgb, value) {
	if (isDefault) return undefined;
	if (isRgb) return `#${value.toString(16).padStart(6, '0')}`;
	if (value < 16) return PALETTE[value];
	if (value >= 232) {
		const v = (8 + (value - 232) * 10).toString(16).padStart(2, '0');
		return `#${v}${v}${v}`;
	}
	const i = value - 16;
	const c = x => (x === 0 ? 0 : 55 + x * 40).toString(16).padStart(2, '0');
	return `#${c(Math.floor(i / 36))}${c(Math.floor(i / 6) % 6)}${c(i % 6)}`;
}

/** Dim as the terminal draws it: the colour halfway to the background. */
function dimmed(hex) {
	const n = Number.parseInt(hex.slice(1), 16);
	const b = Number.parseInt(BG.slice(1), 16);
	const mix = shift => Math.round((((n >> shift) & 255) + ((b >> shift) & 255)) / 2);
	return `#${[16, 8, 0].map(shift => mix(shift).toString(16).padStart(2, '0')).join('')}`;
}

function toSvg(grid, columns, rows) {
	const cw = 8.4;
	const lh = 18;
	// Backgrounds first, then text over them.
	const backgrounds = [];
	const out = [];
	const escape = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	grid.forEach((cells, y) => {
		// Runs of ASCII cells with one style become one <text>; anything wider or not ASCII is placed
		// cell by cell, so a font's own advance for CJK or emoji cannot shift the rest of the line.
		let run;
		// Backgrounds as runs too: a rect per cell leaves hairline seams between cells.
		let fill;
		const flushFill = () => {
			if (fill) backgrounds.push(`<rect x="${(fill.x * cw).toFixed(1)}" y="${y * lh}" width="${(fill.width * cw).toFixed(1)}" height="${lh}" fill="${fill.colour}"/>`);
			fill = undefined;
		};
		const flush = () => {
			if (!run) return;
			out.push(`<text x="${(run.x * cw).toFixed(1)}" y="${y * lh + 13}" fill="${run.fill}"${run.attrs} xml:space="preserve">${escape(run.text)}</text>`);
			run = undefined;
		};
		for (const cell of cells) {
			let fg = cell.fg ?? FG;
			let bg = cell.bg;
			if (cell.inverse) [fg, bg] = [bg ?? BG, fg];
			if (cell.dim) fg = dimmed(fg);
			if (fill && (fill.colour !== bg || fill.x + fill.width !== cell.x)) flushFill();
			if (bg && fill) fill.width += cell.width;
			else if (bg) fill = {x: cell.x, width: cell.width, colour: bg};
			if (cell.invisible || cell.chars === ' ') {
				flush();
				continue;
			}
			const decoration = [cell.underline ? 'underline' : '', cell.strike ? 'line-through' : ''].filter(Boolean).join(' ');
			const attrs = `${cell.bold ? ' font-weight="bold"' : ''}${cell.italic ? ' font-style="italic"' : ''}${decoration ? ` text-decoration="${decoration}"` : ''}`;
			const ascii = cell.width === 1 && /^[\u0020-\u007e]$/.test(cell.chars);
			if (ascii && run && run.fill === fg && run.attrs === attrs && run.x + run.text.length === cell.x) {
				run.text += cell.chars;
				continue;
			}
			flush();
			if (ascii) {
				run = {x: cell.x, text: cell.chars, fill: fg, attrs};
				continue;
			}
			// At its own cell; a wide character is squeezed or stretched to exactly its two cells.
			const fit = cell.width > 1 ? ` textLength="${(cell.width * cw).toFixed(1)}" lengthAdjust="spacingAndGlyphs"` : '';
			out.push(`<text x="${(cell.x * cw).toFixed(1)}" y="${y * lh + 13}" fill="${fg}"${attrs}${fit}>${escape(cell.chars)}</text>`);
		}
		flush();
		flushFill();
	});
	const width = Math.ceil(columns * cw);
	const height = rows * lh;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">\n<rect width="100%" height="100%" fill="${BG}"/>\n${[...backgrounds, ...out].join('\n')}\n</svg>\n`;
}

// Last: the loop awaits at the top level, and everything above must be defined by then.
for (const shot of wanted) console.log(await take(shot));

// Screenshots for the README: runs the built CLI in tmux, presses keys, captures the pane with its
// colours and writes it as an SVG (text, so it stays sharp and diffable).
//   node scripts/screenshot.mjs NAME "ARGS" [KEYS...]   e.g. node scripts/screenshot.mjs failed "--demo" 4
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';

const [name = 'steps', args = '--demo', ...keys] = process.argv.slice(2);
const columns = 120;
const rows = 36;
const socket = `cpw-shot-${process.pid}`;
// A fresh config directory: a filter remembered from one shot must not leak into the next.
const env = {...process.env, TERM: 'xterm-256color', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cp-watch-shot-'))};
delete env.CI;
delete env.TMUX;
const tmux = (...a) => execFileSync('tmux', ['-L', socket, ...a], {env, encoding: 'utf8'});

tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), `node dist/cli.js ${args}`);
try {
	await sleep(4000);
	for (const key of keys) {
		tmux('send-keys', '-t', '0', key);
		await sleep(600);
	}
	await sleep(1500);
	const capture = tmux('capture-pane', '-e', '-p', '-t', '0');
	mkdirSync('screenshots', {recursive: true});
	writeFileSync(`screenshots/${name}.svg`, toSvg(capture));
	console.log(`screenshots/${name}.svg`);
} finally {
	tmux('kill-server');
}

function toSvg(text) {
	const palette = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#dcdfe4'];
	const bright = ['#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#7cc4ff', '#de97f2', '#6fd3de', '#ffffff'];
	const cube = n => {
		if (n < 8) return palette[n];
		if (n < 16) return bright[n - 8];
		if (n >= 232) {
			const v = (8 + (n - 232) * 10).toString(16).padStart(2, '0');
			return `#${v}${v}${v}`;
		}
		const i = n - 16;
		const c = x => (x === 0 ? 0 : 55 + x * 40).toString(16).padStart(2, '0');
		return `#${c(Math.floor(i / 36))}${c(Math.floor(i / 6) % 6)}${c(i % 6)}`;
	};
	const fgDefault = '#dcdfe4';
	const bgDefault = '#1e1e1e';
	const cw = 8.4;
	const lh = 18;
	const out = [];
	const lines = text.replace(/\n$/, '').split('\n').slice(0, rows);
	lines.forEach((line, y) => {
		let fg = fgDefault;
		let bg;
		let bold = false;
		let inverse = false;
		let x = 0;
		const parts = line.split(/(\u001B\[[0-9;]*m)/);
		for (const part of parts) {
			const sgr = /^\u001B\[([0-9;]*)m$/.exec(part);
			if (sgr) {
				const codes = sgr[1] === '' ? [0] : sgr[1].split(';').map(Number);
				for (let i = 0; i < codes.length; i++) {
					const c = codes[i];
					if (c === 0) [fg, bg, bold, inverse] = [fgDefault, undefined, false, false];
					else if (c === 1) bold = true;
					else if (c === 22) bold = false;
					else if (c === 7) inverse = true;
					else if (c === 27) inverse = false;
					else if (c >= 30 && c <= 37) fg = palette[c - 30];
					else if (c >= 90 && c <= 97) fg = bright[c - 90];
					else if (c === 39) fg = fgDefault;
					else if (c >= 40 && c <= 47) bg = palette[c - 40];
					else if (c === 49) bg = undefined;
					else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
						if (c === 38) fg = cube(codes[i + 2]);
						else bg = cube(codes[i + 2]);
						i += 2;
					}
				}
				continue;
			}
			if (part === '') continue;
			const chars = [...part];
			const [f, b] = inverse ? [bg ?? bgDefault, fg] : [fg, bg];
			if (b) out.push(`<rect x="${(x * cw).toFixed(1)}" y="${y * lh}" width="${(chars.length * cw).toFixed(1)}" height="${lh}" fill="${b}"/>`);
			const escaped = part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
			out.push(`<text x="${(x * cw).toFixed(1)}" y="${y * lh + 13}" fill="${f}"${bold ? ' font-weight="bold"' : ''} xml:space="preserve">${escaped}</text>`);
			x += chars.length;
		}
	});
	const width = Math.ceil(columns * cw);
	const height = rows * lh;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">\n<rect width="100%" height="100%" fill="${bgDefault}"/>\n${out.join('\n')}\n</svg>\n`;
}

// Strings a terminal must not obey: escape sequences (OSC 52 clipboard writes, screen clears,
// title changes, hyperlinks), C0 and C1 controls, bidi overrides, wide and combining characters,
// invisible characters (zero-width, soft hyphen, tag characters), a lone surrogate, an unknown
// status, and FlowName/ExecutionMessage at their maximum lengths.

export const HOSTILE_DOMAIN = 'hostile';
export const HOSTILE_WORKFLOW_ID = '0badc0de0badc0de0badc0de0badc0de';

const ESC = '\u001b';
const BEL = '\u0007';

/** FlowName at its maximum, 256 characters. */
export const HOSTILE_LONGEST_FLOW_NAME = `max-${'x'.repeat(248)}-end`;
/** FlowName at its maximum in double-width characters (the longest NextToken payload). */
export const HOSTILE_WIDEST_FLOW_NAME = '漢'.repeat(256);
/** ExecutionMessage at its maximum, 255 characters, all double-width. */
export const HOSTILE_LONGEST_MESSAGE = '顧'.repeat(255);

const names: Array<[string, string]> = [
	[`osc52${ESC}]52;c;ZWNobyBwd25lZCA+IH4vLmJhc2hyYw==${BEL}-clipboard`, `Copied! ${ESC}]52;c;cm0gLXJmIH4=${BEL}(your clipboard was just written)`],
	[`clear${ESC}[2J${ESC}[H-screen`, `${ESC}[2J${ESC}[3J${ESC}[HThe screen was cleared by this message`],
	[`title${ESC}]0;pwned${BEL}-window`, `${ESC}]0;cp-watch: all good${BEL}Window title changed; ${ESC}]2;another${ESC}\\ too`],
	[`link${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL}`, `Open ${ESC}]8;;https://evil.example/steal${BEL}the docs${ESC}]8;;${BEL} for details`],
	[`color${ESC}[31;1;5m-red-blink${ESC}[0m`, `${ESC}[8mhidden text${ESC}[28m ${ESC}[38;5;196mred${ESC}[?25l cursor hidden ${ESC}[?1049h alt screen`],
	[`c0-\u0000\u0001\u0008\u000b\u000c\u007f-controls`, `NUL\u0000 BS\u0008\u0008\u0008 CR\rover-written LF\nnext line TAB\there VT\u000b FF\u000c DEL\u007f`],
	[`c1-\u0085\u008d\u009b31m-controls`, `C1 CSI \u009b2J clear, C1 OSC \u009d0;title\u009c, NEL\u0085 next line, RI\u008d reverse`],
	['bidi-\u202egnp.exe-override', `Invoice \u202Efdp.exe\u202C and \u2067isolated\u2069 and \u200F right-to-left mark \u061C`],
	['wide-東京顧客データ取り込み', '東京の顧客データを取り込み中: 12,000 件のレコード 🚀🔥 👩‍👩‍👧‍👦 🇯🇵 家族'],
	['combining-Z\u0337\u0322a\u0335l\u0338g\u0336o\u0335-e\u0301', 'Z\u0337\u0322\u0327\u0334a\u0335\u0323\u0324l\u0338\u0325g\u0336\u0326o\u0335\u0327 e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308 zero\u200Bwidth\u2060joiner\uFEFFbom'],
	['surrogate-lone', `A lone surrogate \ud83d here and a reversed pair \ude00\ud83d there`],
	[HOSTILE_LONGEST_FLOW_NAME, HOSTILE_LONGEST_MESSAGE],
	['ascii-longest-message', `${'M'.repeat(250)}-end.`],
	['unknown-status', 'This step reports a status the client has never heard of'],
	// Two names that look the same unless the invisible characters in one are shown.
	['lookalike-name', 'The plain twin of the next step'],
	['look\u00ADalike\u200B-name\u2060\uFEFF', `Tag characters: ${tagged('hidden note')}; the name has a soft hyphen, zero-width space, word joiner and BOM`],
	[HOSTILE_WIDEST_FLOW_NAME, 'A FlowName of 256 double-width characters: its paging token must still fit in 1,024 characters'],
];

/** Tag characters (U+E0020-E007E) mirror ASCII and draw as nothing: text hidden in plain sight. */
function tagged(text: string): string {
	return [...text].map(char => String.fromCodePoint(0xe0000 + char.codePointAt(0)!)).join('');
}

export function hostileScenario(): object {
	const steps = names.map(([FlowName, message], index) => {
		const at = -120 + index;
		const unknown = FlowName === 'unknown-status';
		const final = unknown ? 'PAUSED_BY_SERVICE' : index % 3 === 0 ? 'FAILED' : 'COMPLETE';
		// Most are settled when the emulator starts; the later ones keep the screen changing.
		const settles = unknown ? at + 30 : at + 40 + index * 12;
		return {
			FlowName,
			BatchRecordsStartTime: index % 2 === 0 ? `${ESC}[31m2026-01-01T00:00:00Z${ESC}[0m` : '2026-01-01T00:00:00Z',
			BatchRecordsEndTime: index % 4 === 1 ? 'not a date \u202e10-30-2026' : '2026-03-01T00:00:00Z',
			at,
			timeline: [
				{at, Status: 'NOT_STARTED', ExecutionMessage: message, RecordsProcessed: 0},
				{at: at + 20, Status: 'IN_PROGRESS', ExecutionMessage: message, RecordsProcessed: 10 * index},
				{at: settles, Status: final, ExecutionMessage: message, RecordsProcessed: 1000 * index},
			],
		};
	});
	return {
		description: 'Hostile strings in every free-text field a client shows',
		clock: {start: null, speed: 1},
		domains: [
			{
				DomainName: HOSTILE_DOMAIN,
				Tags: {[`tag${ESC}]52;c;eA==${BEL}`]: `value${ESC}[2J`},
				workflows: [
					{
						WorkflowId: HOSTILE_WORKFLOW_ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: `sf${ESC}]8;;https://evil.example/${BEL}prod${ESC}]8;;${BEL}\u202e`,
						at: -120,
						steps,
					},
				],
			},
		],
	};
}

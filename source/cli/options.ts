// Turns argv and the environment into validated options, or one usage error line. No I/O beyond
// what meow does for --help and --version.
import meow from 'meow';
import {parseDuration} from '../core/duration.js';
import {STATUSES, isKnownStatus} from '../core/status.js';
import {validateDomainName, validateWorkflowId} from '../core/validate.js';
import {HELP} from './help.js';
import {colorRefused} from './line-colour.js';

export type OutputMode = 'tui' | 'lines' | 'ndjson' | 'snapshot-json' | 'snapshot-table';

export interface CliOptions {
	mode: OutputMode;
	domain?: string;
	workflowId?: string;
	/** Built-in scenario name or a file; set when --demo was given ('' means the default demo). */
	demo?: string;
	profile?: string;
	region?: string;
	endpointUrl?: string;
	intervalMs: number;
	maxRps: number;
	statusFilter: string[];
	/** --plain was given (line mode is also what a pipe gets without it). */
	plain: boolean;
	exitStatus: boolean;
	timeoutMs?: number;
	notify: boolean;
	follow: boolean;
	color: boolean;
	ascii: boolean;
	/** --debug FILE or CP_WATCH_DEBUG: the request trace for bug reports. */
	debugFile?: string;
	/** --record: the journal file every observation is appended to. */
	record?: string;
	/** Keep and read the last look at each workflow in the state directory (--no-state: off). */
	state: boolean;
	/** Line mode and NDJSON: first, what changed since the last look. */
	sinceLast: boolean;
}

export type ParsedCli = {ok: true; options: CliOptions} | {ok: false; error: string};

const FLAGS = {
	domain: {type: 'string'},
	workflow: {type: 'string'},
	demo: {type: 'string'},
	profile: {type: 'string'},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	interval: {type: 'string'},
	maxRps: {type: 'string'},
	status: {type: 'string'},
	once: {type: 'boolean', default: false},
	json: {type: 'boolean', default: false},
	plain: {type: 'boolean', default: false},
	exitStatus: {type: 'boolean', default: false},
	timeout: {type: 'string'},
	notify: {type: 'boolean', default: false},
	follow: {type: 'boolean', default: false},
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	debug: {type: 'string'},
	record: {type: 'string'},
	state: {type: 'boolean', default: true},
	sinceLast: {type: 'boolean', default: false},
} as const;

// Node's timers hold at most 2^31-1 ms (24.8 days); a longer one fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_INTERVAL_SECONDS = 86_400;

const KNOWN = new Set<string>([...Object.keys(FLAGS), 'help', 'version']);

function kebab(name: string): string {
	return name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
}

export function parseCli(
	argv: readonly string[],
	env: NodeJS.ProcessEnv,
	stdoutIsTTY: boolean,
	version: string,
): ParsedCli {
	let cli;
	try {
		cli = meow(HELP, {
			importMeta: import.meta,
			// -h is what people type first; meow knows only --help.
			argv: argv.map(arg => (arg === '-h' ? '--help' : arg)),
			pkg: {name: 'cp-watch', version},
			allowUnknownFlags: true,
			flags: FLAGS,
		});
	} catch (error) {
		// meow throws for a flag given twice; say it our way, as a usage error.
		const twice = /--([\w-]+) can only be set once/.exec((error as Error).message);
		return fail(twice ? `--${kebab(twice[1])} can be given only once` : (error as Error).message);
	}
	const flags = cli.flags as Record<string, unknown>;

	const unknown = Object.keys(flags).find(name => !KNOWN.has(name));
	if (unknown) return fail(`unknown flag ${typedFlag(argv, unknown)} (see cp-watch --help)`);
	if (cli.input.length > 0) return fail(`unexpected argument '${cli.input[0]}' (see cp-watch --help)`);

	const str = (name: keyof typeof FLAGS): string | undefined => {
		const value = flags[name];
		return typeof value === 'string' ? value : undefined;
	};

	const domain = str('domain');
	if (domain !== undefined) {
		const problem = validateDomainName(domain);
		if (problem) return fail(`--domain: ${problem}`);
	}
	const workflowId = str('workflow');
	if (workflowId !== undefined) {
		const problem = validateWorkflowId(workflowId);
		if (problem) return fail(`--workflow: ${problem}`);
	}

	let intervalMs = 5000;
	const interval = str('interval');
	if (interval !== undefined) {
		const seconds = Number(interval);
		if (interval.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > MAX_INTERVAL_SECONDS) {
			return fail(`--interval must be a number of seconds from 1 to ${MAX_INTERVAL_SECONDS} (got '${interval}')`);
		}
		intervalMs = Math.round(seconds * 1000);
	}

	let maxRps = 2;
	const rps = str('maxRps');
	if (rps !== undefined) {
		maxRps = Number(rps);
		if (rps.trim() === '' || !Number.isFinite(maxRps) || maxRps <= 0 || maxRps > 100) {
			return fail(`--max-rps must be a number above 0 and at most 100 (got '${rps}')`);
		}
	}

	let statusFilter: string[] = [];
	const status = str('status');
	if (status !== undefined) {
		const parsed = parseStatusList(status);
		if (typeof parsed === 'string') return fail(parsed);
		statusFilter = parsed;
	}

	let timeoutMs: number | undefined;
	const timeout = str('timeout');
	if (timeout !== undefined) {
		timeoutMs = parseDuration(timeout);
		if (timeoutMs === undefined) return fail(`--timeout must be a duration such as 90s, 30m or 2h (got '${timeout}')`);
		if (timeoutMs > MAX_TIMER_MS) return fail(`--timeout must be at most 24d (got '${timeout}')`);
	}

	const once = flags.once === true;
	const json = flags.json === true;
	const plain = flags.plain === true;
	if (json && plain) return fail('--json and --plain cannot be used together');
	const mode: OutputMode = once
		? json
			? 'snapshot-json'
			: 'snapshot-table'
		: json
			? 'ndjson'
			: plain || !stdoutIsTTY
				? 'lines'
				: 'tui';

	const record = str('record');
	if (record !== undefined && record.trim() === '') return fail('--record needs a file name');
	if (record !== undefined && once) return fail('--record records a watch; --once takes one snapshot and does not watch');

	const demo = str('demo');
	// A --demo scenario names its domain (the target resolves it), so the ids its hint lists work as
	// they are: `--demo domain --workflow ID`.
	if (workflowId !== undefined && domain === undefined && demo === undefined) return fail('--workflow needs --domain');
	// With --domain alone the mode's runner says "needs --workflow too" and lists the domain's
	// workflows, which takes a request; without a domain there is nothing to ask.
	const needsWorkflow = once;
	if (mode !== 'tui' && demo === undefined && domain === undefined) {
		const why = once ? '--once' : json ? '--json' : plain ? '--plain' : 'output that is not a terminal';
		return fail(needsWorkflow ? `${why} needs --domain and --workflow (or --demo)` : `${why} needs --domain (and --workflow for one workflow), or --demo`);
	}

	const region = str('region') ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
	// The demo talks to its own emulator in its own Region: the environment's AWS settings are not its.
	if (demo === undefined && region !== undefined && !isRegionName(region)) {
		const from = str('region') !== undefined ? '--region' : nonEmpty(env.AWS_REGION) !== undefined ? 'AWS_REGION' : 'AWS_DEFAULT_REGION';
		return fail(`${from}: '${region}' is not an AWS Region name (such as eu-west-2)`);
	}
	const state = flags.state !== false;
	const sinceLast = flags.sinceLast === true;
	if (sinceLast && !state) return fail('--since-last and --no-state cannot be used together');
	if (sinceLast && mode === 'snapshot-json') return fail('--since-last prints a line, which --once --json has no room for; use --once or --json');
	if (sinceLast && demo !== undefined) return fail('--since-last needs a workflow watched before; the --demo emulator starts over on every run');
	if (sinceLast && mode === 'tui') return fail('--since-last is for line mode, NDJSON and --once; the TUI shows "since you last looked" by itself');
	if (sinceLast && workflowId === undefined && !once) return fail('--since-last needs --workflow: a whole domain has no single last look to compare with');
	return {
		ok: true,
		options: {
			mode,
			domain,
			workflowId,
			demo,
			profile: str('profile') ?? nonEmpty(env.AWS_PROFILE),
			region,
			// Only the flag: AWS_ENDPOINT_URL*, the profile's endpoint_url and services, and
			// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS are the SDK's to apply, as the AWS CLI does.
			endpointUrl: str('endpointUrl'),
			intervalMs,
			maxRps,
			statusFilter,
			plain,
			exitStatus: flags.exitStatus === true,
			timeoutMs,
			notify: flags.notify === true,
			follow: flags.follow === true,
			color: flags.color !== false && !colorRefused(env),
			ascii: flags.ascii === true,
			debugFile: str('debug') ?? nonEmpty(env.CP_WATCH_DEBUG),
			record,
			state,
			sinceLast,
		},
	};
}

// A Region goes into a host name: botocore's rule (one DNS label) refuses `not_a_region` and still
// lets new and partition-specific Regions through.
const REGION_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

export function isRegionName(text: string): boolean {
	return REGION_NAME.test(text);
}


/** --status FAILED,RETRY as statuses, or the usage error. */
export function parseStatusList(text: string): string[] | string {
	const statuses = text
		.split(',')
		.map(s => s.trim().toUpperCase())
		.filter(Boolean);
	// `--status` with nothing after it (or `--status ,`): say what it wants, not "unknown status ''".
	if (statuses.length === 0) return `--status needs a list of statuses such as FAILED,RETRY (valid: ${STATUSES.join(', ')})`;
	const bad = statuses.find(s => !isKnownStatus(s));
	if (bad !== undefined) return `--status: unknown status '${bad}' (valid: ${STATUSES.join(', ')})`;
	return statuses;
}

/** The flag as the user typed it: `-z` stays `-z`, `--max-rpz=3` is `--max-rpz` (meow reports
 * both by a camel-cased name). */
function typedFlag(argv: readonly string[], name: string): string {
	for (const arg of argv) {
		if (arg === '--') break;
		const long = /^--(?:no-)?([^=]+)/.exec(arg);
		if (long) {
			if (camel(long[1]) === name) return arg.split('=')[0];
			continue;
		}
		const short = /^-([^-=][^=]*)/.exec(arg);
		if (short && short[1].includes(name)) return `-${name}`;
	}
	return name.length === 1 ? `-${name}` : `--${kebab(name)}`;
}

function camel(name: string): string {
	return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

function fail(error: string): ParsedCli {
	return {ok: false, error};
}

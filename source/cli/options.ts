// Turns argv and the environment into validated options, the --help or --version text, or one
// usage error line. No I/O. Flags are read with node:util's parseArgs (meow cost about 50 ms of
// start-up to evaluate, which --version and a usage error paid before printing one line).
import {parseArgs} from 'node:util';
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

// The flags by the name typed (`max-rps`), each with its key in FLAGS (`maxRps`); `--no-color` and
// `--no-state` turn a default-on flag off.
const BY_TYPED = new Map<string, keyof typeof FLAGS>(Object.keys(FLAGS).map(name => [kebab(name), name as keyof typeof FLAGS]));
const NEGATED = new Map<string, keyof typeof FLAGS>([
	['no-color', 'color'],
	['no-state', 'state'],
]);

function kebab(name: string): string {
	return name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
}

/** What `--help`, `-h` or `--version` given alone prints (then exit 0); undefined otherwise. Beside
 * other flags they are ignored, as they always were. */
export function helpOrVersion(argv: readonly string[], version: string): string | undefined {
	if (argv.length !== 1) return undefined;
	if (argv[0] === '--help' || argv[0] === '-h') return helpText();
	if (argv[0] === '--version') return `${version}\n`;
	return undefined;
}

export function parseCli(
	argv: readonly string[],
	env: NodeJS.ProcessEnv,
	stdoutIsTTY: boolean,
	_version: string,
): ParsedCli {
	const read = readFlags(argv);
	if (typeof read === 'string') return fail(read);
	const {flags, positionals} = read;
	if (positionals.length > 0) return fail(`unexpected argument '${positionals[0]}' (see cp-watch --help)`);

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

/** The help text as printed: a blank line, the text indented by two, a blank line. */
function helpText(): string {
	const lines = HELP.replace(/^\n+|\s+$/g, '').split('\n');
	const indent = Math.min(...lines.filter(line => line.trim() !== '').map(line => /^ */.exec(line)![0].length));
	return `\n${lines.map(line => (line.trim() === '' ? '' : `  ${line.slice(indent)}`)).join('\n')}\n\n`;
}

type FlagValues = Partial<Record<keyof typeof FLAGS, string | boolean>>;

/** Every flag's value by its FLAGS key (defaults filled in) and the positionals, or the usage
 * error: an unknown flag as typed, a value flag given twice, a switch given a value. */
function readFlags(argv: readonly string[]): {flags: FlagValues; positionals: string[]} | string {
	// A value flag followed by nothing or by another flag has the empty value, as meow gave it
	// (`--demo --once` is the default demo, `--domain` alone an empty domain); parseArgs would take
	// the next flag as the value. A negative number (`--max-rps -1`) is still a value.
	const args: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			args.push(...argv.slice(i));
			break;
		}
		const long = /^--([^=]+)$/.exec(arg);
		const next = argv[i + 1];
		if (long && FLAGS[BY_TYPED.get(long[1]) as keyof typeof FLAGS]?.type === 'string' && (next === undefined || (next.startsWith('-') && !/^-\d/.test(next)))) {
			args.push(`${arg}=`);
		} else {
			args.push(arg);
		}
	}
	const options: Record<string, {type: 'string' | 'boolean'}> = {};
	for (const [typed, name] of BY_TYPED) options[typed] = {type: FLAGS[name].type};
	for (const typed of NEGATED.keys()) options[typed] = {type: 'boolean'};
	const {tokens} = parseArgs({args, options, strict: false, allowPositionals: true, tokens: true});

	const flags: FlagValues = {};
	for (const [name, flag] of Object.entries(FLAGS)) if ('default' in flag) flags[name as keyof typeof FLAGS] = flag.default;
	const given = new Set<string>();
	const positionals: string[] = [];
	for (const token of tokens) {
		if (token.kind === 'positional') {
			positionals.push(token.value);
			continue;
		}
		if (token.kind !== 'option') continue;
		const negated = NEGATED.get(token.name);
		const name = negated ?? BY_TYPED.get(token.name);
		if (token.name === 'help' || token.name === 'version') continue;
		if (name === undefined) return `unknown flag ${token.rawName} (see cp-watch --help)`;
		if (FLAGS[name].type === 'string') {
			if (given.has(name)) return `--${token.name} can be given only once`;
			given.add(name);
			flags[name] = token.value ?? '';
		} else {
			if (token.value !== undefined) return `${token.rawName} takes no value (got '${token.value}')`;
			flags[name] = negated === undefined;
		}
	}
	return {flags, positionals};
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

function fail(error: string): ParsedCli {
	return {ok: false, error};
}

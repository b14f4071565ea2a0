// `--domain x --once` (or --plain, --json, a pipe) without --workflow: say which flag is missing,
// and, when the domain can be read, which workflow ids it has, so the next command is a copy away.
// The listing is one bounded request; when it fails (no credentials, unreachable) the usage line
// stands alone.
import {classifyError} from '../aws/classify-error.js';
import {EXIT} from '../core/exit-code.js';
import {sanitize} from '../core/sanitize.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';

const LISTED = 20;
const LIST_TIMEOUT_MS = 5000;

/** What needs --workflow: the flag the user gave, or the pipe. */
export function modeFlag(options: Pick<CliOptions, 'mode' | 'plain'>): string {
	switch (options.mode) {
		case 'snapshot-json':
		case 'snapshot-table':
			return '--once';
		case 'ndjson':
			return '--json';
		default:
			return options.plain ? '--plain' : 'output that is not a terminal';
	}
}

export async function reportMissingWorkflow(options: CliOptions, target: Target, stderr: NodeJS.WritableStream): Promise<number> {
	const flag = modeFlag(options);
	if (target.domain === undefined) {
		stderr.write(`cp-watch: ${flag} needs --domain and --workflow\n`);
		return EXIT.usage;
	}
	stderr.write(`cp-watch: ${flag} needs --workflow too\n`);
	const domain = target.domain;
	try {
		const page = await target.api.listWorkflowsPage(domain, undefined, AbortSignal.timeout(LIST_TIMEOUT_MS));
		if (page.items.length === 0) {
			stderr.write(`cp-watch: domain ${domain} has no workflows\n`);
			return EXIT.usage;
		}
		const shown = page.items.slice(0, LISTED);
		const more = page.items.length > LISTED || page.nextToken !== undefined ? '\n  ...and more: cp-watch --domain ' + domain + ' lists them all' : '';
		const lines = shown.map(item => `  --workflow ${sanitize(item.WorkflowId)}  ${sanitize(item.Status)}  ${sanitize(item.StatusDescription)}`.trimEnd());
		stderr.write(`cp-watch: the workflows of ${domain}:\n${lines.join('\n')}${more}\n`);
	} catch (error) {
		stderr.write(`cp-watch: (could not list the workflows of ${domain}: ${classifyError(error).message})\n`);
	}
	return EXIT.usage;
}

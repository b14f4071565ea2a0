// The --help text: every flag, the modes, the exit codes, with examples.
export const HELP = `
  Watch Amazon Connect Customer Profiles integration workflows live.

  Usage
    $ cp-watch [--domain D] [--workflow W] [options]
    $ cp-watch --demo [SCENARIO]            try it on the embedded emulator (no AWS account needed)
    $ cp-watch emulator [--port N] [--scenario FILE|NAME] [--speed X] [--log FILE] [--tls --ca-file FILE]
    $ cp-watch replay FILE [--plain | --json] [--status LIST] [--workflow W]

  Target
    --domain D             Customer Profiles domain (else: pick one on the domains screen); with --plain
                           or --json and no --workflow, every running workflow of the domain
    --workflow W           workflow id, 32 lowercase hex characters (else: pick one)
    --demo [SCENARIO]      start the embedded emulator and watch it: demo (default), large, hostile, lifecycle, domain, or a file

  AWS
    --profile NAME         shared config/credentials profile (env AWS_PROFILE)
    --region REGION        AWS Region (env AWS_REGION, AWS_DEFAULT_REGION)
    --endpoint-url URL     another endpoint; wins over AWS_ENDPOINT_URL_CUSTOMER_PROFILES, AWS_ENDPOINT_URL
                           and the profile's endpoint_url / services (which the SDK applies, as the AWS CLI does)
    HTTPS_PROXY, HTTP_PROXY, NO_PROXY, AWS_CA_BUNDLE (or the profile's ca_bundle) work as in the AWS CLI

  Polling
    --interval SECONDS     seconds between polls, at least 1 (default 5)
    --max-rps N            requests per second for all calls together (default 2; the account's quota is 5)
    --follow               keep polling after the workflow has finished

  Output
    --status LIST          show only these statuses, e.g. FAILED,RETRY
    --once                 take one snapshot, print it and exit
    --json                 JSON: one document with --once, else one JSON object per event (NDJSON)
    --plain                line mode: one line per event, no cursor movement (default when stdout is not a terminal)
    --exit-status          exit as soon as the workflow is final, with its status as the exit code
                           (a whole domain: once every workflow running at the start is final, worst code)
    --timeout DURATION     give up after this long, e.g. 90s, 30m, 2h (exit 6)
    --notify               bell and desktop notification when a step fails or the workflow ends
    --no-color             no colours (also NO_COLOR, CLICOLOR=0, TERM=dumb); FORCE_COLOR forces them in line and --once output
    --ascii                ASCII only: no Unicode glyphs or spinners
    --debug FILE           append a JSON line per request (and what the run resolved to) to FILE, with
                           no secret in it: attach it to bug reports (also CP_WATCH_DEBUG=FILE)
    --record FILE          append every observation to FILE, a journal for cp-watch replay
    --since-last           line mode, NDJSON and --once: first say what changed since the last look
    --no-state             neither read nor keep the last look at each workflow (in $XDG_STATE_HOME/cp-watch)

    --help                 show this help
    --version              show the version

  Exit codes
    0  normal quit, or workflow COMPLETE with --exit-status
    1  workflow FAILED (with --exit-status)
    2  usage error (also a malformed --region, AWS_REGION, proxy URL or CA bundle file)
    3  workflow CANCELLED
    4  credentials missing or expired, no AWS Region, or access denied
    5  domain or workflow not found
    6  --timeout reached
    7  gave up: the API, the network, TLS or the proxy kept failing
    129, 130, 143  stopped by SIGHUP, SIGINT or SIGTERM

  Examples
    $ cp-watch --demo
    $ cp-watch --profile prod --region eu-west-2 --domain retail-prod
    $ cp-watch --domain retail-prod --workflow 3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60 --status FAILED,RETRY
    $ cp-watch --domain retail-prod --workflow 3f1c… --once --json | jq '.steps | length'
    $ cp-watch --domain retail-prod --workflow 3f1c… --plain --exit-status --timeout 2h
    $ cp-watch --domain retail-prod --workflow 3f1c… --record ingest.ndjson; cp-watch replay ingest.ndjson
    $ cp-watch --domain retail-prod --plain --exit-status     every running workflow, worst verdict
`;

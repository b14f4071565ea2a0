// From Node 22.8, V8's compiled code for the chunks can be kept between runs (Node's own compile
// cache, in the system's temporary folder by default), so a later start skips compiling about
// 1.4 MB of JavaScript: 60-80 ms less to the first frame with rows, measured on Node 22 in the
// terminal bench. Node 20 has no such API, and nothing changes there. Failing to enable it (a
// read-only temporary folder) is silent and costs nothing.
import module from 'node:module';

export function keepCompiledCode(): void {
	(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();
}

// Samples of the workflow's counters each time a poll brings them, for records/s and the ETA.
import {useMemo, useRef} from 'react';
import {addSample, throughput, type ProgressSample, type Throughput} from '../../core/progress.js';
import type {Workflow} from '../../core/step.js';

export function useThroughput(workflow: Workflow | undefined, sampledAt: number | undefined): Throughput {
	const samples = useRef<ProgressSample[]>([]);
	return useMemo(() => {
		if (workflow && sampledAt !== undefined) {
			samples.current = addSample(samples.current, {
				time: sampledAt,
				stepsCompleted: workflow.StepsCompleted ?? 0,
				recordsProcessed: workflow.RecordsProcessed ?? 0,
				totalSteps: workflow.TotalSteps,
			});
		}
		return throughput(samples.current, workflow?.TotalSteps);
	}, [workflow, sampledAt]);
}

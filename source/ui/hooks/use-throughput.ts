// Samples of the workflow's counters each time a poll brings them, for records/s and the ETA. The
// samples live in a history the App keeps, so reopening a workflow keeps its rate.
import {useMemo} from 'react';
import {throughput, type ProgressHistory, type Throughput} from '../../core/progress.js';
import type {Workflow} from '../../core/step.js';

export function useThroughput(history: ProgressHistory, workflowKey: string, workflow: Workflow | undefined, sampledAt: number | undefined): Throughput {
	return useMemo(() => {
		const samples =
			workflow && sampledAt !== undefined
				? history.add(workflowKey, {
						time: sampledAt,
						stepsCompleted: workflow.StepsCompleted ?? 0,
						recordsProcessed: workflow.RecordsProcessed ?? 0,
						totalSteps: workflow.TotalSteps,
					})
				: history.get(workflowKey);
		return throughput(samples, workflow?.TotalSteps);
	}, [history, workflowKey, workflow, sampledAt]);
}

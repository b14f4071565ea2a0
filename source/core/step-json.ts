// A step in the JSON documents cp-watch writes (--once --json, NDJSON, exports): the wire's field
// names, so a jq path written against the AWS CLI works; timestamps as ISO strings.
import type {Step} from './step.js';

export function stepToJson(step: Step): Record<string, string | number> {
	return {
		FlowName: step.FlowName,
		Status: step.Status,
		ExecutionMessage: step.ExecutionMessage,
		RecordsProcessed: step.RecordsProcessed,
		BatchRecordsStartTime: step.BatchRecordsStartTime,
		BatchRecordsEndTime: step.BatchRecordsEndTime,
		CreatedAt: new Date(step.CreatedAt).toISOString(),
		LastUpdatedAt: new Date(step.LastUpdatedAt).toISOString(),
	};
}

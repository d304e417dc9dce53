import type { LogRecord, N8nTarget } from './n8nProcess';

export interface QueueServices {
	redisPort: number;
	postgresPort: number;
}
export interface RunningWorker {
	pid: number;
	healthPort: number;
	stop(): Promise<void>;
	output(): string;
	records(): LogRecord[];
}
/** scripts/queue-services.sh start: installs Redis and PostgreSQL when missing, starts them with their data in `dir`. */
export function startQueueServices(dir: string): QueueServices;
export function stopQueueServices(dir: string): void;
/** `n8n worker --concurrency=N`, ready once its /healthz answers. */
export function startN8nWorker(
	target: N8nTarget,
	userFolder: string,
	options?: { env?: Record<string, string>; concurrency?: number; timeoutMs?: number; inheritOutput?: boolean },
): Promise<RunningWorker>;

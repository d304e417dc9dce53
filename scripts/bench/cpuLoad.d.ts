export declare function startCpuLoad(count: number): { stop(): void };

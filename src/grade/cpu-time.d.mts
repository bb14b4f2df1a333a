/** Types of cpu-time.mjs (plain JavaScript: the watchdog worker runs it without the kit's loader). */
export declare function treeCpuMs(pid: number, tickMs: number): number;
export declare function isStopped(pid: number): boolean;
export declare function treeUsage(pid: number, tickMs: number): { cpuMs: number; stopped: boolean };

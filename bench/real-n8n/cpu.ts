// The CPU time of a process (all its threads, isolated-vm's included), sampled from /proc/<pid>/stat
// while it runs (Linux). The load of other processes stretches the wall time before the first
// request more than the CPU time spent in it (at a load of 8 to 11 on 2 cores, wall 1.2 to 2 x CPU).
import * as fs from 'node:fs';

/** utime and stime are in USER_HZ ticks, which Linux keeps at 100 per second for user space. */
const TICK_MS = 10;

export interface CpuSamples {
	stop(): void;
	/** The process's CPU ms at epoch ms `t`, between the two samples around it; NaN outside them. */
	at(t: number): number;
}

export function sampleCpu(pid: number, everyMs = 10): CpuSamples {
	const samples: Array<[at: number, cpuMs: number]> = [];
	const read = () => {
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			// The fields after "(comm) ": state is the 3rd field, utime the 14th, stime the 15th.
			const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
			samples.push([Date.now(), (Number(fields[11]) + Number(fields[12])) * TICK_MS]);
		} catch {
			/* the process has exited */
		}
	};
	read();
	const timer = setInterval(read, everyMs).unref();
	return {
		stop: () => clearInterval(timer),
		at(t) {
			const i = samples.findIndex(([at]) => at >= t);
			if (i <= 0) return NaN;
			const [[t0, c0], [t1, c1]] = [samples[i - 1], samples[i]];
			return t1 === t0 ? c1 : c0 + ((c1 - c0) * (t - t0)) / (t1 - t0);
		},
	};
}

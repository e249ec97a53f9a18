/** The facts a reader needs to judge a figure: which CPU, how many cores, which Node, when. */
import { cpus, totalmem } from 'node:os';

const BYTES_PER_GIB = 1024 ** 3;

export interface MachineFacts {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly nodeVersion: string;
  readonly platform: string;
  readonly date: string;
}

export function machineFacts(): MachineFacts {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / BYTES_PER_GIB) * 10) / 10,
    nodeVersion: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

export function formatMachineFacts(facts: MachineFacts): string[] {
  return [
    `CPU:      ${facts.cpuModel} (${facts.cores} cores visible to Node)`,
    `Memory:   ${facts.memoryGiB} GiB`,
    `Node:     ${facts.nodeVersion} on ${facts.platform}`,
    `Date:     ${facts.date}`,
  ];
}

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { ExampleRun } from './demo-n8n';

/** "1 contact" / "3 contacts". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "proactive_off: 1, blocked: 2" (in order of first appearance); "" for no values. */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v}: ${n}`).join(', ');
}

/** The same, as numbers by value. */
export function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Whether an output item is an error item continueOnFail produced (with or without a refusal reason). */
export function isErrorItem(json: IDataObject): boolean {
  return typeof json.error === 'string' || (typeof json.error === 'object' && json.error !== null);
}

/** The index of the input item an output item came from (its pairedItem). */
export function pairedIndex(item: INodeExecutionData): number | null {
  const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
  if (paired === undefined || paired === null) return null;
  return typeof paired === 'number' ? paired : paired.item;
}

/** The JSON of the item of `sourceNode` that an output item of the next node was paired with. */
export function pairedSource(run: ExampleRun, sourceNode: string, item: INodeExecutionData): IDataObject | null {
  const index = pairedIndex(item);
  if (index === null) return null;
  return run.nodes[sourceNode]?.[index]?.json ?? null;
}

/** A contact's name for people: its displayName, else its id. */
export function nameOf(contact: IDataObject | null | undefined): string {
  if (!contact) return '(unknown contact)';
  return String(contact.displayName ?? contact.id ?? '(unknown contact)');
}

/** Throws when a run did not succeed, naming the workflow and the error. */
export function assertSucceeded(workflow: string, run: ExampleRun): void {
  if (run.status !== 'success') {
    throw new Error(`Workflow "${workflow}" ended with status ${run.status}${run.error ? `: ${run.error}` : ''}`);
  }
}

/** Text broken into lines of at most `width` characters, each starting with `indent`. */
export function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

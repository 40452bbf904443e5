import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { inputErrorMessage, registeredFieldLabels } from '../helpers/fieldLabels';
import { InputError } from '../helpers/inputError';
import { readParameter } from '../helpers/parameters';
import { nodeRunOf, type NodeContext } from '../helpers/nodeRun';

/**
 * What each item of one node run has done in HighLevel: whether anything was sent for it, and what
 * it created. n8n sends every item's request at once and, without "Continue On Fail", shows only the
 * first failing item's error and outputs nothing (its rule: a failing node outputs nothing). A user
 * who then runs the node again books the items that did succeed a second time. So the error says
 * what the run already created, read when n8n shows it: by then every item has settled, because n8n
 * waits for all of them before it throws.
 */

interface ItemRecord {
	sent: boolean;
	created: string[];
}

type Context = NodeContext;

/** One ledger per node run (see nodeRun.ts). */
const ledgers = new WeakMap<object, Map<number, ItemRecord>>();

function recordOf(context: Context): ItemRecord | undefined {
	// A picker's search is no item of a run.
	if (!('getItemIndex' in context)) return undefined;
	const run = nodeRunOf(context);
	let ledger = ledgers.get(run);
	if (!ledger) ledgers.set(run, (ledger = new Map()));
	const index = context.getItemIndex();
	let record = ledger.get(index);
	if (!record) ledger.set(index, (record = { sent: false, created: [] }));
	return record;
}

function othersOf(context: IExecuteSingleFunctions): ItemRecord[] {
	const ledger = ledgers.get(nodeRunOf(context)) ?? new Map<number, ItemRecord>();
	const index = context.getItemIndex();
	return [...ledger.entries()].filter(([other]) => other !== index).map(([, record]) => record);
}

export function noteSent(context: Context): void {
	const record = recordOf(context);
	if (record) record.sent = true;
}

/** After a create: the ids HighLevel returned. */
export function noteCreated(context: Context, items: INodeExecutionData[]): void {
	const record = recordOf(context);
	if (!record) return;
	for (const item of items) {
		const json = item.json as IDataObject;
		if (json.id !== undefined && !json.alreadyExisted) record.created.push(String(json.id));
	}
}

/** Whether any request has gone to HighLevel for this item (a look-up counts). */
export function wasSent(context: Context): boolean {
	return recordOf(context)?.sent ?? false;
}

/** The sentence about the rest of the run, or '' when no other item created anything. */
export function createdByOtherItems(context: IExecuteSingleFunctions): string {
	const ids = othersOf(context).flatMap((record) => record.created);
	if (ids.length === 0) return '';
	const shown =
		ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
	const again = (readParameter(context, 'options.duplicateCheck', false) as boolean)
		? 'Duplicate Check is on: running the node again outputs them instead of booking them again.'
		: 'Running the node again creates them again: turn on Duplicate Check (Options), or fix this item and run only it.';
	return `Other items of this run were created in HighLevel: ${ids.length} (${shown}). ${again} With "Continue On Fail" (or the error output) each item returns its own result.`;
}

/**
 * Makes an item's error end with what the other items created, evaluated when n8n reads the
 * error (after every item settled). Nothing is added with "Continue On Fail": each item then has
 * its own result.
 */
export function withRunSummary<T extends object>(context: IExecuteSingleFunctions, error: T): T {
	if (context.continueOnFail()) return error;
	let own = (error as { description?: string | null }).description ?? '';
	Object.defineProperty(error, 'description', {
		configurable: true,
		enumerable: true,
		get: () => [own, createdByOtherItems(context)].filter(Boolean).join(' '),
		set: (value: string) => (own = value),
	});
	return error;
}

/** A parameter of the item's settings as the editor's displayOptions read it; undefined if unreadable. */
function settingOf(context: IExecuteSingleFunctions, name: string): unknown {
	try {
		return readParameter(context, name, undefined);
	} catch {
		return undefined;
	}
}

/**
 * Input errors become NodeOperationErrors on the item, so "Continue On Fail" keeps the other items
 * going. The message names the field as the editor shows it in the item's operation (End Time
 * (endTime)): the node registered its properties' labels (helpers/fieldLabels.ts). "Nothing was
 * sent" is said only when no look-up went out for the item either.
 */
export function asItemError(context: IExecuteSingleFunctions, error: unknown): unknown {
	if (!(error instanceof InputError)) return error;
	const sent = wasSent(context)
		? 'Only look-ups were sent to HighLevel for this item; nothing was created or changed.'
		: 'Nothing was sent to HighLevel for this item.';
	return withRunSummary(
		context,
		new NodeOperationError(context.getNode(), messageOf(context, error), {
			itemIndex: context.getItemIndex(),
			description: sent,
		}),
	);
}

function messageOf(context: IExecuteSingleFunctions, error: InputError): string {
	const labels = registeredFieldLabels(context.getNode().type);
	return inputErrorMessage(error, labels, (name) => settingOf(context, name));
}

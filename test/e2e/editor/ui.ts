// Reading and driving the node's panel (its top-level fields, its options) and the checks that
// read the page: the fields shown and not shown, an icon loaded.
import type { Locator, Page } from 'playwright-core';
import { check } from '../checks';
import { UI_TIMEOUT } from './browser';

/** The labels of the panel's top-level parameters (not the ones inside a collection). */
export async function panelFields(page: Page): Promise<string[]> {
	// Vue re-renders the panel over several frames after a change, later on a loaded machine: read
	// until two reads 250 ms apart agree (bounded), not once after a fixed pause.
	let last = await readPanelFields(page);
	for (const deadline = Date.now() + UI_TIMEOUT; Date.now() < deadline; ) {
		await page.waitForTimeout(250);
		const now = await readPanelFields(page);
		if (now.length > 0 && JSON.stringify(now) === JSON.stringify(last)) return now;
		last = now;
	}
	return last;
}

async function readPanelFields(page: Page): Promise<string[]> {
	// Parameters tab only (the Settings tab is rendered too); the label's title, without its
	// Fixed/Expression toggle; not the fields inside a collection.
	return page
		.getByTestId('ndv')
		.getByTestId('node-parameters')
		.locator('[data-test-id="input-label"] label')
		.evaluateAll((els) =>
			els
				.filter((el) => {
					if (!(el as unknown as { getClientRects(): { length: number } }).getClientRects().length)
						return false; // hidden tab
					const item = el.closest('[data-test-id="parameter-item"]');
					return !item?.parentElement?.closest('[data-test-id="parameter-item"]');
				})
				.map((el) =>
					((el.querySelector('[class*="_title_"]') ?? el).textContent ?? '')
						.replace(/\s+/g, ' ')
						.trim(),
				),
		);
}

export function expectFields(
	step: string,
	what: string,
	shown: string[],
	expected: string[],
	absent: string[],
): void {
	const missing = expected.filter((f) => !shown.includes(f));
	const extra = absent.filter((f) => shown.includes(f));
	console.log(`  ${what}: ${shown.join(', ')}`);
	check(step, missing.length === 0, `${what}: shows ${expected.join(', ')}`, { missing, shown });
	if (absent.length)
		check(step, extra.length === 0, `${what}: does not show ${absent.join(', ')}`, {
			unexpected: extra,
		});
}

export async function selectOption(page: Page, param: string, option: string): Promise<void> {
	const input = page.getByTestId('ndv').getByTestId(`parameter-input-${param}`);
	// Already chosen (the next operation's panel keeps the resource): nothing to do. Opening the
	// dropdown only to click the chosen item once left it open, the click lost while the list
	// scrolled to that item (Calendar Resource, the last resource, on a loaded machine).
	if ((await input.locator('input').inputValue()) === option) return;
	await input.scrollIntoViewIfNeeded();
	await input.click();
	const item = page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator(`text="${option}"`) });
	await item.first().click();
	await page.waitForFunction(
		([p, o]) => {
			const el = (globalThis as any).document.querySelector(
				`[data-test-id="ndv"] [data-test-id="parameter-input-${p}"] input`,
			); // eslint-disable-line @typescript-eslint/no-explicit-any
			return el?.value === o;
		},
		[param, option] as const,
	);
}

/** Whether the element shows up within UI_TIMEOUT; a check reports it, rather than the step failing. */
export async function appears(locator: Locator): Promise<boolean> {
	return locator.waitFor({ timeout: UI_TIMEOUT }).then(
		() => true,
		() => false,
	);
}

/** An <img> with the icon URL inside `scope`, loaded (naturalWidth > 0). */
export async function checkIcon(
	step: string,
	scope: Locator,
	iconUrl: string,
	what: string,
): Promise<void> {
	const img = scope.locator(`img[src$="${iconUrl.replace(/^\/?/, '')}"]`).first();
	const found = await appears(img);
	const loaded =
		found &&
		(await img.evaluate(
			(el) =>
				(el as unknown as { complete: boolean; naturalWidth: number }).complete &&
				(el as unknown as { naturalWidth: number }).naturalWidth > 0,
		));
	const srcs = found
		? []
		: await scope.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
	check(
		step,
		found && loaded,
		`${what}: <img> ${iconUrl} ${found ? (loaded ? 'loaded' : 'NOT loaded') : 'missing'}`,
		found ? undefined : { imgs: srcs },
	);
}

/** Adds `option` to a multi-options parameter; its dropdown stays open for more, so Escape closes it. */
export async function addOption(page: Page, param: string, option: string): Promise<void> {
	const input = page.getByTestId('ndv').getByTestId(`parameter-input-${param}`);
	await input.scrollIntoViewIfNeeded();
	await input.click();
	await page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator(`text="${option}"`) })
		.first()
		.click();
	await input.locator('.el-select__tags-text').getByText(option, { exact: true }).waitFor();
	await page.keyboard.press('Escape');
	await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/** The lab's own text: one catalog, every message in English and Korean, and --lang checked. */
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {catalog, LANGUAGES, t, unknownLanguage} from '../../source/lab/messages.js';
import {KEY_TABLE, SCOPE_TITLES} from '../../source/ui/keys.js';
import {App} from '../../source/ui/App.js';
import {fakeApi, testScenario} from './helpers/fixtures.js';
import {KEYS, press, renderApp, type, waitForText, type Instance} from './helpers/ink.js';

let current: Instance | undefined;
afterEach(() => {
	current?.unmount();
	current = undefined;
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(match => match[1]).sort();

describe('the message catalog', () => {
	it('has every message in every language, with the same placeholders', () => {
		const entries = Object.entries(catalog());
		expect(entries.length).toBeGreaterThan(40);
		for (const [key, texts] of entries) {
			// Not empty (a separator such as English's ' ' between words is all spaces).
			for (const lang of Object.keys(LANGUAGES)) expect(texts[lang as keyof typeof LANGUAGES], `${key} (${lang})`).toBeTruthy();
			// Korean words wherever the English has words (a template of placeholders and punctuation alone has none).
			if (/[A-Za-z]/.test(texts.en.replace(/\{\w+\}/g, ''))) expect(/[\uac00-\ud7a3]/.test(texts.ko), `${key} has Hangul`).toBe(true);
			expect(
				placeholders(texts.ko).filter(name => name !== 's'),
				key,
			).toEqual(placeholders(texts.en).filter(name => name !== 's'));
		}
	});

	it('fills placeholders and falls back to English for a language it does not have', () => {
		expect(t('ko', 'step.of', {n: 2, total: 4})).toBe('4단계 중 2단계');
		expect(t('fr', 'step.of', {n: 2, total: 4})).toBe('Step 2 of 4');
	});

	it('answers an unknown --lang with the languages there are', () => {
		expect(unknownLanguage('fr')).toBe('layerlab: no language "fr"; the lab speaks en (English), ko (한국어)\n');
		// The program itself answers it (exit 2): test/package/pack.test.ts runs `layerlab --lang fr list`.
	});

	it('speaks Korean on the lab screen with --lang ko: title, panes, step pane, notes, help bar question', async () => {
		const api = fakeApi();
		current = await renderApp(<App api={api} lang="ko" color={false} initial={await api.open(testScenario(), 80)} />, {columns: 100, rows: 30});
		let frame = current.lastFrame()!;
		expect(frame).toContain('2단계 중 1');
		expect(frame).toContain('2단계 중 1단계');
		expect(frame).toContain('해 보기');
		expect(frame).toContain('2 터미널');
		expect(frame).toContain('기록 0/0');
		expect(frame).toContain('Enter 실행');
		expect(frame).toContain('1/2 · 0개 완료');
		await press(current, KEYS.escape);
		frame = await press(current, 'u');
		expect(frame).toContain('layerlab: 되돌릴 것이 없다.');
		frame = await press(current, KEYS.escape);
		expect(frame).toContain('h 힌트');
		frame = await press(current, 's');
		expect(frame).toContain('이 단계의 풀이를 볼까?');
	});

	it("has every key of the help screen, in keys.ts's own English and in Korean", () => {
		const messages = catalog();
		for (const binding of KEY_TABLE) {
			const entry = messages[`key.${binding.scope}.${binding.command}`];
			expect(entry?.en, `key.${binding.scope}.${binding.command}`).toBe(binding.help);
		}
		for (const [scope, title] of Object.entries(SCOPE_TITLES)) expect(messages[`scope.${scope}`]?.en, scope).toBe(title);
	});

	it('shows the ? screen in Korean with --lang ko', async () => {
		const api = fakeApi();
		current = await renderApp(<App api={api} lang="ko" color={false} initial={await api.open(testScenario(), 80)} />, {columns: 100, rows: 40});
		await press(current, KEYS.escape);
		const frame = await press(current, '?');
		expect(frame).toContain('─ 키 ─');
		expect(frame).toContain('어디서나');
		expect(frame).toContain('진행 상황을 저장하고 나간다');
		expect(frame).toMatch(/\d+줄 중 1–\d+ · ↑↓ 스크롤 · Esc 닫기/);
		expect(frame).not.toMatch(/Anywhere|Save progress|Scroll the/);
	});

	it('speaks Korean in every pane at 160x48: Layers, Containers, Volumes, Images (checks: test/scenario/checks.test.ts)', async () => {
		const api = fakeApi();
		current = await renderApp(<App api={api} lang="ko" color={false} initial={await api.open(testScenario(), 80)} />, {columns: 160, rows: 48});
		await type(current, 'docker container run --name rn1 diamol/ch06-random-number');
		await press(current, KEYS.enter);
		const frame = await waitForText(current, '▌기록 가능 레이어 rn1');
		expect(frame).toContain('▌기록 가능 레이어 rn1 전용 · 변경 2개');
		expect(frame).toContain('볼륨이 없다.');
		expect(frame).toMatch(/\d+, \d+개 공유/);
		expect(frame).not.toMatch(/WRITABLE LAYER|IMAGE LAYERS|merged view|No volumes|Docker's own|shared|added|copied up/);
	});
});
